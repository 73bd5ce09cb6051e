package org.yizhan.status;

import org.yizhan.hall.HallFailure;

/**
 * What a kiosk asks the hall server about an application (办件进度查询): the case for a number and the
 * check only its applicant knows. Nothing asked or answered is logged or kept.
 */
public interface CaseStatus {

    /**
     * @throws NotFound for an unknown number and for a wrong check alike: the server tells them apart to nobody
     * @throws TooManyTries after too many failures, for this number or this kiosk
     * @throws HallFailure  when the hall server cannot be asked
     */
    CaseAnswer lookUp(String number, String check) throws NotFound, TooManyTries, HallFailure;

    /** No case with that number and check. */
    final class NotFound extends Exception {
        public NotFound() {
            super("no such case", null, false, false);
        }
    }

    /** Refused for a while; {@code retryAfterSeconds} as the server said. */
    final class TooManyTries extends Exception {
        private final long retryAfterSeconds;

        public TooManyTries(long retryAfterSeconds) {
            super("too many tries", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
