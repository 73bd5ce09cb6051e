package org.yizhan.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code perMinute} tickets from this kiosk in any minute (queue.max-tickets-per-minute): a child
 * pressing 取号 fifty times gets that many and a message, and the queue is not flooded with phantoms.
 */
public final class TicketRateLimit {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Clock clock;
    private final Deque<Instant> taken = new ArrayDeque<>();

    public TicketRateLimit(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1: " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one ticket and returns true, or returns false when the minute's tickets are used up. */
    public synchronized boolean tryTake() {
        Instant now = clock.instant();
        while (!taken.isEmpty() && !taken.peekFirst().isAfter(now.minus(WINDOW))) {
            taken.removeFirst();
        }
        if (taken.size() >= perMinute) {
            return false;
        }
        taken.addLast(now);
        return true;
    }
}
