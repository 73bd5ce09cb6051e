package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
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
import org.yizhan.catalog.bundle.Ed25519Keys;
import org.yizhan.config.ConfigKey;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.Orientation;
import org.yizhan.json.Json;
import org.yizhan.outbox.Draft;
import org.yizhan.outbox.Outbox;
import org.yizhan.outbox.OutboxMessage;
import org.yizhan.rating.RatingSummary;
import org.yizhan.server.HallServer;
import org.yizhan.testing.FlowScreen;
import org.yizhan.testing.Fx;
import org.yizhan.testing.ManualClock;
import org.yizhan.testing.ManualScheduleTaskExecutor;
import org.yizhan.testing.TestKiosks;
import org.yizhan.ui.Destination;
import org.yizhan.ui.UiTaskExecutor;

/**
 * 服务评价 as a citizen gives it, through the real kiosk: from home, a 差评 that cannot be sent without a reason, a
 * note on the keyboard, the thanks, in standard and elder mode (targets measured); from a ticket and from a case; the
 * idle reset dropping a rating left half done; and a rating made while the hall server is down reaching it once it is
 * back.
 */
class RatingFlowTest {
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
        kiosk.setupFinished().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void startEmbedded(Orientation orientation) throws Exception {
        start(TestKiosks.config(data, orientation, Duration.ofSeconds(60)));
    }

    private void keys(String text) {
        for (char c : text.toCharArray()) {
            screen.tap("#key-" + c);
        }
    }

    private List<OutboxMessage> ratingsWaiting() throws Exception {
        Outbox outbox = kiosk.outbox().orElseThrow();
        return outbox.pending().stream().filter(m -> m.kind().equals(Draft.RATING)).toList();
    }

