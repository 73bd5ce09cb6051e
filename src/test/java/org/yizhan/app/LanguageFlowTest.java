package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.yizhan.config.ConfigKey;
import org.yizhan.config.Orientation;
import org.yizhan.config.UiLanguage;
import org.yizhan.testing.FlowScreen;
import org.yizhan.testing.Fx;
import org.yizhan.testing.ManualClock;
import org.yizhan.testing.Screenshots;
import org.yizhan.testing.TestKiosks;
import org.yizhan.ui.Destination;
import org.yizhan.ui.UiTaskExecutor;

/** 简体 → 繁體 → English from the top bar, on home, a guide and search; the idle reset brings the kiosk's own back. */
class LanguageFlowTest {

    @TempDir
    Path data;

    private final FxRobot robot = new FxRobot();
    private final FlowScreen screen = new FlowScreen(() -> this.kiosk.scene());
    private final UiTaskExecutor tasks = new UiTaskExecutor(2);
    private final ManualClock clock = new ManualClock();
    private Stage stage;
    private Kiosk kiosk;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (kiosk != null) {
            kiosk.close();
        }
        tasks.close();
        if (stage != null) {
            Fx.run(() -> stage.hide());
        }
    }

    private void start(UiLanguage language) throws Exception {
        kiosk = Fx.call(() -> {
            stage = new Stage();
            return Kiosk.start(stage, TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60))
                    .with(ConfigKey.UI_LANGUAGE, language), clock, tasks, false);
        });
        kiosk.ready().get(30, TimeUnit.SECONDS);
        kiosk.setupFinished().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        screen.awaitShown("#tile-guide");
    }

    private String text(String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

    private void shot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Fx.run(() -> Screenshots.save(kiosk.scene(), name));
    }

    private void go(Destination d) {
        Fx.run(() -> kiosk.shell().go(d));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theCitizenSwitchesTo繁體ThenEnglishAndTheIdleResetBringsBack简体() throws Exception {
        start(UiLanguage.ZH_HANS);
        assertEquals("办事指南", text("#tile-guide .tile-label"));

        screen.tap("#language-zh-Hant");
        assertEquals(UiLanguage.ZH_HANT, Fx.call(() -> kiosk.shell().language()));
        assertEquals("辦事指南", text("#tile-guide .tile-label"), "the interface in 繁體");
        assertTrue(text("#home-notice").contains("不動產登記窗口"), "and the catalog's notice, converted: " + text("#home-notice"));
        shot("language-zh-Hant-home");

        go(new Destination.Guide("gaj-sfz-hl"));
        assertEquals("居民身份證換領", text("#guide-name"));
        assertEquals("返回", text("#back-button"));
        shot("language-zh-Hant-guide");

        screen.tap("#language-en");
        assertInstanceOf(Destination.Guide.class, kiosk.shell().current(), "the same screen, rebuilt in English");
        assertEquals("居民身份证换领", text("#guide-name"), "a catalog without English shows its Chinese");
        assertEquals("Back", text("#back-button"));
        shot("language-en-guide");

        go(new Destination.Search("身份證"));
        assertTrue(Fx.call(() -> robot.lookup(".hit-name").queryAll().size()) > 0,
                "繁體 typed finds the simplified catalog");

        screen.tap("#elder-button");
        clock.advance(Duration.ofSeconds(181)); // elder mode waits idle.timeout.elder
        Fx.run(() -> kiosk.shell().checkIdle());
        WaitForAsyncUtils.waitForFxEvents();
        assertInstanceOf(Destination.Home.class, kiosk.shell().current());
        assertEquals(UiLanguage.ZH_HANS, Fx.call(() -> kiosk.shell().language()), "the next citizen gets the kiosk's language");
        assertFalse(Fx.call(() -> kiosk.shell().root().getStyleClass().contains("elder")), "and standard mode");
        assertEquals("办事指南", text("#tile-guide .tile-label"));
    }

    @Test
    void aKioskSetTo繁體StartsInItAndMarksIt() throws Exception {
        start(UiLanguage.ZH_HANT);
        assertEquals("辦事指南", text("#tile-guide .tile-label"));
        assertTrue(Fx.call(() -> robot.lookup("#language-zh-Hant").queryAs(Button.class).getStyleClass().contains("current")));
        assertEquals(Fx.call(() -> robot.lookup("#hall-name").queryAs(Label.class).getText()),
                org.yizhan.language.Traditional.of(Fx.call(() -> robot.lookup("#hall-name").queryAs(Label.class).getText())),
                "the hall's name in 繁體 too");
    }
}
