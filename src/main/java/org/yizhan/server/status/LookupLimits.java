package org.yizhan.server.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.yizhan.server.RecentFailures;

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
    private final RecentFailures byNumber = new RecentFailures(WINDOW, MAX_KEYS);
    private final RecentFailures byKiosk = new RecentFailures(WINDOW, MAX_KEYS);

    LookupLimits(Clock clock) {
        this.clock = clock;
    }

    /** How long until {@code number} from {@code kiosk} may be tried again; empty when it may now. */
    synchronized Optional<Duration> refusal(String number, String kiosk) {
        Instant now = clock.instant();
        Duration forNumber = byNumber.untilBelow(number, PER_NUMBER, now);
        Duration forKiosk = byKiosk.untilBelow(kiosk, PER_KIOSK, now);
        Duration wait = forNumber.compareTo(forKiosk) >= 0 ? forNumber : forKiosk;
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    synchronized void failed(String number, String kiosk) {
        Instant now = clock.instant();
        byNumber.add(number, now);
        byKiosk.add(kiosk, now);
    }

    /** The right check ends the number's count; the kiosk's stays. */
    synchronized void succeeded(String number) {
        byNumber.clear(number);
    }
}
