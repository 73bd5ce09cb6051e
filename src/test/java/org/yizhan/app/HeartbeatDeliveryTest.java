package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.FleetReport;
import org.yizhan.fleet.KioskReport;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.HallFailure;
import org.yizhan.hall.KioskIdentity;
import org.yizhan.outbox.Outbox;
import org.yizhan.outbox.OutboxSender;
import org.yizhan.server.fleet.FleetFixture;
import org.yizhan.sync.SyncScheduler;
import org.yizhan.testing.SetClock;

/**
 * End to end: the kiosk's heartbeat goes through its outbox and sender, over its own client with the hall secret
 * and its identity headers, to a real hall server on loopback, and {@code GET /fleet} shows it; while the server
 * is away the heartbeats wait as one, and only the latest arrives.
 */
class HeartbeatDeliveryTest {
    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");

    @TempDir
    Path temp;
    private final SetClock clock = new SetClock(T0);
    private FleetFixture hall;
    private Outbox outbox;
    private Heartbeats heartbeats;
    private OutboxSender sender;
    private final AtomicBoolean away = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        hall = new FleetFixture(Files.createDirectories(temp.resolve("server")), clock);
        hall.publish(43);
        HallClient client = HallClient.create(hall.server.baseUri(), new KioskIdentity("kiosk-07", "yunxi", "0.4.0"))
                .withHallSecret(hall.secret);
        Path data = Files.createDirectories(temp.resolve("kiosk"));
        outbox = Outbox.open(data, 100, clock);
        OutboxSender.Post post = OutboxSender.over(client);
        sender = new OutboxSender(outbox, (path, body, key) -> {
            if (away.get()) {
                throw new HallFailure.Unreachable("connection refused");
            }
            post.post(path, body, key);
        }, clock, new Random(1));
        heartbeats = new Heartbeats(new Heartbeats.Sources("kiosk-07", "yunxi", "0.4.0", () -> 41,
                () -> SyncScheduler.Status.NONE_YET, Optional.empty(), data, () -> Optional.empty()), outbox, clock,
                new Random(1));
    }

    @AfterEach
    void stop() {
        heartbeats.close();
        sender.close();
        outbox.close();
        hall.close();
    }

    private KioskReport only() throws Exception {
        FleetFixture.Answer answer = hall.fleet("");
        assertEquals(200, answer.status(), answer.body());
        FleetReport report = org.yizhan.json.Json.readMessage(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                FleetReport.class);
        assertEquals(1, report.kiosks().size(), answer.body());
        return report.kiosks().get(0);
    }

    @Test
    void aHeartbeatReachesTheServerAndTheFleetShowsIt() throws Exception {
        heartbeats.beat();
        assertEquals(1, sender.sendDue());
        assertEquals(0, outbox.size(), "answered, so gone");
        KioskReport kiosk = only();
        assertEquals("kiosk-07", kiosk.kioskId());
        assertEquals("yunxi", kiosk.hallId());
        assertEquals(41, kiosk.heartbeat().catalogVersion());
        assertEquals("none", kiosk.heartbeat().printer());
        assertEquals(T0.toString(), kiosk.lastSeen());
        assertEquals("catalog 41 (server 43)", kiosk.problems().get(0).summary());
    }

    @Test
    void whileTheServerIsAwayTheHeartbeatsWaitAsOneAndTheLatestArrives() throws Exception {
        heartbeats.beat();
        sender.sendDue();
        away.set(true);
        for (int minute = 1; minute <= 30; minute++) {
            clock.advance(Duration.ofMinutes(1));
            heartbeats.beat();
            sender.sendDue();
        }
        assertEquals(1, outbox.size(), "one heartbeat waits, not thirty");
        assertTrue(only().problems().get(0).summary().startsWith("NOT SEEN 30 min"), only().problems().toString());
        away.set(false);
        clock.advance(Duration.ofMinutes(2)); // past the backoff
        assertEquals(1, sender.sendDue());
        KioskReport kiosk = only();
        assertEquals(T0.plusSeconds(30 * 60).toString(), kiosk.heartbeat().sentAt(), "the latest, made at minute 30");
        assertEquals(clock.instant().toString(), kiosk.lastSeen());
        assertEquals(0, outbox.size());
    }
}
