package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.yizhan.config.ConfigKey;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.Orientation;
import org.yizhan.speech.SpeechEngine;
import org.yizhan.testing.FlowScreen;
import org.yizhan.testing.Fx;
import org.yizhan.testing.ManualClock;
import org.yizhan.testing.ManualScheduleTaskExecutor;
import org.yizhan.testing.TestKiosks;
import org.yizhan.ui.Destination;
import org.yizhan.ui.UiTaskExecutor;

/** Elder mode's 朗读 button, with a speech engine that records what it was asked instead of speaking. */
class ReadAloudFlowTest {
    /** Monday 2026-11-30, 10:00 in Asia/Shanghai: the demo hall's queues are open. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T02:00:00Z");
    private static final Duration IDLE = Duration.ofSeconds(60);

    @TempDir
    Path data;

    private final FxRobot robot = new FxRobot();
    private final FlowScreen screen = new FlowScreen(() -> this.kiosk.scene());
    private final ManualScheduleTaskExecutor tasks = new ManualScheduleTaskExecutor(new UiTaskExecutor(2));
    private final ManualClock clock = new ManualClock(MONDAY_MORNING, ZoneId.of("Asia/Shanghai"));
    private final RecordingEngine engine = new RecordingEngine();
    private Stage stage;
    private Kiosk kiosk;

    /** What the shell asked; {@link #finish} plays the end of a reading, from the engine's own thread. */
    static final class RecordingEngine implements SpeechEngine {
        final List<String> calls = new ArrayList<>();
        String lastText = "";
        private Runnable finished = () -> { };

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public synchronized void speak(String text, Locale language, Runnable whenFinished) {
            calls.add("speak " + language.toLanguageTag());
            lastText = text;
            finished = whenFinished;
        }

        @Override
        public synchronized void stop() {
            calls.add("stop");
        }

