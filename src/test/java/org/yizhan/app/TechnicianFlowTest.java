package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.KioskConfigLoader;
import org.yizhan.config.PinHash;
import org.yizhan.testing.FlowScreen;
import org.yizhan.testing.Fx;
import org.yizhan.testing.ManualClock;
import org.yizhan.testing.ManualScheduleTaskExecutor;
import org.yizhan.ui.Destination;
import org.yizhan.ui.UiTaskExecutor;

/** The technician's panel as a technician uses it: the corner taps, the PIN, the state, the actions. */
class TechnicianFlowTest {
    private static final String PIN = "246810";
    private static final String HASH = PinHash.of(PIN).toString();

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final ManualScheduleTaskExecutor tasks = new ManualScheduleTaskExecutor(new UiTaskExecutor(2));
    private final ManualClock clock = new ManualClock();
    private final BlockingQueue<Kiosk> started = new LinkedBlockingQueue<>();
    private final AtomicInteger quits = new AtomicInteger();
    private final FlowScreen screen = new FlowScreen(() -> kiosk().scene());
    private KioskRunner runner;
    private Stage stage;
    private Path file;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (runner != null) {
            Fx.run(runner::close);
        }
        tasks.close();
        if (stage != null) {
            Fx.run(stage::hide);
        }
    }

    private Kiosk kiosk() {
        return runner.current().orElseThrow();
    }

    private void write(String extra) throws Exception {
        Files.writeString(file, "hall.name=云溪县政务服务中心\nkiosk.id=kiosk-tech\nserver.url=embedded\ndata.dir="
                + dir.resolve("data").toString().replace('\\', '/') + "\n" + extra, StandardCharsets.UTF_8);
    }

    private Kiosk start(String extra) throws Exception {
        file = dir.resolve("kiosk.properties");
        write(extra);
        KioskConfig config = KioskConfigLoader.load(file).config();
        Fx.run(() -> {
            stage = new Stage();
            runner = new KioskRunner(stage, tasks, clock, false, Optional.of(file), List.of(), quits::incrementAndGet);
            runner.setOnStarted(started::add);
            runner.start(config);
        });
        Kiosk kiosk = started.poll(10, TimeUnit.SECONDS);
        kiosk.ready().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return kiosk;
    }

    /** Five quick taps in the top left corner, where the hall's name is. */
    private void cornerTaps() {
        Point2D corner = Fx.call(() -> kiosk().scene().getRoot().localToScreen(40, 40));
        for (int i = 0; i < 5; i++) {
            robot.clickOn(corner.getX(), corner.getY());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void typePin(String pin) {
        for (char c : pin.toCharArray()) {
            screen.tap("#key-" + c);
        }
        screen.tap("#tech-pin-open");
    }

    private String result() throws Exception {
        WaitForAsyncUtils.waitFor(100, TimeUnit.SECONDS, () -> Fx.call(() -> {
            var sync = robot.lookup("#tech-sync").tryQuery();
            return sync.isPresent() && !sync.get().isDisabled() && !screen.text("#tech-result").isEmpty();
        }));
        return screen.text("#tech-result");
    }

    private void awaitFacts() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Fx.call(() -> robot.lookup(".tech-sections").tryQuery()
                .map(sections -> ((VBox) sections).getChildren().size() > 1).orElse(false)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> shownTexts() {
        return Fx.call(() -> robot.lookup("#tech-panel .label").queryAllAs(Label.class).stream().map(Label::getText).toList());
    }

    @Test
    void theCornerTapsAndThePinOpenThePanelAndAWrongPinWaits() throws Exception {
        start("technician.pin=" + HASH + "\n");
        cornerTaps();
        screen.awaitShown("#tech-pin-page");
        screen.shot("technician-pin");
        typePin("1111");
        screen.awaitShown("#tech-pin-page");
        assertTrue(screen.text("#tech-pin-message").contains("不正确"), screen.text("#tech-pin-message"));
        assertTrue(screen.text("#tech-pin-message").contains("5 秒"), screen.text("#tech-pin-message"));
        typePin(PIN);
        screen.awaitShown("#tech-pin-page");
        assertTrue(screen.text("#tech-pin-message").contains("秒后再试"), "the wait holds even for the right PIN");

        clock.advance(Duration.ofSeconds(6));
        typePin(PIN);
        screen.awaitShown("#tech-panel");
        awaitFacts();
        List<String> texts = shownTexts();
        assertTrue(texts.contains("kiosk-tech · 云溪县政务服务中心"), texts.toString());
        assertTrue(texts.contains(file.toString()), "the config file it runs on: " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("可连通，往返")), "the hall server answers: " + texts);
        assertTrue(texts.contains("未设置打印机（printer.type=none）"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("wrong PIN")), "the last log lines: " + texts);
        assertFalse(texts.stream().anyMatch(t -> t.contains(PIN)), "no PIN anywhere on the panel");
        screen.shot("technician-panel");

        screen.tap("#elder-button");
        awaitFacts();
        screen.shot("technician-panel-elder");
    }

    @Test
    void syncNowAndAReloadedConfigAreShownAndApplied() throws Exception {
        start("technician.pin=" + HASH + "\n");
        cornerTaps();
        typePin(PIN);
        screen.awaitShown("#tech-panel");

        screen.tap("#tech-sync");
        assertTrue(result().startsWith("同步完成："), result());

        screen.tap("#tech-reload");
        assertEquals("配置没有变化。", result());

        write("technician.pin=" + HASH + "\nidle.timeout=5\n");
        screen.tap("#tech-reload");
        String invalid = result();
        assertTrue(invalid.startsWith("配置有问题，未采用"), invalid);
        assertTrue(invalid.contains("idle.timeout"), invalid);
        assertEquals(Duration.ofSeconds(60), kiosk().config().idleTimeout(), "the config in force stays");

        write("technician.pin=" + HASH + "\nlog.keep-days=30\n");
        screen.tap("#tech-reload");
        String later = result();
        assertTrue(later.startsWith("配置有效，但须重启程序") && later.contains("log.keep-days"), later);
        assertEquals(0, tasks.runScheduled(), "kept for the next start, nothing rebuilt now");

        write("technician.pin=" + HASH + "\nidle.timeout=120\n");
        screen.tap("#tech-reload");
        String applied = result();
        assertTrue(applied.startsWith("配置已采用") && applied.contains("idle.timeout"), applied);
        screen.shot("technician-reloaded");
        Kiosk before = kiosk();
        assertEquals(1, tasks.runScheduled(), "the screens are built afresh once the technician could read it");
        Kiosk after = started.poll(30, TimeUnit.SECONDS);
        after.ready().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(after != before);
        assertEquals(Duration.ofSeconds(120), after.config().idleTimeout());
        assertInstanceOf(Destination.Home.class, Fx.call(() -> after.shell().current()));
        assertEquals(after.scene(), Fx.call(() -> stage.getScene()), "on the same stage");

        cornerTaps();
        screen.awaitShown("#tech-pin-page");
    }

    @Test
    void restartAndQuitAreTheHostsToDo() throws Exception {
        start("technician.pin=" + HASH + "\n");
        cornerTaps();
        typePin(PIN);
        screen.awaitShown("#tech-panel");
        Kiosk before = kiosk();
        screen.tap("#tech-restart");
        Kiosk after = started.poll(30, TimeUnit.SECONDS);
        after.ready().get(30, TimeUnit.SECONDS);
        assertTrue(after != before);
        WaitForAsyncUtils.waitForFxEvents();

        cornerTaps();
        typePin(PIN);
        screen.awaitShown("#tech-panel");
        screen.tap("#tech-quit");
        assertEquals(1, quits.get());
    }

    @Test
    void theIdleResetClosesThePanel() throws Exception {
        Kiosk kiosk = start("technician.pin=" + HASH + "\n");
        cornerTaps();
        typePin(PIN);
        screen.awaitShown("#tech-panel");
        clock.advance(Duration.ofSeconds(61));
        Fx.run(() -> kiosk.shell().checkIdle());
        WaitForAsyncUtils.waitForFxEvents();
        assertInstanceOf(Destination.Home.class, Fx.call(() -> kiosk.shell().current()));
        cornerTaps();
        screen.awaitShown("#tech-pin-page");
        assertEquals("", screen.text("#tech-pin"), "it opens at the PIN again");
    }

    @Test
    void withoutAPinTheTapsDoNothing() throws Exception {
        Kiosk kiosk = start("");
        cornerTaps();
        cornerTaps();
        assertInstanceOf(Destination.Home.class, Fx.call(() -> kiosk.shell().current()));
    }
}
