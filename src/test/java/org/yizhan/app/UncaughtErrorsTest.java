package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.yizhan.testing.Fx;
import org.yizhan.testing.ManualClock;
import org.yizhan.testing.Screenshots;
import org.yizhan.ui.Destination;
import org.yizhan.ui.KioskShell;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Navigator;
import org.yizhan.ui.Screen;
import org.yizhan.ui.ScreenFactory;

/** An exception nobody caught, on the FX thread or another: logged, and the citizen is back home. */
class UncaughtErrorsTest {

    private final FxRobot robot = new FxRobot();
    private final ManualClock clock = new ManualClock();
    /** While set, building the home screen throws, as a broken catalog might make it. */
    private final AtomicBoolean homeBroken = new AtomicBoolean();
    private Stage stage;
    private KioskShell shell;
    private UncaughtErrors handler;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        Fx.run(() -> {
            if (handler != null) {
                handler.uninstall();
            }
            if (stage != null) {
                stage.hide();
            }
        });
    }

    /** Home has a button that throws and one that opens search; search's button throws too. */
    private final ScreenFactory screens = (Destination destination, Navigator navigator) -> {
        if (destination instanceof Destination.Home) {
            if (homeBroken.get()) {
                throw new IllegalStateException("the home screen cannot be built");
            }
            return screen("home", button("home-throws", () -> {
                throw new IllegalStateException("a home handler failed");
            }), button("open-search", () -> navigator.go(new Destination.Search(""))));
        }
        return screen("search", button("search-throws", () -> {
            throw new UnsupportedOperationException("a search handler failed");
        }));
    };

    private void start() {
        Fx.run(() -> {
            stage = new Stage();
            shell = new KioskShell(Messages.simplifiedChinese(), screens,
                    new KioskShell.Info("云溪县政务服务中心", "kiosk-test", false, Duration.ofSeconds(60),
                            Duration.ofSeconds(180)), clock);
            Scene scene = new Scene(shell.root(), 1080, 1920);
            shell.attach(scene);
            KioskStage.styles(scene);
            stage.setScene(scene);
            stage.show();
            handler = UncaughtErrors.install(shell);
            shell.home();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aScreenWhoseHandlerThrowsIsLoggedAndTheShellGoesHome() {
        start();
        robot.clickOn("#open-search");
        WaitForAsyncUtils.waitForFxEvents();
        assertInstanceOf(Destination.Search.class, Fx.call(shell::current));

        robot.clickOn("#search-throws");
        WaitForAsyncUtils.waitForFxEvents();

        assertInstanceOf(Destination.Home.class, Fx.call(shell::current), "back home on the next pulse");
        String logged = lastLine("uncaught exception");
        assertTrue(logged.contains("ERROR") && logged.contains("[JavaFX Application Thread]")
                && logged.contains(" | java.lang.UnsupportedOperationException | at org.yizhan.app.UncaughtErrorsTest"), logged);
        assertFalse(logged.contains("a search handler failed"), "a message may hold what a citizen typed: " + logged);
        assertEquals("java.lang.UnsupportedOperationException", RecentLog.get().lastErrorClass().orElseThrow());
        assertEquals(List.of(stage), Fx.call(() -> List.copyOf(Window.getWindows())), "no dialog, no other window");
    }

    @Test
    void aHomeScreenThatKeepsFailingRestsOnTheOutOfServicePageAndIsTriedAgainLater() {
        start();
        robot.clickOn("#home-throws");
        WaitForAsyncUtils.waitForFxEvents();
        assertInstanceOf(Destination.Home.class, Fx.call(shell::current), "one failure at home: home again");
        assertFalse(Fx.call(shell::outOfService));

        // Home's handler fails again, and now home cannot even be built: no spinning between the two.
        homeBroken.set(true);
        clock.advance(Duration.ofSeconds(2));
        robot.clickOn("#home-throws");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.call(shell::outOfService), "twice within seconds: out of service");
        assertNull(Fx.call(shell::current));
        assertTrue(Fx.call(() -> robot.lookup("#out-of-service").tryQuery().isPresent()));
        Fx.run(() -> Screenshots.save(stage.getScene(), "out-of-service-portrait"));

        clock.advance(Duration.ofSeconds(59));
        Fx.run(shell::checkRecovery);
        assertTrue(Fx.call(shell::outOfService), "not before the pause is over");

        // The pause is over but home still cannot be built: a try or two, then out of service again.
        clock.advance(Duration.ofSeconds(1));
        Fx.run(() -> Platform.runLater(shell::checkRecovery)); // as the ticker calls it, with the FX thread's handler
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.call(shell::outOfService), "a home that still fails rests again");
        assertTrue(lastLine("uncaught exception").contains("java.lang.IllegalStateException | at org.yizhan.app.UncaughtErrorsTest"));

        homeBroken.set(false);
        clock.advance(Duration.ofSeconds(60));
        Fx.run(shell::checkRecovery);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Fx.call(shell::outOfService));
        assertInstanceOf(Destination.Home.class, Fx.call(shell::current), "tried again: home is back");
    }

    @Test
    void anExceptionOnABackgroundThreadIsLoggedWithTheThreadsName() throws Exception {
        start();
        Thread worker = new Thread(() -> {
            throw new ArithmeticException("a background job failed");
        }, "yizhan-test-worker");
        worker.start();
        worker.join(10_000);
        String logged = lastLine("yizhan-test-worker");
        assertTrue(logged.contains("ERROR") && logged.contains(" | java.lang.ArithmeticException | at "), logged);
        assertFalse(logged.contains("a background job failed"), logged);
        assertEquals("java.lang.ArithmeticException", RecentLog.get().lastErrorClass().orElseThrow());
    }

    private static String lastLine(String containing) {
        List<String> lines = RecentLog.get().lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(containing)) {
                return lines.get(i);
            }
        }
        throw new AssertionError("no line with \"" + containing + "\" in " + lines);
    }

    private static Screen screen(String title, Button... buttons) {
        VBox root = new VBox(buttons);
        return new Screen() {
            @Override
            public Parent root() {
                return root;
            }

            @Override
            public String title() {
                return title;
            }
        };
    }

    private static Button button(String id, Runnable action) {
        Button b = new Button(id);
        b.setId(id);
        b.setPrefSize(300, 120);
        b.setOnAction(e -> action.run());
        return b;
    }
}
