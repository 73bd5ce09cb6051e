package org.yizhan.server.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.yizhan.server.RecentFailures;

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
    private final RecentFailures byWindow = new RecentFailures(WINDOW, MAX_KEYS);
    private final RecentFailures byAddress = new RecentFailures(WINDOW, MAX_KEYS);

    PinLimits(Clock clock) {
        this.clock = clock;
    }

    /** How long until {@code window} may be tried again from {@code address}; empty when it may now. */
    synchronized Optional<Duration> refusal(String window, String address) {
        Instant now = clock.instant();
        Duration wait = max(wait(byWindow, window, 1, now), wait(byAddress, address, ADDRESS_FACTOR, now));
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
            byWindow.add(window, now);
            byAddress.add(address, now);
        }
        return wait;
    }

    /** The right PIN: the window's count ends, and this try leaves the address's. */
    synchronized void succeeded(String window, String address) {
        byWindow.clear(window);
        byAddress.forgetLatest(address);
    }

    private static Duration wait(RecentFailures failures, String key, int factor, Instant now) {
        int n = failures.count(key, now);
        if (n >= LOCK_AT * factor) {
            return failures.untilBelow(key, LOCK_AT * factor, now);
        }
        if (n >= FREE * factor) {
            int over = n / factor - FREE + 1;
            return positive(Duration.between(now, failures.latest(key).plusSeconds(1L << Math.min(over, 10))));
        }
        return Duration.ZERO;
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
