package org.yizhan.server.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed lookups within {@link #WINDOW}: after {@link #PER_NUMBER} for one number or {@link #PER_KIOSK} from one
 * kiosk, further tries are refused until the oldest failure that counts has left the window. Kept in memory: a
 * restart forgets them, which costs a guesser a restart of the hall server, not a way round (docs/status.md).
 */
final class LookupLimits {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_NUMBER = 5;
    static final int PER_KIOSK = 20;
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> byNumber = new HashMap<>();
    private final Map<String, Deque<Instant>> byKiosk = new HashMap<>();

    LookupLimits(Clock clock) {
        this.clock = clock;
    }

    /** How long until {@code number} from {@code kiosk} may be tried again; empty when it may now. */
    synchronized Optional<Duration> refusal(String number, String kiosk) {
        Instant now = clock.instant();
        Optional<Duration> forNumber = wait(byNumber, number, PER_NUMBER, now);
        Optional<Duration> forKiosk = wait(byKiosk, kiosk, PER_KIOSK, now);
        if (forNumber.isPresent() && forKiosk.isPresent()) {
            return Optional.of(forNumber.get().compareTo(forKiosk.get()) >= 0 ? forNumber.get() : forKiosk.get());
        }
        return forNumber.isPresent() ? forNumber : forKiosk;
    }

    synchronized void failed(String number, String kiosk) {
        Instant now = clock.instant();
        add(byNumber, number, now);
        add(byKiosk, kiosk, now);
    }

    /** The right check ends the number's count; the kiosk's stays. */
    synchronized void succeeded(String number) {
        byNumber.remove(number);
    }

    private static Optional<Duration> wait(Map<String, Deque<Instant>> failures, String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        expire(times, now);
        if (times.size() < limit) {
            return Optional.empty();
        }
        // Tries are allowed again when enough failures have left the window to go below the limit.
        Instant freed = times.stream().skip(times.size() - limit).findFirst().orElseThrow().plus(WINDOW);
        return Optional.of(Duration.between(now, freed));
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
