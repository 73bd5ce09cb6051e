package org.yizhan.status;

import org.yizhan.hall.HallClient;
import org.yizhan.hall.HallFailure;
import org.yizhan.hall.Timeouts;

/** {@link CaseStatus} over the kiosk's {@link HallClient} with the hall secret (docs/protocol.md, "Case status"). */
public final class StatusClient implements CaseStatus {
    private final HallClient hall;

    /** {@code hall} carries the hall secret ({@link HallClient#withHallSecret}). */
    public StatusClient(HallClient hall) {
        this.hall = hall.withTimeouts(Timeouts.AT_THE_SCREEN);
    }

    @Override
    public CaseAnswer lookUp(String number, String check) throws NotFound, TooManyTries, HallFailure {
        try {
            return hall.postJson("status/lookup", new CaseLookup(number, check), CaseAnswer.class);
        } catch (HallFailure.Refused refused) {
            String code = refused.code().orElse("");
            if (refused.status() == 404 || code.equals("not_found")) {
                throw new NotFound();
            }
            if (refused.status() == 429 || code.equals("too_many_tries")) {
                throw new TooManyTries(refused.retryAfterSeconds().orElse(15 * 60L));
            }
            throw refused;
        }
    }
}
