package org.yizhan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleCountdownTest {

    @Test
    void countsDownWarnsInTheLastFifteenSecondsAndExpires() {
        IdleCountdown c = new IdleCountdown(Duration.ofSeconds(60), 0);
        assertEquals(60, c.remainingSeconds(0));
        assertFalse(c.warning(44_000));
        assertTrue(c.warning(45_500));
        assertEquals(1, c.remainingSeconds(59_001), "never shows 0 before the reset");
        assertFalse(c.expired(59_999));
        assertTrue(c.expired(60_000));
        assertFalse(c.warning(60_000));
    }

    @Test
    void activityStartsTheCountAgain() {
        IdleCountdown c = new IdleCountdown(Duration.ofSeconds(60), 0);
        c.activity(50_000);
        assertEquals(60, c.remainingSeconds(50_000));
        assertFalse(c.expired(100_000));
        assertTrue(c.expired(110_000));
    }

    @Test
    void rejectsAZeroTimeout() {
        assertThrows(IllegalArgumentException.class, () -> new IdleCountdown(Duration.ZERO, 0));
    }
}
