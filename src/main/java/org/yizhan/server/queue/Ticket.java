package org.yizhan.server.queue;

import java.time.Instant;
import java.time.LocalDate;
import org.yizhan.queue.TicketState;

/**
 * One number, as the ticket store holds it. {@code queue} issued it (its prefix and daily sequence) and never
 * changes; {@code lineQueue} is the queue it waits in now, another one after a transfer. {@code id} is the
 * order of issue across the hall and sets the order of the line. Times are null until they happen.
 */
public record Ticket(long id, String code, LocalDate businessDate, String queue, int seq, String number,
                     boolean priority, TicketState state, String lineQueue, String window, String kiosk,
                     Instant issuedAt, Instant printedAt, Instant calledAt, Instant startedAt, Instant finishedAt,
                     Long callSeq, int recalls, String voidReason) {

    /** A number just taken: issued, not yet printed. */
    static Ticket issued(String code, LocalDate date, QueueDefinition queue, int seq, boolean priority, String kiosk,
                         Instant at) {
        return new Ticket(0, code, date, queue.id(), seq, queue.number(seq), priority, TicketState.ISSUED, queue.id(),
                null, kiosk, at, null, null, null, null, null, 0, null);
    }

    Ticket withId(long newId) {
        return new Ticket(newId, code, businessDate, queue, seq, number, priority, state, lineQueue, window, kiosk,
                issuedAt, printedAt, calledAt, startedAt, finishedAt, callSeq, recalls, voidReason);
    }

    Ticket printed(Instant at) {
        return new Ticket(id, code, businessDate, queue, seq, number, priority, TicketState.PRINTED, lineQueue, window,
                kiosk, issuedAt, at, calledAt, startedAt, finishedAt, callSeq, recalls, voidReason);
    }

    /** Back in its line in its place (by {@code id}): the sweep voided it, and then its kiosk said it printed it. */
    Ticket restored(Instant at) {
        return new Ticket(id, code, businessDate, queue, seq, number, priority, TicketState.PRINTED, lineQueue, window,
                kiosk, issuedAt, at, calledAt, startedAt, finishedAt, callSeq, recalls, null);
    }

    Ticket voided(String reason) {
        return new Ticket(id, code, businessDate, queue, seq, number, priority, TicketState.VOIDED, lineQueue, window,
                kiosk, issuedAt, printedAt, calledAt, startedAt, finishedAt, callSeq, recalls, reason);
    }

    Ticket called(String toWindow, Instant at, long order) {
        return new Ticket(id, code, businessDate, queue, seq, number, priority, TicketState.CALLED, lineQueue, toWindow,
                kiosk, issuedAt, printedAt, at, null, null, order, recalls, voidReason);
    }

    Ticket recalled() {
        return new Ticket(id, code, businessDate, queue, seq, number, priority, state, lineQueue, window, kiosk,
                issuedAt, printedAt, calledAt, startedAt, finishedAt, callSeq, recalls + 1, voidReason);
    }

    Ticket started(Instant at) {
        return new Ticket(id, code, businessDate, queue, seq, number, priority, TicketState.SERVING, lineQueue, window,
                kiosk, issuedAt, printedAt, calledAt, at, finishedAt, callSeq, recalls, voidReason);
    }

    Ticket finished(TicketState end, Instant at) {
        return new Ticket(id, code, businessDate, queue, seq, number, priority, end, lineQueue, window, kiosk,
                issuedAt, printedAt, calledAt, startedAt, at, callSeq, recalls, voidReason);
    }

    /** To the line of {@code to}, in its place by the time it was issued; its earlier call no longer counts. */
    Ticket transferred(String to) {
        return new Ticket(id, code, businessDate, queue, seq, number, priority, TicketState.TRANSFERRED, to, null,
                kiosk, issuedAt, printedAt, null, null, null, null, recalls, voidReason);
    }
}
