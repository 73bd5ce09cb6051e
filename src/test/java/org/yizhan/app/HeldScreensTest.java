package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.yizhan.testing.Fx;
import org.yizhan.testing.ManualClock;
import org.yizhan.testing.Screenshots;
import org.yizhan.ui.Destination;
import org.yizhan.ui.KioskShell;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Screen;
import org.yizhan.ui.ScreenFactory;

/**
 * The home screen comes from the catalog's outline; until the rest of the catalog and the search index are read, a
 * citizen who taps on sees the loading page, and the screen they asked for once it can be built.
 */
class HeldScreensTest {

    private final List<Destination> built = new ArrayList<>();
    private final ScreenFactory screens = (destination, navigator) -> {
        built.add(destination);
        Label label = new Label(destination.getClass().getSimpleName());
        label.setId("screen-" + destination.getClass().getSimpleName());
        VBox root = new VBox(label);
        return new Screen() {
            @Override
            public Parent root() {
                return root;
            }

            @Override
            public String title() {
                return "";
            }
        };
    };
    private Stage stage;
    private KioskShell shell;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        Fx.run(() -> {
            if (stage != null) {
                stage.hide();
            }
        });
    }

    private void start() {
        Fx.run(() -> {
            stage = new Stage();
            shell = new KioskShell(Messages.simplifiedChinese(), screens,
                    new KioskShell.Info("云溪县政务服务中心", "kiosk-test", false, Duration.ofSeconds(60)), new ManualClock());
            Scene scene = new Scene(shell.root(), 1080, 1920);
            shell.attach(scene);
            KioskStage.styles(scene);
            stage.setScene(scene);
            stage.show();
            shell.holdScreens(true);
            shell.home();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSearchTappedBeforeTheIndexIsReadyWaitsOnTheLoadingPageThenOpens() {
        start();
        assertEquals(List.of(new Destination.Home()), built, "home is built while held");

        Fx.run(() -> shell.go(new Destination.Search("sfz")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Destination.Search("sfz"), Fx.call(shell::current));
        assertEquals(List.of(new Destination.Home()), built, "no search screen without its index");
        assertNotNull(Fx.call(() -> stage.getScene().lookup(".loading")), "the loading page");
        assertNull(Fx.call(() -> stage.getScene().lookup("#screen-Search")));
        Fx.run(() -> Screenshots.save(stage.getScene(), "held-search"));

        Fx.run(() -> shell.holdScreens(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new Destination.Home(), new Destination.Search("sfz")), built);
        assertNotNull(Fx.call(() -> stage.getScene().lookup("#screen-Search")), "opened once released");
        assertNull(Fx.call(() -> stage.getScene().lookup(".loading")));
        assertFalse(Fx.call(shell::screensHeld));
    }

    @Test
    void aCitizenWhoGoesHomeWhileHeldStaysHomeWhenReleased() {
        start();
        Fx.run(() -> shell.go(new Destination.Guide("some-service")));
        Fx.run(shell::home);
        Fx.run(() -> shell.holdScreens(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Destination.Home(), Fx.call(shell::current));
        assertEquals(List.of(new Destination.Home(), new Destination.Home()), built, "the guide was never built");
    }

    @Test
    void theTechniciansPanelIsNotHeld() {
        start();
        Fx.run(() -> shell.go(new Destination.Technician()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new Destination.Home(), new Destination.Technician()), built);
        assertTrue(Fx.call(shell::screensHeld));
    }
}
