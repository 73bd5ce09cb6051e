package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
import org.yizhan.config.PrinterType;
import org.yizhan.testing.FakeEscPosPrinter;
import org.yizhan.testing.Fx;
import org.yizhan.testing.ManualClock;
import org.yizhan.testing.ManualScheduleTaskExecutor;
import org.yizhan.testing.Screenshots;
import org.yizhan.testing.TestKiosks;
import org.yizhan.ui.Destination;
import org.yizhan.ui.UiTaskExecutor;

/**
 * 取号 as a citizen does it, on the embedded hall server and a loopback ESC/POS printer that answers with
 * real status bytes, at 10:00 on a Monday in the hall's time zone (the demo hall's queues are open).
 */
class QueueFlowTest {
    /** Monday 2026-11-30, 10:00 in Asia/Shanghai. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T02:00:00Z");

    @TempDir
    Path data;

    private final FxRobot robot = new FxRobot();
    private final ManualScheduleTaskExecutor tasks = new ManualScheduleTaskExecutor(new UiTaskExecutor(2));
    private final ManualClock clock = new ManualClock(MONDAY_MORNING, ZoneId.of("Asia/Shanghai"));
    private FakeEscPosPrinter printer;
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
        if (printer != null) {
            printer.close();
        }
        if (stage != null) {
            Fx.run(stage::hide);
        }
    }

    private KioskConfig withPrinter() {
        printer = FakeEscPosPrinter.start();
        return TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60))
                .with(ConfigKey.PRINTER_TYPE, PrinterType.ESCPOS_TCP)
                .with(ConfigKey.PRINTER_ADDRESS, Optional.of(printer.address()))
                .with(ConfigKey.PRINTER_PAPER, 80);
    }

    private void start(KioskConfig config) throws Exception {
        kiosk = Fx.call(() -> {
            stage = new Stage();
            return Kiosk.start(stage, config, clock, tasks, false);
        });
        kiosk.ready().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void tap(String query) {
        Fx.run(() -> {
            kiosk.scene().getRoot().applyCss();
            Node node = robot.lookup(query).query();
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane pane) {
                    double y = pane.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                    double h = pane.getContent().getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
                    pane.setVvalue(h <= 0 ? 0 : Math.min(1, y / h));
                    break;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for the screen to show {@code query} (the answer of a call off the FX thread). */
    private void awaitShown(String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Fx.call(() -> robot.lookup(query).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private void shot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Fx.run(() -> Screenshots.save(kiosk.scene(), name));
    }

    @Test
    void homeToAQueueToTheTicketPrintedWithThePeopleAhead() throws Exception {
        start(withPrinter());
        tap("#tile-queue");
        awaitShown("#queue-huji");
        shot("queue-list-portrait");
        tap("#queue-huji");
        awaitShown("#queue-take");
        shot("queue-confirm-portrait");
        tap("#queue-take");
        awaitShown("#queue-ticket");
        shot("queue-ticket-portrait");

        assertEquals("A001", text("#ticket-number"));
        assertEquals("请取走您的排队票", text("#queue-take-ticket"));
        assertEquals(1, printer.receivedImages().size(), "one ticket came out of the printer");
        assertEquals(1, printer.jobsCut());

        // The next citizen: one more ahead, and the next number.
        Fx.run(() -> kiosk.shell().home());
        tap("#tile-queue");
        awaitShown("#queue-huji");
        assertTrue(text("#queue-huji .queue-figures").startsWith("等候 1 人"), text("#queue-huji .queue-figures"));
        tap("#queue-huji");
        awaitShown("#queue-take");
        tap("#queue-take");
        awaitShown("#queue-ticket");
        assertEquals("A002", text("#ticket-number"));

        // Back home by itself a short while later.
        tasks.runScheduled();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Destination.HOME, Fx.call(() -> kiosk.shell().current()));
    }

    @Test
    void aGuidesTakeANumberGoesStraightToItsQueue() throws Exception {
        start(withPrinter());
        Fx.run(() -> kiosk.shell().go(new Destination.Guide("gaj-sfz-sl")));
        awaitShown("#guide-take-number");
        shot("guide-take-number-portrait");
        tap("#guide-take-number");
        awaitShown("#queue-take");
        assertEquals("确认领取“户籍与身份证”的排队号？", text("#queue-question"));
        shot("queue-from-guide-portrait");
    }

