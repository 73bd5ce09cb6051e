package org.yizhan.queue;

import java.util.List;

/**
 * {@code GET /queue/queues}: the hall's queues with today's figures, in the order the hall lists them, and the
 * hall's rule of how many numbers one kiosk gives in a minute ({@code ticketsPerKioskPerMinute}; 0 from a server
 * that predates it).
 */
public record QueueBoard(String hall, String businessDate, String timeZone, int ticketsPerKioskPerMinute,
                         List<QueueInfo> queues) {
    public QueueBoard {
        queues = queues == null ? List.of() : List.copyOf(queues);
    }
}