    private boolean disabled(String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Button.class).isDisabled());
    }

    /** The smallest height and width of every node {@code query} finds, on screen. */
    private double smallestSide(String query) {
        return Fx.call(() -> robot.lookup(query).queryAll().stream().mapToDouble(n -> {
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            return Math.min(b.getWidth(), b.getHeight());
        }).min().orElse(0));
    }

    /** From home to the thanks with a 非常不满意: refused without a reason, then a reason and a note. */
    private void lowRatingFromHome(String mode) throws Exception {
        screen.shot("rating-home-" + mode);
        screen.tap("#home-rate");
        screen.awaitShown("#rating-faces");
        assertEquals("您对我们的服务满意吗？", screen.text("#rating-question"));
        screen.shot("rating-faces-" + mode);
        screen.tap("#rating-very_dissatisfied");
        screen.awaitShown("#rating-reasons-title");
        assertTrue(disabled("#rating-submit"), "no reason, no submit");
        assertEquals("请先选择至少一项原因", Fx.call(() -> robot.lookup("#rating-submit").queryAs(Button.class).getText()));
        screen.shot("rating-reasons-" + mode);
        screen.tap("#rating-submit");
        assertTrue(Fx.call(() -> robot.lookup("#rating-reasons-title").tryQuery().isPresent()), "still asking");
        assertEquals(List.of(), ratingsWaiting());

        screen.tap("#rating-reason-long_wait");
        screen.tap("#rating-reason-repeated_visits");
        assertFalse(disabled("#rating-submit"));
        assertEquals("提交评价", Fx.call(() -> robot.lookup("#rating-submit").queryAs(Button.class).getText()));
        screen.tap("#rating-note-open");
        screen.awaitShown("#keyboard");
        keys("paole");
        screen.tap("#key-space");
        keys("3ci");
        assertEquals("paole 3ci", screen.text("#rating-note"));
        screen.shot("rating-note-" + mode);
        screen.tap("#rating-submit");
        screen.awaitShown("#rating-thanks");
        screen.shot("rating-thanks-" + mode);
    }

    @Test
    void aLowRatingFromHomeNeedsAReasonAndIsKeptBeforeTheThanks() throws Exception {
        startEmbedded(Orientation.PORTRAIT);
        assertTrue(smallestSide("#home-rate") >= 64, "the home button: " + smallestSide("#home-rate"));
        lowRatingFromHome("portrait");
        // On the disk before the thanks, or already taken by the embedded server.
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> ratingsWaiting().isEmpty());
        RatingSummary summary = summary(kiosk.setup().orElseThrow().serverUrl(), org.yizhan.server.queue.HallSecret.read(
                HallServer.secretFile(data.resolve(CatalogSetup.EMBEDDED_DIR))));
        assertEquals(1, summary.all().total());
        assertEquals(1, summary.all().levels().get("very_dissatisfied"));
        assertEquals(1, summary.all().reasons().get("long_wait"));
        assertEquals(1, summary.all().reasons().get("repeated_visits"));
        tasks.runScheduled();
        WaitForAsyncUtils.waitForFxEvents();
        assertInstanceOf(Destination.Home.class, Fx.call(() -> kiosk.shell().current()), "home after the thanks");
    }

    @Test
    void inElderModeEveryFaceAndReasonIsAtLeast80Px() throws Exception {
        startEmbedded(Orientation.PORTRAIT);
        screen.tap("#elder-button");
        assertTrue(Fx.call(() -> kiosk.shell().root().getStyleClass().contains("elder")));
        screen.tap("#home-rate");
        screen.awaitShown("#rating-faces");
        assertTrue(smallestSide(".rating-face") >= 80, "faces: " + smallestSide(".rating-face"));
        screen.shot("rating-faces-elder");
        screen.tap("#rating-dissatisfied");
        screen.awaitShown("#rating-reasons-title");
        assertTrue(smallestSide(".rating-reason") >= 80, "reasons: " + smallestSide(".rating-reason"));
        assertTrue(smallestSide("#rating-submit") >= 80, "submit: " + smallestSide("#rating-submit"));
        screen.shot("rating-reasons-elder");
        screen.tap("#rating-reason-staff_attitude");
        screen.tap("#rating-note-open");
        screen.awaitShown("#keyboard");
        keys("ok");
        screen.shot("rating-note-elder");
        screen.tap("#rating-submit");
        screen.awaitShown("#rating-thanks");
        screen.shot("rating-thanks-elder");
    }

    /** Landscape does not fit Monocle's portrait screen: its pictures come from a scene that is not shown. */
    @Test
    void inLandscapeTheFacesSitInOneRowInBothModes() throws Exception {
        kiosk = Fx.call(() -> Kiosk.offscreen(new Stage(), TestKiosks.config(data, Orientation.LANDSCAPE,
                Duration.ofSeconds(60)), clock, tasks));
        kiosk.ready().get(30, TimeUnit.SECONDS);
        kiosk.setupFinished().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1920.0, Fx.call(() -> kiosk.scene().getWidth()));
        for (String mode : List.of("landscape", "landscape-elder")) {
            if (mode.endsWith("elder")) {
                Fx.run(() -> ((Button) kiosk.scene().getRoot().lookup("#elder-button")).fire());
            }
            screen.shot("rating-home-" + mode);
            Fx.run(() -> ((Button) kiosk.scene().getRoot().lookup("#home-rate")).fire());
            WaitForAsyncUtils.waitForFxEvents();
            screen.shot("rating-faces-" + mode);
            click("#rating-very_dissatisfied");
            click("#rating-reason-system_problem");
            screen.shot("rating-reasons-" + mode);
            assertTrue(Fx.call(() -> kiosk.scene().getRoot().lookup("#rating-note-open") == null),
                    "side by side, the keys need no button");
            for (String key : List.of("x", "t", "9")) {
                Fx.run(() -> ((Button) kiosk.scene().getRoot().lookup("#key-" + key)).fire());
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("xt9", Fx.call(() -> ((javafx.scene.control.Label) kiosk.scene().getRoot().lookup("#rating-note"))
                    .getText()));
            screen.shot("rating-note-" + mode);
            Fx.run(() -> kiosk.shell().home());
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** A tap on a node of a scene that is not shown: the click a Tappable answers. */
    private void click(String query) {
        Fx.run(() -> {
            for (int pass = 0; pass < 2; pass++) { // a layout that sets the screen side by side builds it again
                kiosk.scene().getRoot().applyCss();
                kiosk.scene().getRoot().layout();
            }
            Node node = kiosk.scene().getRoot().lookup(query);
            javafx.event.Event.fireEvent(node, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                    0, 0, 0, 0, javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false,
                    true, false, true, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theIdleResetDropsARatingLeftHalfDone() throws Exception {
        startEmbedded(Orientation.PORTRAIT);
        screen.tap("#home-rate");
        screen.awaitShown("#rating-faces");
        screen.tap("#rating-dissatisfied");
        screen.tap("#rating-reason-other");
        clock.advance(Duration.ofSeconds(61));
        Fx.run(() -> kiosk.shell().checkIdle());
        WaitForAsyncUtils.waitForFxEvents();
        assertInstanceOf(Destination.Home.class, Fx.call(() -> kiosk.shell().current()));
        assertEquals(List.of(), ratingsWaiting(), "nothing of it was kept");
        screen.tap("#home-rate");
        screen.awaitShown("#rating-faces");
        assertFalse(Fx.call(() -> robot.lookup("#rating-reasons-title").tryQuery().isPresent()), "a fresh start");
    }

    @Test
    void aTicketAndACaseAreRatedByTheirNumber() throws Exception {
        startEmbedded(Orientation.PORTRAIT);
        screen.tap("#tile-queue");
        screen.awaitShown("#queue-huji");
        screen.tap("#queue-huji");
        screen.awaitShown("#queue-take");
        screen.tap("#queue-take");
        screen.awaitShown("#queue-rate");
        screen.tap("#queue-rate");
        screen.awaitShown("#rating-faces");
        Destination.Rating aboutTicket = (Destination.Rating) Fx.call(() -> kiosk.shell().current());
        assertEquals("huji", aboutTicket.queue());
        assertTrue(screen.text("#rating-question").contains(aboutTicket.ticket()), screen.text("#rating-question"));
        screen.shot("rating-ticket-portrait");
        screen.tap("#rating-very_satisfied");
        screen.awaitShown("#rating-thanks");

        Fx.run(() -> kiosk.shell().home());
        screen.tap("#tile-status");
        screen.awaitShown("#status-number");
        for (char c : StatusFlowTest.NUMBER.toLowerCase().toCharArray()) {
            Fx.run(() -> ((Button) robot.lookup("#key-" + c).query()).fire());
        }
        screen.tap("#status-next");
        screen.awaitShown("#status-check");
        for (char c : StatusFlowTest.CHECK.toCharArray()) {
            Fx.run(() -> ((Button) robot.lookup("#key-" + c).query()).fire());
        }
        screen.tap("#status-next");
        screen.awaitShown("#status-rate");
        screen.tap("#status-rate");
        screen.awaitShown("#rating-faces");
        assertEquals("您对办件 " + StatusFlowTest.NUMBER + " 的服务满意吗？", screen.text("#rating-question"));
        screen.tap("#rating-basically_satisfied");
        screen.awaitShown("#rating-thanks");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> ratingsWaiting().isEmpty());
        try (var files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(StatusFlowTest.CHECK + "\""), "no check in " + f);
            }
        }
    }

    @Test
    void aRatingMadeWithTheServerDownArrivesAfterItComesBack() throws Exception {
        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), serverData, clock);
        int port = server.port();
        String secret = server.hallSecret();
        java.net.URI url = server.baseUri();
        Path key = data.resolve("keys/publisher.pub");
        Ed25519Keys.write(Ed25519Keys.generate(), data.resolve("keys/publisher.key"), key);
        start(TestKiosks.config(data.resolve("kiosk"), Orientation.PORTRAIT, Duration.ofSeconds(600))
                .with(ConfigKey.SERVER_URL, Optional.of(url))
                .with(ConfigKey.SYNC_PUBLIC_KEY, Optional.of(key))
                .with(ConfigKey.HALL_SECRET, Optional.of(secret)));
        server.close();
        server = null;

        lowRatingFromHome("server-down");
        assertEquals(1, ratingsWaiting().size(), "kept on the disk while the server is down");
        clock.advance(Duration.ofMinutes(1));
        Thread.sleep(1500); // the sender tries, fails, and waits
        assertEquals(1, ratingsWaiting().size(), "never dropped");

        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), serverData, clock);
        clock.advance(Duration.ofMinutes(2)); // past any backoff
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ratingsWaiting().isEmpty());
        RatingSummary summary = summary(url, secret);
        assertEquals(1, summary.all().total(), "arrived, once");
        assertEquals(1, summary.all().levels().get("very_dissatisfied"));
    }

    private RatingSummary summary(java.net.URI base, String secret) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("ratings/summary?from=2026-11-30&to=2026-11-30")).header("Authorization", "Bearer " + secret)
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.readMessage(answer.body().getBytes(StandardCharsets.UTF_8), RatingSummary.class);
    }
}
