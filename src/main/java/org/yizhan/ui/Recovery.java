package org.yizhan.ui;

import java.time.Duration;
import java.time.Instant;

/**
 * What the shell does after an uncaught exception on the FX thread: go home, unless home itself failed twice
 * within {@link #BURST}; then it pauses on a calm out-of-service page and tries home again after {@link #PAUSE},
 * so a screen that throws on every build cannot make the kiosk spin.
 */
final class Recovery {

    static final Duration BURST = Duration.ofSeconds(10);
    static final Duration PAUSE = Duration.ofSeconds(60);

    enum Step {
        /** Back to the home screen for the next citizen. */
        HOME,
        /** The out-of-service page, until {@link #retryDue} says to try home again. */
        OUT_OF_SERVICE,
        /** Nothing: the kiosk is already out of service. */
        NONE
    }

    private Instant lastHomeFailure;
    private Instant outOfServiceUntil;

    /** One failure, {@code atHome} if the home screen was showing (or being built) when it came. */
    Step failed(boolean atHome, Instant now) {
        if (outOfServiceUntil != null) {
            return Step.NONE;
        }
        if (!atHome) {
            return Step.HOME;
        }
        if (lastHomeFailure != null && now.isBefore(lastHomeFailure.plus(BURST))) {
            lastHomeFailure = null;
            outOfServiceUntil = now.plus(PAUSE);
            return Step.OUT_OF_SERVICE;
        }
        lastHomeFailure = now;
        return Step.HOME;
    }

    boolean outOfService() {
        return outOfServiceUntil != null;
    }

    /** True once, when the pause is over: then the shell tries home again. */
    boolean retryDue(Instant now) {
        if (outOfServiceUntil == null || now.isBefore(outOfServiceUntil)) {
            return false;
        }
        outOfServiceUntil = null;
        return true;
    }
}
