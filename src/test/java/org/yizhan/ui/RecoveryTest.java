package org.yizhan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** After an uncaught exception: home, unless home itself keeps failing; then a pause, and home again. */
class RecoveryTest {

    private final Recovery recovery = new Recovery();
    private Instant now = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void aFailureAwayFromHomeAlwaysGoesHome() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Recovery.Step.HOME, recovery.failed(false, now));
        }
        assertFalse(recovery.outOfService());
    }

    @Test
    void homeFailingTwiceWithinTheBurstRestsAndIsTriedAgainAfterThePause() {
        assertEquals(Recovery.Step.HOME, recovery.failed(true, now));
        now = now.plus(Recovery.BURST).minusMillis(1);
        assertEquals(Recovery.Step.OUT_OF_SERVICE, recovery.failed(true, now));
        assertTrue(recovery.outOfService());
        assertEquals(Recovery.Step.NONE, recovery.failed(true, now), "while resting, more failures change nothing");

        assertFalse(recovery.retryDue(now.plus(Recovery.PAUSE).minusMillis(1)));
        assertTrue(recovery.retryDue(now.plus(Recovery.PAUSE)));
        assertFalse(recovery.retryDue(now.plus(Recovery.PAUSE)), "once");
        assertFalse(recovery.outOfService());
    }

    @Test
    void homeFailingOnceInAWhileIsNotABurst() {
        assertEquals(Recovery.Step.HOME, recovery.failed(true, now));
        now = now.plus(Recovery.BURST);
        assertEquals(Recovery.Step.HOME, recovery.failed(true, now));
        now = now.plus(Recovery.BURST);
        assertEquals(Recovery.Step.HOME, recovery.failed(true, now));
        assertFalse(recovery.outOfService());
    }
}
