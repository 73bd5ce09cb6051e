package org.yizhan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleCountdownTest {

    @Test
    void countsDownWarnsInTheLastTwentySecondsAndExpires() {
        IdleCountdown c = new IdleCountdown(Duration.ofSeconds(60), 0);
        assertEquals(60, c.remainingSeconds(0));
        assertFalse(c.warning(39_000));
        assertTrue(c.warning(40_500));
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
    void refusesATimeoutShorterThanItsCountdown() {
        assertThrows(IllegalArgumentException.class, () -> new IdleCountdown(Duration.ZERO, 0));
        assertThrows(IllegalArgumentException.class, () -> new IdleCountdown(Duration.ofSeconds(19), 0));
        IdleCountdown c = new IdleCountdown(Duration.ofSeconds(20), 0);
        assertTrue(c.warning(0), "the countdown is all of it, but all 20 s");
        assertThrows(IllegalArgumentException.class, () -> c.setTimeout(Duration.ofSeconds(15)));
        assertThrows(IllegalArgumentException.class, () -> new org.yizhan.ui.status.StatusViewModel.Setup(
                java.util.Optional.empty(), Duration.ofSeconds(19)), "the status answer's time on screen");
    }

    @Test
    void aLongerTimeoutCountsFromTheLastActivity() {
        IdleCountdown c = new IdleCountdown(Duration.ofSeconds(60), 0);
        c.activity(10_000);
        c.setTimeout(Duration.ofSeconds(180));
        assertEquals(130, c.remainingSeconds(60_000));
        assertFalse(c.warning(169_000));
        assertTrue(c.warning(171_000));
        assertTrue(c.expired(190_000));
    }
}
