package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.yizhan.catalog.bundle.Ed25519Keys;
import org.yizhan.config.ConfigKey;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.Orientation;
import org.yizhan.server.HallServer;
import org.yizhan.testing.FlowScreen;
import org.yizhan.testing.Fx;
import org.yizhan.testing.ManualClock;
import org.yizhan.testing.ManualScheduleTaskExecutor;
import org.yizhan.testing.TestKiosks;
import org.yizhan.ui.Destination;
import org.yizhan.ui.UiTaskExecutor;

/**
 * 进度查询 as a citizen does it, through the real kiosk and a real hall server with the demo cases: the
 * number typed on the keyboard, the check on the pad, the timeline; a wrong check; the idle reset; and
 * nothing of it left in the kiosk's files or anybody's log.
 */
class StatusFlowTest {
    /** A demo case (assets/status/demo-cases.jsonl; README names it): in progress, checked by the phone's last four. */
    static final String NUMBER = "YX2026112300123";
    static final String CHECK = "1234";
    /** Its applicant's name as the case system sent it; the server keeps and shows it only masked. */
    static final String UNMASKED_NAME = "张三丰";
    /** Monday 2026-11-30, 10:00 in Asia/Shanghai. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T02:00:00Z");

    @TempDir
    Path data;
    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final FlowScreen screen = new FlowScreen(() -> this.kiosk.scene());
    private final ManualScheduleTaskExecutor tasks = new ManualScheduleTaskExecutor(new UiTaskExecutor(2));
    private final ManualClock clock = new ManualClock(MONDAY_MORNING, ZoneId.of("Asia/Shanghai"));
    private Stage stage;
    private Kiosk kiosk;
    private HallServer server;

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
        if (server != null) {
            server.close();
        }
        if (stage != null) {
            Fx.run(stage::hide);
        }
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

    /** The kiosk on the embedded server (the demo cases are imported there on its first start). */
    private void startEmbedded() throws Exception {
        start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60)));
    }


    /** Taps the keys with the pointer in the first flow; elsewhere presses them (the same buttons, quicker). */
    private boolean pointer;

    private void keys(String text) {
        for (char c : text.toLowerCase().toCharArray()) {
            if (pointer) {
                screen.tap("#key-" + c);
            } else {
                Fx.run(() -> ((javafx.scene.control.Button) robot.lookup("#key-" + c).query()).fire());
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
    }




    private void lookUp(String number, String check, String shotPrefix) throws TimeoutException {
        screen.tap("#tile-status");
        screen.awaitShown("#status-number");
        keys(number);
        if (shotPrefix != null) {
            screen.shot(shotPrefix + "-number-portrait");
        }
        screen.tap("#status-next");
        screen.awaitShown("#status-check");
        keys(check);
        if (shotPrefix != null) {
            screen.shot(shotPrefix + "-check-portrait");
        }
        screen.tap("#status-next");
    }

    @Test
    void homeToTheNumberAndCheckToTheTimeline() throws Exception {
        pointer = true;
        startEmbedded();
        lookUp(NUMBER, CHECK, "status");
        screen.awaitShown("#status-timeline");
        screen.shot("status-answer-portrait");
        assertTrue(screen.text("#status-result").length() > 0);
        assertTrue(screen.text("#status-promised").startsWith("承诺办结："), screen.text("#status-promised"));
        assertEquals("●●●●", "●".repeat(CHECK.length()), "the check was shown as dots");
    }

    @Test
    void aFinishedCaseSaysWhereToCollectAndA补正CaseWhatToAdd() throws Exception {
        startEmbedded();
        lookUp("YX2026111800456", "12345X", null);
        screen.awaitShown("#status-timeline");
        assertEquals("办理结果：准予", screen.text("#status-result"));
        assertTrue(Fx.call(() -> robot.lookup("#status-next-steps .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("领取地点：县政务服务中心一楼 5号窗口"))), "where to collect");
        screen.shot("status-finished-portrait");

        Fx.run(() -> kiosk.shell().home());
        lookUp("YX2026112000789", "5678", null);
        screen.awaitShown("#status-timeline");
        assertEquals("需要补正材料", screen.text("#status-result"));
        assertTrue(Fx.call(() -> robot.lookup("#status-next-steps .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("• 公司章程（全体股东签字）"))), "what to add");
        screen.shot("status-supplement-portrait");
        screen.tap("#status-open-guide");
        assertEquals(new Destination.Guide("scjgj-yxgs-sl"), Fx.call(() -> kiosk.shell().current()));
    }

    @Test
    void aWrongCheckReadsLikeAnUnknownNumber() throws Exception {
        startEmbedded();
        lookUp(NUMBER, "0000", null);
        screen.awaitShown("#status-not-found");
        String wrongCheck = screen.text("#status-not-found");
        screen.shot("status-not-found-portrait");
        Fx.run(() -> kiosk.shell().home());
        lookUp("YX2099010100999", CHECK, null);
        screen.awaitShown("#status-not-found");
        assertEquals(wrongCheck, screen.text("#status-not-found"), "an unknown number and a wrong check read the same");
    }

    @Test
    void aHallServerThatIsDownIsOnePlainSentenceWithinFiveSeconds() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path key = data.resolve("keys/publisher.pub");
        Ed25519Keys.write(Ed25519Keys.generate(), data.resolve("keys/publisher.key"), key);
        start(TestKiosks.config(data.resolve("kiosk"), Orientation.PORTRAIT, Duration.ofSeconds(60))
                .with(ConfigKey.SERVER_URL, Optional.of(java.net.URI.create("http://127.0.0.1:" + closedPort + "/")))
                .with(ConfigKey.SYNC_PUBLIC_KEY, Optional.of(key))
                .with(ConfigKey.HALL_SECRET, Optional.of("a-secret-of-the-hall-0123456789")));
        screen.tap("#tile-status");
        screen.awaitShown("#status-number");
        keys(NUMBER);
        screen.tap("#status-next");
        screen.awaitShown("#status-check");
        keys(CHECK);
        long asked = System.nanoTime();
        screen.tap("#status-next");
        screen.awaitShown("#status-failed");
        assertTrue(System.nanoTime() - asked < TimeUnit.SECONDS.toNanos(5), "said within 5 s");
        assertEquals("暂时连不上大厅服务器，请稍后再试或到服务台查询。", screen.text("#status-failed"));
        screen.shot("status-server-down-portrait");
    }

    @Test
    void theIdleResetGoesHomeWithTheFieldsEmpty() throws Exception {
        startEmbedded();
        screen.tap("#tile-status");
        screen.awaitShown("#status-number");
        keys("YX20261123");
        Label typed = Fx.call(() -> robot.lookup("#status-number").queryAs(Label.class));
        assertEquals("YX20261123", Fx.call(typed::getText));
        clock.advance(Duration.ofSeconds(61));
        Fx.run(() -> kiosk.shell().checkIdle());
        WaitForAsyncUtils.waitForFxEvents();
        assertInstanceOf(Destination.Home.class, Fx.call(() -> kiosk.shell().current()));
        assertEquals("", Fx.call(typed::getText), "what was typed is wiped, not just hidden");
        screen.shot("status-after-idle-portrait");
        screen.tap("#tile-status");
        screen.awaitShown("#status-number");
        assertEquals("", screen.text("#status-number"));
    }

    @Test
    void nothingOfALookupStaysInTheKiosksFilesOrAnyLog() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Level level = root.getLevel();
        root.addAppender(logged);
        root.setLevel(Level.TRACE);
        try {
            // The hall's server in its own directory: the kiosk's data directory holds only what the kiosk writes.
            server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), serverData, clock);
            Path key = data.resolve("keys/publisher.pub");
            Ed25519Keys.write(Ed25519Keys.generate(), data.resolve("keys/publisher.key"), key);
            Files.delete(data.resolve("keys/publisher.key"));
            start(TestKiosks.config(data.resolve("kiosk"), Orientation.PORTRAIT, Duration.ofSeconds(60))
                    .with(ConfigKey.SERVER_URL, Optional.of(server.baseUri()))
                    .with(ConfigKey.SYNC_PUBLIC_KEY, Optional.of(key))
                    .with(ConfigKey.HALL_SECRET, Optional.of(server.hallSecret())));
            lookUp(NUMBER, CHECK, null);
            screen.awaitShown("#status-timeline");
            Fx.run(() -> kiosk.shell().home());
            lookUp(NUMBER, "9876", null);
            screen.awaitShown("#status-not-found");
            Fx.run(() -> kiosk.shell().home());
        } finally {
            root.detachAppender(logged);
            root.setLevel(level);
        }
        List<String> secrets = List.of(NUMBER, CHECK, "9876", UNMASKED_NAME);
        for (ILoggingEvent event : logged.list) {
            String line = withoutRunNames(event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage()));
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "the log carries \"" + secret + "\": " + line);
            }
        }
        assertTrue(logged.list.size() > 5, "the log was captured: " + logged.list.size() + " lines");
        for (String secret : secrets) {
            assertEquals(List.of(), filesContaining(data.resolve("kiosk"), secret), "kiosk files with \"" + secret + "\"");
        }
        for (String secret : List.of(CHECK, "9876", UNMASKED_NAME)) {
            assertEquals(List.of(), filesContaining(serverData, secret), "server files with \"" + secret + "\"");
        }
    }

    /**
     * The line without what each run names at random (temporary folders, the loopback port): a four-digit check
     * code is found in "/tmp/junit-11824123467257193242" one run in a few hundred, and that is no leak.
     */
    private String withoutRunNames(String line) {
        return line.replaceAll("junit-?\\d+", "junit-…")
                .replace(server.baseUri().getAuthority(), "server");
    }

    private static List<Path> filesContaining(Path dir, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                if (indexOf(bytes, utf8) >= 0 || indexOf(bytes, utf16) >= 0) {
                    found.add(dir.relativize(file));
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
