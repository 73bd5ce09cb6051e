package org.yizhan.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.testing.ManualClock;

/** The outbox store: a round trip for every method, its lines, its holds, its bound and its reopening. */
class OutboxTest {
    private static final Draft HEARTBEAT = new Draft(Draft.HEARTBEAT, "kiosk/heartbeat", "{\"uptime\":1}", true);

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC);
    private Outbox outbox;

    private Outbox open(int max) throws OutboxFailure {
        if (outbox != null) {
            outbox.close();
        }
        outbox = Outbox.open(dir, max, clock);
        return outbox;
    }

    @AfterEach
    void close() {
        if (outbox != null) {
            outbox.close();
        }
    }

    @Test
    void aMessageAddedIsReadBackWithEveryField() throws Exception {
        open(100);
        OutboxMessage added = outbox.add(Draft.ticketPrinted("3-gZF2cowJtIy7De8lKq3Q")).orElseThrow();
        OutboxMessage read = outbox.pending().get(0);
        assertEquals(added, read);
        assertEquals("ticket.printed", read.kind());
        assertEquals("queue/tickets/3-gZF2cowJtIy7De8lKq3Q/printed", read.path());
        assertEquals("{}", read.body());
        assertTrue(read.key().matches("[0-9a-f]{32}"), read.key());
        assertEquals(clock.instant(), read.createdAt());
        assertEquals(clock.instant(), read.nextTryAt());
        assertEquals(0, read.attempts());
        assertNull(read.lastError());
        assertFalse(read.held());
        assertNull(read.refused());
        assertFalse(read.droppable());
        assertEquals(List.of(read), outbox.due(clock.instant()));
        assertEquals(Optional.of(clock.instant()), outbox.nextTry());
        assertEquals(1, outbox.size());
    }

    @Test
    void everyMessageHasItsOwnKey() throws Exception {
        open(100);
        String a = outbox.add(Draft.ticketPrinted("c1")).orElseThrow().key();
        String b = outbox.add(Draft.ticketPrinted("c1")).orElseThrow().key();
        assertFalse(a.equals(b));
    }

    @Test
    void aVoidCarriesItsReasonAndARefusesABadOne() throws Exception {
        assertEquals("{\"reason\":\"paper_out\"}", Draft.ticketVoided("c1", "paper_out").body());
        assertEquals("queue/tickets/c1/void", Draft.ticketVoided("c1", "paper_out").path());
        assertThrows(IllegalArgumentException.class, () -> Draft.ticketVoided("c1", "\"}, {\"x"));
        assertEquals("queue/tickets/a%2Fb/printed", Draft.ticketPrinted("a/b").path(), "a code is one path segment");
    }

    @Test
    void eachKindIsOneLineSentInOrder() throws Exception {
        open(100);
        OutboxMessage p1 = outbox.add(Draft.ticketPrinted("c1")).orElseThrow();
        clock.advance(Duration.ofSeconds(1));
        OutboxMessage p2 = outbox.add(Draft.ticketPrinted("c2")).orElseThrow();
        OutboxMessage v1 = outbox.add(Draft.ticketVoided("c3", "paper_out")).orElseThrow();
        assertEquals(List.of(p1.id(), v1.id()), ids(outbox.due(clock.instant())), "the head of each line");
        outbox.delivered(p1.id());
        assertEquals(List.of(p2.id(), v1.id()), ids(outbox.due(clock.instant())));
        outbox.delivered(v1.id());
        outbox.delivered(p2.id());
        assertTrue(outbox.due(clock.instant()).isEmpty());
        assertEquals(Optional.empty(), outbox.nextTry());
        assertEquals(0, outbox.size());
    }

    @Test
    void aMessageTriedAgainLaterWaitsAndHoldsUpItsLineOnly() throws Exception {
        open(100);
        OutboxMessage p1 = outbox.add(Draft.ticketPrinted("c1")).orElseThrow();
        outbox.add(Draft.ticketPrinted("c2"));
        OutboxMessage v1 = outbox.add(Draft.ticketVoided("c3", "paper_out")).orElseThrow();
        Instant later = clock.instant().plusSeconds(30);
        outbox.retryLater(p1.id(), "cannot connect to http://hall:8080: connection refused", later);
        assertEquals(List.of(v1.id()), ids(outbox.due(clock.instant())), "c2 waits behind c1, in order");
        OutboxMessage tried = outbox.pending().get(0);
        assertEquals(1, tried.attempts());
        assertEquals(later, tried.nextTryAt());
        assertEquals("cannot connect to http://hall:8080: connection refused", tried.lastError());
        assertEquals(Optional.of(clock.instant()), outbox.nextTry());
        outbox.delivered(v1.id());
        assertEquals(Optional.of(later), outbox.nextTry());
        assertEquals(List.of(p1.id()), ids(outbox.due(later)));
    }

    @Test
    void aRefusedMessageIsKeptAsideWithItsReasonAndItsLineGoesOn() throws Exception {
        open(100);
        OutboxMessage p1 = outbox.add(Draft.ticketPrinted("c1")).orElseThrow();
        OutboxMessage p2 = outbox.add(Draft.ticketPrinted("c2")).orElseThrow();
        outbox.refuse(p1.id(), "the server answered HTTP 404 for POST /queue/tickets/c1/printed: no such ticket");
        assertEquals(List.of(p2.id()), ids(outbox.due(clock.instant())));
        List<OutboxMessage> aside = outbox.keptAside();
        assertEquals(1, aside.size());
        assertEquals("the server answered HTTP 404 for POST /queue/tickets/c1/printed: no such ticket", aside.get(0).refused());
        assertEquals(1, aside.get(0).attempts());
        assertEquals(List.of(p2.id()), ids(outbox.pending()));
        assertEquals(2, outbox.size(), "kept, not dropped");
        open(100);
        assertEquals(1, outbox.keptAside().size(), "and still there after a restart");
    }

    @Test
    void aHeldMessageIsNotSentUntilReleased() throws Exception {
        open(100);
        AtomicInteger ready = new AtomicInteger();
        outbox.onReady(ready::incrementAndGet);
        long held = outbox.hold(Draft.ticketPrinted("c1"));
        assertEquals(0, ready.get(), "nothing to send yet");
        assertTrue(outbox.due(clock.instant()).isEmpty());
        assertTrue(outbox.pending().get(0).held(), "but on the disk");
        outbox.release(held);
        assertEquals(1, ready.get());
        assertEquals(List.of(held), ids(outbox.due(clock.instant())));
        assertThrows(IllegalArgumentException.class, () -> outbox.hold(HEARTBEAT));
    }

    @Test
    void aHeldMessageReplacedBecomesTheOtherInOneStep() throws Exception {
        open(100);
        long held = outbox.hold(Draft.ticketPrinted("c1"));
        OutboxMessage voided = outbox.replace(held, Draft.ticketVoided("c1", "paper_out"));
        assertEquals(List.of(voided), outbox.pending());
        assertEquals("queue/tickets/c1/void", voided.path());
        assertFalse(voided.held());
    }

    @Test
    void holdsLeftByAKioskThatStoppedGoAtTheNextStart() throws Exception {
        open(100);
        long held = outbox.hold(Draft.ticketPrinted("c1"));
        open(100);
        assertEquals(List.of(held), ids(outbox.due(clock.instant())), "the ticket may be in a hand: reported printed");
    }

    @Test
    void aHoldNobodyEndsGoesAfterItsLimit() throws Exception {
        open(100);
        long held = outbox.hold(Draft.ticketPrinted("c1"));
        clock.advance(Outbox.HOLD_LIMIT.minusSeconds(1));
        assertTrue(outbox.due(clock.instant()).isEmpty());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(List.of(held), ids(outbox.due(clock.instant())));
    }

    @Test
    void messagesSurviveAReopening() throws Exception {
        open(100);
        OutboxMessage p1 = outbox.add(Draft.ticketPrinted("c1")).orElseThrow();
        outbox.retryLater(p1.id(), "down", clock.instant().plusSeconds(5));
        List<OutboxMessage> before = outbox.pending();
        open(100);
        assertEquals(before, outbox.pending());
    }

    @Test
    void whenFullTheOldestHeartbeatsGoFirstAndConfirmationsNever() throws Exception {
        open(3);
        OutboxMessage h1 = outbox.add(HEARTBEAT).orElseThrow();
        OutboxMessage h2 = outbox.add(HEARTBEAT).orElseThrow();
        OutboxMessage p1 = outbox.add(Draft.ticketPrinted("c1")).orElseThrow();
        OutboxMessage p2 = outbox.add(Draft.ticketPrinted("c2")).orElseThrow();
        assertEquals(List.of(h2.id(), p1.id(), p2.id()), ids(outbox.pending()), "h1, the oldest heartbeat, dropped");
        OutboxMessage p3 = outbox.add(Draft.ticketPrinted("c3")).orElseThrow();
        assertEquals(List.of(p1.id(), p2.id(), p3.id()), ids(outbox.pending()));
        assertTrue(outbox.full());
        assertEquals(Optional.empty(), outbox.add(HEARTBEAT), "no room for a heartbeat among confirmations");
        OutboxMessage p4 = outbox.add(Draft.ticketPrinted("c4")).orElseThrow();
        assertEquals(List.of(p1.id(), p2.id(), p3.id(), p4.id()), ids(outbox.pending()),
                "a confirmation is kept even past the bound: its paper is out");
        assertTrue(h1.id() < h2.id());
        outbox.delivered(p1.id());
        outbox.delivered(p2.id());
        assertFalse(outbox.full());
        open(3);
        assertFalse(outbox.full(), "counted again at the start");
    }

    @Test
    void aRatingIsItsOwnLineAndNeverDropped() throws Exception {
        open(2);
        outbox.add(HEARTBEAT).orElseThrow();
        OutboxMessage r1 = outbox.add(Draft.rating("{\"level\":\"satisfied\"}")).orElseThrow();
        OutboxMessage r2 = outbox.add(Draft.rating("{\"level\":\"dissatisfied\"}")).orElseThrow();
        assertEquals(List.of(r1.id(), r2.id()), ids(outbox.pending()), "the heartbeat made room, the ratings did not");
        OutboxMessage r3 = outbox.add(Draft.rating("{}")).orElseThrow();
        assertEquals(3, outbox.pending().size(), "kept past the bound");
        assertEquals(Draft.RATING, r3.kind());
        assertEquals("kiosk/rating", r3.path());
        assertFalse(r3.droppable());
        assertFalse(Draft.rating("{}").onlyLatest(), "every rating counts, not only the latest");
        OutboxMessage printed = outbox.add(Draft.ticketPrinted("c1")).orElseThrow();
        assertEquals(List.of(r1.id(), printed.id()), ids(outbox.due(clock.instant())), "one head per line");
    }

    @Test
    void aNewHeartbeatReplacesTheOneStillWaiting() throws Exception {
        open(100);
        OutboxMessage ticket = outbox.add(Draft.ticketPrinted("c1")).orElseThrow();
        OutboxMessage first = outbox.add(Draft.heartbeat("{\"n\":1}")).orElseThrow();
        outbox.retryLater(first.id(), "down", clock.instant().plusSeconds(30));
        OutboxMessage second = outbox.add(Draft.heartbeat("{\"n\":2}")).orElseThrow();
        assertTrue(second.id() > first.id(), "never the id of one the sender may be sending");
        outbox.delivered(first.id());
        assertEquals(List.of(ticket.id(), second.id()), ids(outbox.pending()), "the answer to the first one is not the second's");
        for (int n = 3; n <= 200; n++) {
            clock.advance(Duration.ofMinutes(1));
            outbox.add(Draft.heartbeat("{\"n\":" + n + "}")).orElseThrow();
        }
        List<OutboxMessage> pending = outbox.pending();
        assertEquals(2, pending.size(), "the ticket and one heartbeat, not 200: " + pending);
        assertEquals(ticket, pending.get(0));
        OutboxMessage latest = pending.get(1);
        assertEquals("{\"n\":200}", latest.body());
        assertEquals("kiosk/heartbeat", latest.path());
        assertEquals(0, latest.attempts(), "a new message: tried at once, not after the old one's backoff");
        assertEquals(clock.instant(), latest.nextTryAt());
        assertEquals(2, outbox.size());
        assertEquals(1, outbox.waiting(), "the ticket: a heartbeat is no backlog");
        assertEquals(List.of(ticket.id(), latest.id()), ids(outbox.due(clock.instant())));
    }

    @Test
    void ofTheHeartbeatsKeptAsideOnlyTheNewestStays() throws Exception {
        open(100);
        OutboxMessage ticket = outbox.add(Draft.ticketPrinted("c1")).orElseThrow();
        outbox.refuse(ticket.id(), "HTTP 409 wrong_state");
        for (int n = 1; n <= 3; n++) {
            OutboxMessage h = outbox.add(Draft.heartbeat("{\"n\":" + n + "}")).orElseThrow();
            outbox.refuse(h.id(), "HTTP 400 bad_request " + n);
        }
        assertEquals(3, outbox.keptAsideCount(), "the ticket, the last refused heartbeat and the one before it");
        OutboxMessage waiting = outbox.add(Draft.heartbeat("{\"n\":4}")).orElseThrow();
        List<OutboxMessage> aside = outbox.keptAside();
        assertEquals(2, aside.size(), aside.toString());
        assertEquals(ticket.id(), aside.get(0).id(), "a ticket's refusal is never dropped");
        assertEquals("HTTP 400 bad_request 3", aside.get(1).refused());
        assertEquals(List.of(waiting.id()), ids(outbox.pending()));
        assertEquals(2, outbox.keptAsideCount());
        assertEquals(3, outbox.size());
    }

    private static List<Long> ids(List<OutboxMessage> messages) {
        return messages.stream().map(OutboxMessage::id).toList();
    }
}
