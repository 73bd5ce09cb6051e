package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.Heartbeat;
import org.yizhan.fleet.LastSync;
import org.yizhan.json.Json;
import org.yizhan.outbox.Draft;
import org.yizhan.outbox.Outbox;
import org.yizhan.outbox.OutboxMessage;
import org.yizhan.print.MonoImage;
import org.yizhan.print.PrinterState;
import org.yizhan.print.TicketPrinter;
import org.yizhan.sync.SyncOutcome;
import org.yizhan.sync.SyncScheduler;
import org.yizhan.testing.ManualClock;

/** The kiosk's heartbeat: built from what the kiosk knows, on a clock the test moves, and put in the outbox. */
class HeartbeatsTest {
    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");

    @TempDir
    Path data;
    private final ManualClock clock = new ManualClock(T0, ZoneOffset.UTC);
    private final AtomicLong catalog = new AtomicLong(41);
    private final AtomicReference<SyncScheduler.Status> sync = new AtomicReference<>(SyncScheduler.Status.NONE_YET);
    private final AtomicReference<Optional<String>> lastError = new AtomicReference<>(Optional.empty());
    private final Printer printer = new Printer();
    private Outbox outbox;
    private Heartbeats heartbeats;

    /** A printer that says what the test says; asked on the heartbeat's thread. */
    static final class Printer implements TicketPrinter {
        volatile PrinterState state = PrinterState.READY;
        volatile String askedOn;

        @Override
        public PrinterState status() {
            askedOn = Thread.currentThread().getName();
            return state;
        }

        @Override
        public void print(MonoImage image) {
        }

        @Override
        public int dotsWide() {
            return 576;
        }

        @Override
        public String describe() {
            return "test printer";
        }

        @Override
        public void close() {
        }
    }

    @BeforeEach
    void open() throws Exception {
        outbox = Outbox.open(data, 100, clock);
        heartbeats = heartbeats(Optional.of(printer));
    }

    private Heartbeats heartbeats(Optional<TicketPrinter> p) {
        return new Heartbeats(new Heartbeats.Sources("kiosk-07", "yunxi", "0.4.0", catalog::get, sync::get, p, data,
                lastError::get), outbox, clock, new Random(1));
    }

    @AfterEach
    void close() {
        heartbeats.close();
        outbox.close();
    }

    @Test
    void theFirstSaysWhatTheKioskKnowsBeforeAnySync() {
        Heartbeat h = heartbeats.build();
        assertEquals("kiosk-07", h.kioskId());
        assertEquals("yunxi", h.hallId());
        assertEquals("0.4.0", h.version());
        assertEquals(41, h.catalogVersion());
        assertNull(h.lastSync());
        assertNull(h.lastSuccessfulSync());
        assertEquals("READY", h.printer());
        assertEquals(0, h.uptimeSeconds());
        assertTrue(h.freeBytes() > 0, "the temp dir's disk has room: " + h.freeBytes());
        assertEquals(0, h.outboxWaiting());
        assertEquals(0, h.outboxKeptAside());
        assertEquals("", h.lastError());
        assertEquals(T0.toString(), h.sentAt());
        assertEquals("none", heartbeats(Optional.empty()).build().printer(), "no printer set");
    }

    @Test
    void laterItTellsOfTheSyncThePrinterTheOutboxAndTheLastError() throws Exception {
        clock.advance(Duration.ofHours(3));
        Instant failedAt = clock.instant().minusSeconds(30);
        sync.set(new SyncScheduler.Status(Optional.of(new SyncOutcome(SyncOutcome.Kind.UNREACHABLE, 43,
                "connection refused\n(is the server up?)", failedAt)), Optional.of(T0.plusSeconds(60)), 4, Optional.empty()));
        catalog.set(43);
        printer.state = PrinterState.PAPER_OUT;
        OutboxMessage refused = outbox.add(Draft.ticketPrinted("c1")).orElseThrow();
        outbox.refuse(refused.id(), "HTTP 409");
        outbox.add(Draft.ticketPrinted("c2"));
        outbox.add(Draft.ticketPrinted("c3"));
        lastError.set(Optional.of("java.net.ConnectException"));

        Heartbeat h = heartbeats.build();
        assertEquals(new LastSync("unreachable", "connection refused (is the server up?)", failedAt.toString()), h.lastSync());
        assertEquals(T0.plusSeconds(60).toString(), h.lastSuccessfulSync());
        assertEquals(43, h.catalogVersion());
        assertEquals("PAPER_OUT", h.printer());
        assertEquals(3 * 3600, h.uptimeSeconds());
        assertEquals(2, h.outboxWaiting());
        assertEquals(1, h.outboxKeptAside());
        assertEquals("java.net.ConnectException", h.lastError());
        assertEquals(clock.instant().toString(), h.sentAt());

        lastError.set(Optional.of("not a class: 10.0.0.9 refused"));
        assertEquals("", heartbeats.build().lastError(), "only a class name goes out, never a message");
    }

    @Test
    void eachBeatReplacesTheOneStillWaiting() throws Exception {
        heartbeats.beat();
        clock.advance(Duration.ofMinutes(1));
        printer.state = PrinterState.COVER_OPEN;
        heartbeats.beat();
        List<OutboxMessage> pending = outbox.pending();
        assertEquals(1, pending.size());
        OutboxMessage m = pending.get(0);
        assertEquals(Draft.HEARTBEAT, m.kind());
        assertEquals("kiosk/heartbeat", m.path());
        assertTrue(m.droppable());
        Heartbeat sent = Json.readMessage(m.body().getBytes(StandardCharsets.UTF_8), Heartbeat.class);
        assertEquals("COVER_OPEN", sent.printer());
        assertEquals(T0.plusSeconds(60).toString(), sent.sentAt());
        assertEquals(0, sent.outboxWaiting(), "the heartbeat it replaces is not counted as waiting");
    }

    @Test
    void theNextBeatComesAfterAMinuteGiveOrTakeTwentyPercent() {
        java.util.Set<Long> seconds = new java.util.TreeSet<>();
        for (int i = 0; i < 1000; i++) {
            Duration d = heartbeats.nextDelay();
            assertTrue(d.compareTo(Duration.ofSeconds(48)) >= 0 && d.compareTo(Duration.ofSeconds(72)) <= 0, d.toString());
            seconds.add(d.toSeconds());
        }
        assertTrue(seconds.size() > 20, "spread, not one fixed delay: " + seconds);
    }

    @Test
    void theThreadBeatsOffTheCallersThreadAndAsksThePrinterThere() throws Exception {
        CompletableFuture<String> added = new CompletableFuture<>();
        outbox.onReady(() -> added.complete(Thread.currentThread().getName()));
        heartbeats.start(Duration.ZERO);
        assertEquals("yizhan-heartbeat", added.get(10, TimeUnit.SECONDS));
        assertEquals("yizhan-heartbeat", printer.askedOn);
        assertEquals(1, outbox.pending().size());
    }
}