        void finish() throws InterruptedException {
            Thread end = new Thread(finished, "yizhan-speech");
            end.start();
            end.join();
        }
    }

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
            Fx.run(stage::hide);
        }
    }

    private void start(boolean elder) throws Exception {
        // Elder mode waits as long as standard mode here: the reading, not the longer timeout, is under test.
        KioskConfig config = TestKiosks.config(data, Orientation.PORTRAIT, IDLE).with(ConfigKey.UI_ELDER_DEFAULT, elder)
                .with(ConfigKey.IDLE_TIMEOUT_ELDER, IDLE);
        kiosk = Fx.call(() -> {
            stage = new Stage();
            return Kiosk.start(stage, config, clock, tasks, false);
        });
        kiosk.ready().get(30, TimeUnit.SECONDS);
        kiosk.setupFinished().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean buttonShown() {
        return Fx.call(() -> robot.lookup("#read-aloud-button").tryQuery().map(Node::isVisible).orElse(false));
    }

    private String buttonText() {
        return Fx.call(() -> robot.lookup("#read-aloud-button").queryAs(Button.class).getText());
    }

    private void withEngine() {
        Fx.run(() -> kiosk.shell().setSpeech(Optional.of(engine)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void inElderModeTheButtonReadsTheGuideStopsOnASecondTapAndWhenTheCitizenLeaves() throws Exception {
        start(true);
        Fx.run(() -> kiosk.shell().go(new Destination.Guide("gaj-sfz-hl")));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(buttonShown(), "no engine, no button");

        withEngine();
        assertTrue(buttonShown(), "an engine and a guide: 朗读");
        assertEquals("朗读", buttonText());
        double height = Fx.call(() -> robot.lookup("#read-aloud-button").query().getBoundsInLocal().getHeight());
        assertTrue(height >= 80, "a target an elder hits: " + height + " px");
        screen.shot("read-aloud-guide-elder");

        screen.tap("#read-aloud-button");
        assertEquals(List.of("speak zh-Hans"), engine.calls);
        assertTrue(engine.lastText.startsWith("居民身份证换领。受理条件："), engine.lastText);
        assertTrue(engine.lastText.contains("申请材料共 5 项。第 1 项，原居民身份证，必要。"), engine.lastText);
        assertEquals("停止朗读", buttonText());
        assertTrue(Fx.call(() -> kiosk.shell().reading()));
        screen.shot("read-aloud-guide-elder-reading");

        screen.tap("#read-aloud-button");
        assertEquals(List.of("speak zh-Hans", "stop"), engine.calls);
        assertEquals("朗读", buttonText());

        screen.tap("#read-aloud-button");
        engine.finish();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("朗读", buttonText(), "read to its end, the button offers it again");
        assertFalse(Fx.call(() -> kiosk.shell().reading()));

        screen.tap("#read-aloud-button");
        screen.tap("#home-button");
        assertEquals(List.of("speak zh-Hans", "stop", "speak zh-Hans", "speak zh-Hans", "stop"), engine.calls,
                "首页 stops the reading");
        assertFalse(Fx.call(() -> kiosk.shell().reading()));
        assertFalse(buttonShown(), "home has nothing to read");

        Fx.run(() -> kiosk.shell().go(new Destination.Guide("gaj-sfz-hl")));
        WaitForAsyncUtils.waitForFxEvents();
        screen.tap("#read-aloud-button");
        screen.tap("#elder-button");
        assertEquals("stop", engine.calls.get(engine.calls.size() - 1), "leaving elder mode stops it");
        assertFalse(buttonShown(), "only in elder mode");
    }

    @Test
    void theIdleCountdownTakesTheButtonsPlace() throws Exception {
        start(true);
        withEngine();
        Fx.run(() -> kiosk.shell().go(new Destination.Guide("gaj-sfz-hl")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(buttonShown());
        clock.advance(IDLE.minusSeconds(10));
        Fx.run(() -> kiosk.shell().checkIdle());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.call(() -> robot.lookup("#idle-countdown").query().isVisible()), "the countdown");
        assertFalse(buttonShown(), "no room for both; 继续使用 matters then");
        screen.shot("read-aloud-countdown-elder");
        screen.tap("#stay-button");
        assertTrue(buttonShown(), "back once the citizen stays");
    }

    @Test
    void outsideElderModeThereIsNoButton() throws Exception {
        start(false);
        withEngine();
        Fx.run(() -> kiosk.shell().go(new Destination.Guide("gaj-sfz-hl")));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(buttonShown());
        screen.tap("#elder-button");
        assertTrue(buttonShown());
    }

    @Test
    void theTicketIsReadOnceItIsShownAndTheIdleResetWaitsForTheEndOfTheReading() throws Exception {
        start(true);
        withEngine();
        screen.tap("#tile-queue");
        screen.awaitShown("#queue-huji");
        assertFalse(buttonShown(), "the queues' list is for the eyes");
        screen.tap("#queue-huji");
        screen.awaitShown("#queue-take");
        screen.tap("#queue-take");
        screen.awaitShown("#queue-ticket");
        assertTrue(buttonShown(), "a ticket to read");
        screen.shot("read-aloud-ticket-elder");
        screen.tap("#read-aloud-button");
        assertTrue(engine.lastText.startsWith("您的号码："), engine.lastText);
        String number = Fx.call(() -> kiosk.shell().currentScreen().root().lookup("#ticket-number") instanceof
                javafx.scene.control.Label l ? l.getText() : "");
        assertTrue(engine.lastText.contains(String.join(" ", number.split(""))), number + " in " + engine.lastText);

        clock.advance(IDLE.plusSeconds(5));
        Fx.run(() -> kiosk.shell().checkIdle());
        assertTrue(Fx.call(() -> kiosk.shell().current()) instanceof Destination.Queue, "still listening");
        engine.finish();
        WaitForAsyncUtils.waitForFxEvents();
        clock.advance(IDLE.minusSeconds(5));
        Fx.run(() -> kiosk.shell().checkIdle());
        assertTrue(Fx.call(() -> kiosk.shell().current()) instanceof Destination.Queue, "the idle time counts from the end");
        clock.advance(Duration.ofSeconds(10));
        Fx.run(() -> kiosk.shell().checkIdle());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Destination.HOME, Fx.call(() -> kiosk.shell().current()));
    }

    @Test
    void aCasesAnswerIsReadWithoutTheApplicantAndItsTimedCloseStopsTheReading() throws Exception {
        start(true);
        withEngine();
        screen.tap("#tile-status");
        screen.awaitShown("#status-number");
        assertFalse(buttonShown(), "nothing to read while typing");
        for (char c : "yx2026112300123".toCharArray()) {
            Fx.run(() -> ((Button) robot.lookup("#key-" + c).query()).fire());
        }
        screen.tap("#status-next");
        screen.awaitShown("#status-check");
        for (char c : "1234".toCharArray()) {
            Fx.run(() -> ((Button) robot.lookup("#key-" + c).query()).fire());
        }
        screen.tap("#status-next");
        screen.awaitShown("#status-timeline");
        screen.tap("#read-aloud-button");
        String service = Fx.call(() -> robot.lookup("#status-answer .title").queryAs(javafx.scene.control.Label.class)
                .getText());
        String applicant = Fx.call(() -> robot.lookup("#status-answer .label").queryAllAs(javafx.scene.control.Label.class)
                .stream().map(javafx.scene.control.Label::getText).filter(t -> t.startsWith("申请人："))
                .findFirst().orElseThrow().substring("申请人：".length()));
        assertTrue(engine.lastText.startsWith(service + "。正在办理。当前环节："), engine.lastText);
        assertFalse(engine.lastText.contains(applicant) || engine.lastText.contains("YX2026112300123"),
                applicant + " in " + engine.lastText);
        tasks.runScheduled(); // the answer's 90 s are up
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Destination.HOME, Fx.call(() -> kiosk.shell().current()));
        assertEquals("stop", engine.calls.get(engine.calls.size() - 1));
        assertFalse(Fx.call(() -> kiosk.shell().reading()));
    }

    @Test
    void anEngineThatNeverEndsDoesNotHoldTheScreenForTheNextCitizen() throws Exception {
        start(true);
        withEngine();
        Fx.run(() -> kiosk.shell().go(new Destination.Guide("gaj-sfz-hl")));
        WaitForAsyncUtils.waitForFxEvents();
        screen.tap("#read-aloud-button");
        clock.advance(Duration.ofMinutes(6));
        Fx.run(() -> kiosk.shell().checkIdle());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Destination.HOME, Fx.call(() -> kiosk.shell().current()));
        assertEquals("stop", engine.calls.get(engine.calls.size() - 1), "the idle reset stops it");
    }
}
