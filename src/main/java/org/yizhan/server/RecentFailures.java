package org.yizhan.server;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The failures of each key (a window, a case number, a kiosk, an address) within a sliding window, for the limits
 * on guessing. In memory: a restart forgets them. Past {@code maxKeys} keys, those with no failure left in the
 * window are dropped, so a stream of made-up keys cannot fill the heap. Not synchronised: its owner is.
 */
public final class RecentFailures {
    private final Duration window;
    private final int maxKeys;
    private final Map<String, Deque<Instant>> byKey = new HashMap<>();

    public RecentFailures(Duration window, int maxKeys) {
        this.window = window;
        this.maxKeys = maxKeys;
    }

    /** Counts a failure of {@code key} at {@code now}. */
    public void add(String key, Instant now) {
        if (byKey.size() > maxKeys) {
            byKey.values().removeIf(times -> {
                expire(times, now);
                return times.isEmpty();
            });
        }
        Deque<Instant> times = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        expire(times, now);
        times.addLast(now);
    }

    /** How many failures of {@code key} are within the window at {@code now}. */
    public int count(String key, Instant now) {
        Deque<Instant> times = byKey.get(key);
        if (times == null) {
            return 0;
        }
        expire(times, now);
        return times.size();
    }

    /** The latest failure of {@code key}; only when {@link #count} is above zero. */
    public Instant latest(String key) {
        return byKey.get(key).peekLast();
    }

    /** How long until fewer than {@code limit} failures of {@code key} are within the window; zero if they are now. */
    public Duration untilBelow(String key, int limit, Instant now) {
        int n = count(key, now);
        if (n < limit) {
            return Duration.ZERO;
        }
        // Tries are allowed again when enough failures have left the window to go below the limit.
        Instant freed = byKey.get(key).stream().skip(n - (long) limit).findFirst().orElseThrow().plus(window);
        return Duration.between(now, freed);
    }

    /** Forgets every failure of {@code key}. */
    public void clear(String key) {
        byKey.remove(key);
    }

    /** Forgets the latest failure of {@code key}, e.g. a try counted before its check turned out right. */
    public void forgetLatest(String key) {
        Deque<Instant> times = byKey.get(key);
        if (times != null && !times.isEmpty()) {
            times.removeLast();
        }
    }

    private void expire(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.removeFirst();
        }
    }
}
