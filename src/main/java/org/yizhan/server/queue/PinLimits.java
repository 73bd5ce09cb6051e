package org.yizhan.server.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Wrong window PINs slow down and then lock (docs/counter.md): after {@link #FREE} failures within {@link #WINDOW}
 * for one window, each next try waits 2, 4, 8 … s after the last failure; at {@link #LOCK_AT} the window is locked
 * until the oldest failure that counts has left the window. The same for one client address, at four times the
 * counts, so one PC cannot walk through the windows. In memory, like the status lookups' limits.
 */
final class PinLimits {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int FREE = 3;
    static final int LOCK_AT = 5;
    private static final int ADDRESS_FACTOR = 4;
    private static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> byWindow = new HashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new HashMap<>();

    PinLimits(Clock clock) {
        this.clock = clock;
    }

    /** How long until {@code window} may be tried again from {@code address}; empty when it may now. */
    synchronized Optional<Duration> refusal(String window, String address) {
        Instant now = clock.instant();
        Duration wait = max(wait(byWindow.get(window), 1, now), wait(byAddress.get(address), ADDRESS_FACTOR, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /**
     * One try of {@code window} from {@code address}: refused (how long to wait), or counted as a failure before the
     * slow PIN check runs, so that a burst of tries sent at once is counted whole and cannot slip past the limit.
     */
    synchronized Optional<Duration> attempt(String window, String address) {
        Optional<Duration> wait = refusal(window, address);
        if (wait.isEmpty()) {
            Instant now = clock.instant();
            add(byWindow, window, now);
            add(byAddress, address, now);
        }
        return wait;
    }

    /** The right PIN: the window's count ends, and this try leaves the address's. */
    synchronized void succeeded(String window, String address) {
        byWindow.remove(window);
        Deque<Instant> times = byAddress.get(address);
        if (times != null && !times.isEmpty()) {
            times.removeLast();
        }
    }

    private static Duration wait(Deque<Instant> times, int factor, Instant now) {
        if (times == null) {
            return Duration.ZERO;
        }
        expire(times, now);
        int n = times.size();
        if (n >= LOCK_AT * factor) {
            Instant freed = times.stream().skip(n - (long) LOCK_AT * factor).findFirst().orElseThrow().plus(WINDOW);
            return positive(Duration.between(now, freed));
        }
        if (n >= FREE * factor) {
            int over = n / factor - FREE + 1;
            return positive(Duration.between(now, times.peekLast().plusSeconds(1L << Math.min(over, 10))));
        }
        return Duration.ZERO;
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void add(Map<String, Deque<Instant>> failures, String key, Instant now) {
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(times -> {
                expire(times, now);
                return times.isEmpty();
            });
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        expire(times, now);
        times.addLast(now);
    }

    private static void expire(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.removeFirst();
        }
    }
}
