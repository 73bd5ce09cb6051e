package org.yizhan.ui.technician;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Wrong technician PINs make the next try wait: {@link #FIRST} after the first, doubling up to {@link #LONGEST}.
 * The right PIN ends the count. One per kiosk, kept while it runs: leaving the panel and coming back does not
 * start again. A try is counted before its slow check, so taps sent in a burst cannot slip past the wait.
 */
public final class PinDelay {
    static final Duration FIRST = Duration.ofSeconds(5);
    static final Duration LONGEST = Duration.ofMinutes(15);

    private int failures;
    private Instant last = Instant.EPOCH;

    /** How long until the next try; empty when it may be made now. */
    public synchronized Optional<Duration> wait(Instant now) {
        if (failures == 0) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, last.plus(delay(failures)));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** A try begins: counted as wrong until {@link #succeeded} says otherwise. */
    public synchronized void attempt(Instant now) {
        failures++;
        last = now;
    }

    public synchronized void succeeded() {
        failures = 0;
    }

    static Duration delay(int failures) {
        Duration d = FIRST.multipliedBy(1L << Math.min(failures - 1, 20));
        return d.compareTo(LONGEST) > 0 ? LONGEST : d;
    }
}
