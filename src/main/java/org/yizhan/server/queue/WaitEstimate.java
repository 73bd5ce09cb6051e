package org.yizhan.server.queue;

import java.time.Duration;
import java.util.List;

/**
 * The estimated wait (docs/protocol.md, "Waiting figures"): people ahead × the mean time from call to done of
 * the queue's latest {@link #SAMPLE} finished tickets in the last {@link #HISTORY}, divided by the windows
 * signed in for the queue, rounded up to whole minutes. No history or no window: no figure (null), never a guess.
 */
final class WaitEstimate {
    static final int SAMPLE = 20;
    static final Duration HISTORY = Duration.ofDays(14);

    private WaitEstimate() {
    }

    static Integer minutes(int ahead, List<Long> serviceMillis, int windows) {
        if (serviceMillis.isEmpty() || windows <= 0) {
            return null;
        }
        double mean = serviceMillis.stream().mapToLong(Long::longValue).average().orElseThrow();
        return (int) Math.ceil(ahead * mean / windows / 60_000.0);
    }
}
