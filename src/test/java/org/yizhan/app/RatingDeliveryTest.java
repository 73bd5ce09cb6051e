package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.HallFailure;
import org.yizhan.hall.KioskIdentity;
import org.yizhan.json.Json;
import org.yizhan.outbox.Outbox;
import org.yizhan.outbox.OutboxSender;
import org.yizhan.rating.RatingLevel;
import org.yizhan.rating.RatingReason;
import org.yizhan.rating.RatingSummary;
import org.yizhan.server.fleet.FleetFixture;
import org.yizhan.testing.CurrentThreadTaskExecutor;
import org.yizhan.testing.RecordingNavigator;
import org.yizhan.testing.SetClock;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Messages;
import org.yizhan.ui.rating.RatingViewModel;

/**
 * End to end: a rating made on the screen's model goes into the kiosk's outbox and, through its sender over its own
 * client with the hall secret, to a real hall server on loopback, and {@code GET /ratings/summary} counts it: made
 * while the server is away, it arrives once it is back; a kiosk killed between storing and sending sends it at its
 * next start; an answer lost on the way is sent again and counted once.
 */
class RatingDeliveryTest {
    /** 2026-12-07 09:00 in the demo hall. */
    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");
    private static final String TODAY = "?from=2026-12-07&to=2026-12-07&by=queue";

    @TempDir
    Path temp;
    private final SetClock clock = new SetClock(T0);
    private FleetFixture hall;
    private HallClient client;
    private Path data;
    private Outbox outbox;
    private final AtomicBoolean away = new AtomicBoolean();
    private final AtomicInteger posts = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        hall = new FleetFixture(Files.createDirectories(temp.resolve("server")), clock);
        client = HallClient.create(hall.server.baseUri(), new KioskIdentity("kiosk-07", "yunxi", "0.4.0"))
                .withHallSecret(hall.secret);
        data = Files.createDirectories(temp.resolve("kiosk"));
        outbox = Outbox.open(data, 100, clock);
    }

    @AfterEach
    void stop() {
        outbox.close();
        hall.close();
    }

    private OutboxSender sender(Outbox on) {
        OutboxSender.Post post = OutboxSender.over(client);
        return new OutboxSender(on, (path, body, key) -> {
            posts.incrementAndGet();
            if (away.get()) {
                throw new HallFailure.Unreachable("connection refused");
            }
            post.post(path, body, key);
        }, clock, new Random(1));
    }

    /** A 不满意 about ticket A023, given on the screen's model as a citizen gives it. */
    private void rate(Outbox on) {
        RatingViewModel model = new RatingViewModel(Messages.simplifiedChinese(),
                new RatingViewModel.Setup(Optional.of(on), Duration.ofSeconds(10)), new CurrentThreadTaskExecutor(),
                new RecordingNavigator(), Destination.Rating.ofTicket("A023", "zonghe", ""), clock);
        model.open();
        model.choose(RatingLevel.DISSATISFIED);
        model.toggle(RatingReason.LONG_WAIT);
        model.submit();
        assertEquals(RatingViewModel.Step.THANKS, model.stepProperty().get());
    }

    private RatingSummary summary() throws Exception {
        FleetFixture.Answer answer = hall.get("ratings/summary" + TODAY, "Bearer " + hall.secret);
        assertEquals(200, answer.status(), answer.body());
        return Json.readMessage(answer.body().getBytes(StandardCharsets.UTF_8), RatingSummary.class);
    }

    @Test
    void aRatingMadeWhileTheServerIsAwayArrivesWhenItIsBack() throws Exception {
        OutboxSender sender = sender(outbox);
        away.set(true);
        rate(outbox);
        assertEquals(0, sender.sendDue());
        for (int minute = 1; minute <= 30; minute++) {
            clock.advance(Duration.ofMinutes(1));
            sender.sendDue();
        }
        assertEquals(1, outbox.size(), "never dropped");
        assertEquals(0, summary().all().total());
        away.set(false);
        clock.advance(Duration.ofMinutes(2)); // past the backoff
        assertEquals(1, sender.sendDue());
        assertEquals(0, outbox.size(), "answered, so gone");
        RatingSummary summary = summary();
        assertEquals(1, summary.all().total(), "counted on the day it was made");
        assertEquals(1, summary.all().levels().get("dissatisfied"));
        assertEquals(1, summary.all().reasons().get("long_wait"));
        assertEquals("zonghe", summary.groups().get(0).key());
        sender.close();
    }

    @Test
    void aKioskKilledBetweenStoringAndSendingSendsItOnceAtItsNextStart() throws Exception {
        rate(outbox);
        outbox.close(); // the kiosk dies: the rating is on the disk, nothing was sent
        assertEquals(0, posts.get());

        outbox = Outbox.open(data, 100, clock); // the next start
        OutboxSender next = sender(outbox);
        assertEquals(1, next.sendDue());
        assertEquals(0, next.sendDue(), "once taken, nothing more to send");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, next.sendDue());
        assertEquals(1, posts.get());
        assertEquals(1, summary().all().total());
        next.close();
    }

    @Test
    void aRatingWhoseAnswerWasLostIsSentAgainAndCountedOnce() throws Exception {
        rate(outbox);
        OutboxSender.Post real = OutboxSender.over(client);
        List<String> keys = new java.util.ArrayList<>();
        OutboxSender losing = new OutboxSender(outbox, (path, body, key) -> {
            real.post(path, body, key);
            keys.add(key);
            if (keys.size() == 1) {
                throw new HallFailure.Unreachable("the connection broke before the answer came");
            }
        }, clock, new Random(1));
        assertEquals(0, losing.sendDue());
        assertEquals(1, outbox.size(), "kept: the kiosk did not hear the answer");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, losing.sendDue());
        assertEquals(2, keys.size());
        assertEquals(keys.get(0), keys.get(1), "the same Idempotency-Key both times");
        assertEquals(1, summary().all().total(), "counted once");
        losing.close();
    }
}
