package org.yizhan.server.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perMinute} numbers a minute for one kiosk (by its X-Yizhan-Kiosk header), whatever the kiosk
 * itself allows: a kiosk with a stuck button or a bug cannot empty a queue's daily cap.
 */
final class KioskLimit {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final int MAX_KIOSKS = 10_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Instant>> taken = new HashMap<>();

    KioskLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Whether {@code kiosk} may take one more number now; counts it if so. */
    synchronized boolean allow(String kiosk) {
        Instant now = clock.instant();
        if (taken.size() > MAX_KIOSKS) {
            taken.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(now.minus(MINUTE)));
        }
        Deque<Instant> times = taken.computeIfAbsent(kiosk, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(MINUTE))) {
            times.removeFirst();
        }
        if (times.size() >= perMinute) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    int perMinute() {
        return perMinute;
    }
}
