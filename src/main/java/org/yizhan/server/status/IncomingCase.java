package org.yizhan.server.status;

import java.time.Instant;
import org.yizhan.status.CaseAnswer;

/**
 * A case from the feed, checked and masked: what will be stored, plus the check value in the clear until it is
 * hashed. {@code lastStepAt} and {@code stepCount} order two versions of one case ({@link Progress}); a finished
 * case's {@code finishedAt} is its last step's time.
 */
record IncomingCase(CaseAnswer answer, String checkKind, String check, Progress progress, Instant finishedAt) {

    /** How far a case has got: a later last step, or as late with more steps, is newer. */
    record Progress(Instant lastStepAt, int stepCount) implements Comparable<Progress> {
        @Override
        public int compareTo(Progress other) {
            int byTime = lastStepAt.compareTo(other.lastStepAt);
            return byTime != 0 ? byTime : Integer.compare(stepCount, other.stepCount);
        }
    }

    /** Without the check: a record's default toString would print it. */
    @Override
    public String toString() {
        return "IncomingCase[" + progress + "]";
    }
}
