package org.yizhan.queue;

import org.yizhan.hall.HallFailure;

/**
 * What a kiosk asks the hall server about queues: the board, a number, and what became of it. A number
 * counts only once printed: the kiosk takes it ({@code ISSUED}), prints it, then says {@link #printed} —
 * or {@link #voided} when the paper did not come out.
 */
public interface Queues {

    QueueBoard board() throws HallFailure;

    TicketInfo take(String queueId, boolean priority) throws HallFailure;

    TicketInfo printed(String code) throws HallFailure;

    TicketInfo voided(String code, String reason) throws HallFailure;
}