    @Test
    void aGuidesMaterialsChecklistComesOutOfThePrinter() throws Exception {
        start(withPrinter());
        Fx.run(() -> kiosk.shell().go(new Destination.Guide("gaj-sfz-sl")));
        awaitShown("#guide-print-checklist");
        tap("#guide-print-checklist");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text("#guide-print-message").isEmpty());
        assertEquals("材料清单已打印，请取走。", text("#guide-print-message"));
        assertEquals(1, printer.receivedImages().size());
        FakeEscPosPrinter.savePng(printer.receivedImages().get(0), "checklist-printed-80mm");
        Fx.run(() -> robot.lookup("#guide-scroll").queryAs(ScrollPane.class).setVvalue(0));
        shot("guide-checklist-printed-portrait");

        printer.setMode(FakeEscPosPrinter.Mode.PAPER_OUT);
        tap("#guide-print-checklist");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#guide-print-message").startsWith("没有打印出来"));
        assertEquals("没有打印出来：打印机缺纸，请到服务台索取或拍下本页。", text("#guide-print-message"));
        assertEquals(1, printer.receivedImages().size(), "nothing more came out");
    }

    @Test
    void aPrinterOutOfPaperIsSaidBeforeAnyoneTriesAndAFailedPrintVoidsItsNumber() throws Exception {
        start(withPrinter());
        printer.setMode(FakeEscPosPrinter.Mode.PAPER_OUT);
        tap("#tile-queue");
        awaitShown("#queue-notice");
        shot("queue-printer-paper-out-portrait");
        tap("#queue-huji");
        assertFalse(Fx.call(() -> robot.lookup("#queue-take").tryQuery().isPresent()), "no number offered");

        // Paper that runs out during the ticket: the number is voided and the citizen told what to do.
        printer.setMode(FakeEscPosPrinter.Mode.RUNS_OUT_AFTER_NEXT_JOB);
        Fx.run(() -> kiosk.shell().home());
        tap("#tile-queue");
        awaitShown("#queue-huji");
        tap("#queue-huji");
        awaitShown("#queue-take");
        tap("#queue-take");
        awaitShown("#queue-failed");
        assertEquals("打印机缺纸，本次号码已作废。请到服务台取号。", text("#queue-failed"));
        shot("queue-print-failed-portrait");

        // Paper loaded: the next citizen gets the next number; the voided one is not called for anybody.
        printer.setMode(FakeEscPosPrinter.Mode.PAPER_PRESENT);
        Fx.run(() -> kiosk.shell().home());
        tap("#tile-queue");
        awaitShown("#queue-huji");
        assertTrue(text("#queue-huji .queue-figures").startsWith("等候 0 人"), "a voided number waits for nobody");
        tap("#queue-huji");
        awaitShown("#queue-take");
        tap("#queue-take");
        awaitShown("#queue-ticket");
        assertEquals("A002", text("#ticket-number"));
    }

    @Test
    void aHallServerThatIsDownIsOnePlainSentence() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KioskConfig config = withPrinter()
                .with(ConfigKey.SERVER_URL, Optional.of(URI.create("http://127.0.0.1:" + closedPort + "/")))
                .with(ConfigKey.SYNC_PUBLIC_KEY, Optional.of(publicKey()))
                .with(ConfigKey.HALL_SECRET, Optional.of("a-secret-of-the-hall-0123456789"));
        start(config);
        long started = System.nanoTime();
        tap("#tile-queue");
        awaitShown("#queue-failed");
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "said within 5 s");
        assertEquals("暂时连不上大厅排队系统，请稍后再试或到服务台取号。", text("#queue-failed"));
        shot("queue-server-down-portrait");
    }

    private Path publicKey() throws IOException, java.security.GeneralSecurityException {
        Path pub = data.resolve("keys/publisher.pub");
        org.yizhan.catalog.bundle.Ed25519Keys.write(org.yizhan.catalog.bundle.Ed25519Keys.generate(),
                data.resolve("keys/publisher.key"), pub);
        return pub;
    }
}
