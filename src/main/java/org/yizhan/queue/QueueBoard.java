package org.yizhan.queue;

import java.util.List;

/** {@code GET /queue/queues}: the hall's queues with today's figures, in the order the hall lists them. */
public record QueueBoard(String hall, String businessDate, String timeZone, List<QueueInfo> queues) {
    public QueueBoard {
        queues = queues == null ? List.of() : List.copyOf(queues);
    }
}
