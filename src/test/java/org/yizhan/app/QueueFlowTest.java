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
import org.yizhan.testing.FlowScreen;
import org.yizhan.testing.Fx;
import org.yizhan.testing.ManualClock;
import org.yizhan.testing.ManualScheduleTaskExecutor;
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
    private final FlowScreen screen = new FlowScreen(() -> this.kiosk.scene());
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
        kiosk.setupFinished().get(30, TimeUnit.SECONDS); // the home screen comes before the hall server's side
        WaitForAsyncUtils.waitForFxEvents();
    }





    private void awaitOutboxEmpty() throws Exception {
        org.yizhan.outbox.Outbox outbox = kiosk.outbox().orElseThrow();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (outbox.size() > 0) {
            assertTrue(System.nanoTime() < end, "the outbox still holds " + outbox.pending());
            Thread.sleep(10);
        }
    }

    /** The kiosk's heartbeat in its embedded server's fleet store, or null before the first arrived. */
    private static String heartbeatIn(Path fleetDb) throws Exception {
        if (!java.nio.file.Files.exists(fleetDb)) {
            return null;
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + fleetDb);
             java.sql.ResultSet row = c.createStatement().executeQuery("SELECT heartbeat FROM kiosks")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    @Test
    void soonAfterItStartsTheKioskTellsItsHallServerHowItIs() throws Exception {
        start(withPrinter());
        Path fleet = data.resolve(CatalogSetup.EMBEDDED_DIR).resolve("fleet.db");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String json;
        while ((json = heartbeatIn(fleet)) == null) {
            assertTrue(System.nanoTime() < end, "no heartbeat reached the embedded server in 30 s");
            Thread.sleep(50);
        }
        org.yizhan.fleet.Heartbeat h = org.yizhan.json.Json.readMessage(
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8), org.yizhan.fleet.Heartbeat.class);
        assertEquals("kiosk-test", h.kioskId());
        assertEquals("", h.hallId());
        assertEquals(CatalogSetup.version(), h.version());
        assertEquals(kiosk.ready().get().version(), h.catalogVersion(), "the catalog on the screen");
        assertEquals("READY", h.printer(), "asked on the heartbeat's thread");
        assertEquals(0, h.outboxWaiting());
        // The log is the JVM's: an earlier test's error may be the last one it saw.
        assertEquals(RecentLog.get().lastErrorClass().orElse(""), h.lastError());
    }

    @Test
    void homeToAQueueToTheTicketPrintedWithThePeopleAhead() throws Exception {
        start(withPrinter());
        screen.tap("#tile-queue");
        screen.awaitShown("#queue-huji");
        screen.shot("queue-list-portrait");
        screen.tap("#queue-huji");
        screen.awaitShown("#queue-take");
        screen.shot("queue-confirm-portrait");
        screen.tap("#queue-take");
        screen.awaitShown("#queue-ticket");
        screen.shot("queue-ticket-portrait");

        assertEquals("A001", screen.text("#ticket-number"));
        assertEquals("请取走您的排队票", screen.text("#queue-take-ticket"));
        assertEquals(1, printer.receivedImages().size(), "one ticket came out of the printer");
        assertEquals(1, printer.jobsCut());
        awaitOutboxEmpty(); // the confirmation goes from the outbox's own thread

        // The next citizen: one more ahead, and the next number.
        Fx.run(() -> kiosk.shell().home());
        screen.tap("#tile-queue");
        screen.awaitShown("#queue-huji");
        assertTrue(screen.text("#queue-huji .queue-figures").startsWith("等候 1 人"), screen.text("#queue-huji .queue-figures"));
        screen.tap("#queue-huji");
        screen.awaitShown("#queue-take");
        screen.tap("#queue-take");
        screen.awaitShown("#queue-ticket");
        assertEquals("A002", screen.text("#ticket-number"));

        // Back home by itself a short while later.
        tasks.runScheduled();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Destination.HOME, Fx.call(() -> kiosk.shell().current()));
    }

    @Test
    void aGuidesTakeANumberGoesStraightToItsQueue() throws Exception {
        start(withPrinter());
        Fx.run(() -> kiosk.shell().go(new Destination.Guide("gaj-sfz-sl")));
        screen.awaitShown("#guide-take-number");
        screen.shot("guide-take-number-portrait");
        screen.tap("#guide-take-number");
        screen.awaitShown("#queue-take");
        assertEquals("确认领取“户籍与身份证”的排队号？", screen.text("#queue-question"));
        screen.shot("queue-from-guide-portrait");
    }

    @Test
    void aGuidesMaterialsChecklistComesOutOfThePrinter() throws Exception {
        start(withPrinter());
        Fx.run(() -> kiosk.shell().go(new Destination.Guide("gaj-sfz-sl")));
        screen.awaitShown("#guide-print-checklist");
        screen.tap("#guide-print-checklist");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !screen.text("#guide-print-message").isEmpty());
        assertEquals("材料清单已打印，请取走。", screen.text("#guide-print-message"));
        assertEquals(1, printer.receivedImages().size());
        FakeEscPosPrinter.savePng(printer.receivedImages().get(0), "checklist-printed-80mm");
        Fx.run(() -> robot.lookup("#guide-scroll").queryAs(ScrollPane.class).setVvalue(0));
        screen.shot("guide-checklist-printed-portrait");

        printer.setMode(FakeEscPosPrinter.Mode.PAPER_OUT);
        screen.tap("#guide-print-checklist");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> screen.text("#guide-print-message").startsWith("没有打印出来"));
        assertEquals("没有打印出来：打印机缺纸，请到服务台索取或拍下本页。", screen.text("#guide-print-message"));
        assertEquals(1, printer.receivedImages().size(), "nothing more came out");
    }

    @Test
    void aPrinterOutOfPaperIsSaidBeforeAnyoneTriesAndAFailedPrintVoidsItsNumber() throws Exception {
        start(withPrinter());
        printer.setMode(FakeEscPosPrinter.Mode.PAPER_OUT);
        screen.tap("#tile-queue");
        screen.awaitShown("#queue-notice");
        screen.shot("queue-printer-paper-out-portrait");
        screen.tap("#queue-huji");
        assertFalse(Fx.call(() -> robot.lookup("#queue-take").tryQuery().isPresent()), "no number offered");

        // Paper that runs out during the ticket: the number is voided and the citizen told what to do.
        printer.setMode(FakeEscPosPrinter.Mode.RUNS_OUT_AFTER_NEXT_JOB);
        Fx.run(() -> kiosk.shell().home());
        screen.tap("#tile-queue");
        screen.awaitShown("#queue-huji");
        screen.tap("#queue-huji");
        screen.awaitShown("#queue-take");
        screen.tap("#queue-take");
        screen.awaitShown("#queue-failed");
        assertEquals("打印机缺纸，本次号码已作废。请到服务台取号。", screen.text("#queue-failed"));
        screen.shot("queue-print-failed-portrait");

        // Paper loaded: the next citizen gets the next number; the voided one is not called for anybody.
        printer.setMode(FakeEscPosPrinter.Mode.PAPER_PRESENT);
        Fx.run(() -> kiosk.shell().home());
        screen.tap("#tile-queue");
        screen.awaitShown("#queue-huji");
        assertTrue(screen.text("#queue-huji .queue-figures").startsWith("等候 0 人"), "a voided number waits for nobody");
        screen.tap("#queue-huji");
        screen.awaitShown("#queue-take");
        screen.tap("#queue-take");
        screen.awaitShown("#queue-ticket");
        assertEquals("A002", screen.text("#ticket-number"));
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
        screen.tap("#tile-queue");
        screen.awaitShown("#queue-failed");
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "said within 5 s");
        assertEquals("暂时连不上大厅排队系统，请稍后再试或到服务台取号。", screen.text("#queue-failed"));
        screen.shot("queue-server-down-portrait");
    }

    private Path publicKey() throws IOException, java.security.GeneralSecurityException {
        Path pub = data.resolve("keys/publisher.pub");
        org.yizhan.catalog.bundle.Ed25519Keys.write(org.yizhan.catalog.bundle.Ed25519Keys.generate(),
                data.resolve("keys/publisher.key"), pub);
        return pub;
    }
}
