package org.yizhan.server.status;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.status.CaseAnswer;

/**
 * A citizen's lookup: number and check, under the {@link LookupLimits}. An unknown number and a wrong check are
 * one answer, reached by the same work: the slow hash runs for an unknown number too, against a dummy, so neither
 * the answer nor its time tells whether a number exists. Nothing of the number or the check is logged.
 */
final class CaseLookups {
    private static final Logger LOG = LoggerFactory.getLogger(CaseLookups.class);
    /** What counts requests that name no kiosk: together, so leaving the header out is no way round the limit. */
    static final String NO_KIOSK = "(no X-Yizhan-Kiosk)";

    sealed interface Result permits Found, NotFound, Refused {
    }

    record Found(CaseAnswer answer) implements Result {
    }

    record NotFound() implements Result {
    }

    record Refused(Duration retryAfter) implements Result {
    }

    private final CaseService cases;
    private final LookupLimits limits;

    CaseLookups(CaseService cases) {
        this.cases = cases;
        this.limits = new LookupLimits(cases.clock());
    }

    /** {@code number} and {@code check} as normalised by {@link CaseNumbers}; {@code kiosk} may be null. */
    Result lookup(String number, String check, String kiosk) throws SQLException {
        String from = kiosk == null || kiosk.isBlank() ? NO_KIOSK : kiosk;
        Optional<Duration> wait = limits.refusal(number, from);
        if (wait.isPresent()) {
            LOG.info("a lookup was refused: too many failed lookups (kiosk {})", from);
            return new Refused(wait.get());
        }
        Optional<CaseStore.StoredCheck> stored = cases.check(number);
        boolean matches = stored.isPresent()
                ? CheckHash.matches(stored.get().hashed(), check) && CaseNumbers.fits(check, stored.get().kind())
                : CheckHash.spend(check);
        Optional<CaseAnswer> answer = matches ? cases.answer(number) : Optional.empty();
        if (answer.isEmpty()) {
            limits.failed(number, from);
            LOG.info("a lookup failed (kiosk {})", from);
            return new NotFound();
        }
        limits.succeeded(number);
        return new Found(answer.get());
    }
}
