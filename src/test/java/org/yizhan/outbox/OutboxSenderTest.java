package org.yizhan.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.hall.HallFailure;
import org.yizhan.testing.ManualClock;

/** The sender against a scripted server: order, backoff with jitter, refusals kept aside, and its thread. */
class OutboxSenderTest {
    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC);
    private final List<String> posted = new CopyOnWriteArrayList<>();
    /** What the server does with the next posts: null delivers. */
    private final List<HallFailure> script = new ArrayList<>();
    private Outbox outbox;
    private OutboxSender sender;

    @BeforeEach
    void open() throws Exception {
        outbox = Outbox.open(dir, 100, clock);
        sender = new OutboxSender(outbox, (path, body, key) -> {
            HallFailure next = script.isEmpty() ? null : script.remove(0);
            if (next != null) {
                throw next;
            }
            posted.add(path);
        }, clock, new Random(7));
    }

    @AfterEach
    void close() {
        sender.close();
        outbox.close();
    }

    @Test
    void everythingDueGoesInOrderAndIsGone() throws Exception {
        outbox.add(Draft.ticketPrinted("c1"));
        outbox.add(Draft.ticketPrinted("c2"));
        outbox.add(Draft.ticketVoided("c3", "paper_out"));
        assertEquals(3, sender.sendDue());
        assertEquals(List.of("queue/tickets/c1/printed", "queue/tickets/c3/void", "queue/tickets/c2/printed"), posted);
        assertTrue(outbox.pending().isEmpty());
    }

    @Test
    void aServerAwayIsTriedAgainAfterABackoffThatGrowsToAMinute() throws Exception {
        outbox.add(Draft.ticketPrinted("c1"));
        for (int i = 0; i < 12; i++) {
            script.add(new HallFailure.Unreachable("cannot connect to http://127.0.0.1:9: connection refused"));
        }
        List<Long> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 12; attempt++) {
            assertEquals(0, sender.sendDue());
            OutboxMessage m = outbox.pending().get(0);
            assertEquals(attempt, m.attempts());
            long wait = Duration.between(clock.instant(), m.nextTryAt()).toMillis();
            waits.add(wait);
            long ceiling = Math.min(60_000, 1000L << (attempt - 1));
            assertTrue(wait >= ceiling / 2 && wait <= ceiling, "attempt " + attempt + ": " + wait + " ms");
            assertEquals(0, sender.sendDue(), "not before its time");
            clock.advance(Duration.ofMillis(wait));
        }
        assertEquals(1, sender.sendDue());
        assertEquals(List.of("queue/tickets/c1/printed"), posted);
        assertTrue(new HashSet<>(waits.subList(7, 12)).size() > 1, "jitter: the hall's kiosks do not come back together");
    }

    @Test
    void aLineWaitingForTheServerDoesNotHoldUpAnother() throws Exception {
        outbox.add(Draft.ticketPrinted("c1"));
        outbox.add(Draft.ticketVoided("c2", "paper_out"));
        script.add(new HallFailure.Unreachable("the server answered HTTP 503"));
        assertEquals(1, sender.sendDue());
        assertEquals(List.of("queue/tickets/c2/void"), posted);
    }

    @Test
    void tooManyWaitsAtLeastAsLongAsTheServerAsks() throws Exception {
        outbox.add(Draft.ticketPrinted("c1"));
        script.add(new HallFailure.Refused("HTTP 429", 429, "too_many", "wait", 120L));
        assertEquals(0, sender.sendDue());
        OutboxMessage m = outbox.pending().get(0);
        assertEquals(Duration.ofSeconds(120), Duration.between(clock.instant(), m.nextTryAt()));
        assertTrue(outbox.keptAside().isEmpty(), "429 is not for good");
        clock.advance(Duration.ofSeconds(120));
        assertEquals(1, sender.sendDue());
    }

    @Test
    void aRefusalForGoodIsKeptAsideWithTheServersReasonAndTheLineGoesOn() throws Exception {
        outbox.add(Draft.ticketPrinted("c1"));
        outbox.add(Draft.ticketPrinted("c2"));
        script.add(new HallFailure.Refused("the server answered HTTP 404 for POST /queue/tickets/c1/printed: "
                + "{\"error\":\"not_found\",\"message\":\"no such ticket\"}", 404, "not_found", "no such ticket"));
        assertEquals(2, sender.sendDue());
        assertEquals(List.of("queue/tickets/c2/printed"), posted);
        List<OutboxMessage> aside = outbox.keptAside();
        assertEquals(1, aside.size());
        assertTrue(aside.get(0).refused().contains("no such ticket"), aside.get(0).refused());
        clock.advance(Duration.ofDays(1));
        assertEquals(0, sender.sendDue(), "never tried again");
        assertEquals(1, outbox.keptAside().size(), "never dropped");
    }

    @Test
    void aWrongHallSecretRefusesTheKioskNotTheMessage() throws Exception {
        outbox.add(Draft.ticketPrinted("c1"));
        script.add(new HallFailure.Refused("HTTP 401", 401, "unauthorized", "send the hall secret"));
        assertEquals(0, sender.sendDue());
        assertTrue(outbox.keptAside().isEmpty(), "kept in its line until the technician fixes hall.secret");
        clock.advance(OutboxSender.MAX_BACKOFF);
        assertEquals(1, sender.sendDue());
    }

    @Test
    void anAnswerThatIsNotTheServersIsTriedAgain() throws Exception {
        outbox.add(Draft.ticketPrinted("c1"));
        script.add(new HallFailure.BadAnswer("the server answered POST /queue/tickets/c1/printed with Content-Type: text/html"));
        assertEquals(0, sender.sendDue());
        assertEquals(1, outbox.pending().get(0).attempts());
        assertTrue(outbox.keptAside().isEmpty());
    }

    @Test
    void theThreadSendsWhatIsThereAtStartAndWhatComesLaterAtOnce() throws Exception {
        outbox.close();
        outbox = Outbox.open(dir.resolve("real-time"), 100, java.time.Clock.systemUTC());
        outbox.add(Draft.ticketPrinted("c1"));
        OutboxSender running = new OutboxSender(outbox, (path, body, key) -> posted.add(path), java.time.Clock.systemUTC(),
                new Random(1));
        try {
            running.start();
            waitFor(() -> posted.size() == 1);
            long held = outbox.hold(Draft.ticketPrinted("c2"));
            outbox.add(Draft.ticketVoided("c3", "paper_out"));
            waitFor(() -> posted.size() == 2);
            outbox.release(held);
            waitFor(() -> posted.size() == 3);
            assertEquals(List.of("queue/tickets/c1/printed", "queue/tickets/c3/void", "queue/tickets/c2/printed"), posted);
            waitFor(() -> outbox.size() == 0);
        } finally {
            running.close();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "not within 10 s");
            Thread.sleep(5);
        }
    }

    @Test
    void keysGoWithTheirMessages() throws Exception {
        Set<String> keys = new HashSet<>();
        OutboxSender keyed = new OutboxSender(outbox, (path, body, key) -> keys.add(path + " " + key), clock, new Random(1));
        String key = outbox.add(Draft.ticketPrinted("c1")).orElseThrow().key();
        keyed.sendDue();
        assertEquals(Set.of("queue/tickets/c1/printed " + key), keys);
    }
}
