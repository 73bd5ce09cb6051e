package org.yizhan.ui.technician;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PinDelayTest {
    private final PinDelay delay = new PinDelay();
    private final Instant t0 = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void eachWrongPinDoublesTheWaitUpToFifteenMinutes() {
        assertEquals(Optional.empty(), delay.wait(t0));
        delay.attempt(t0);
        assertEquals(Optional.of(Duration.ofSeconds(5)), delay.wait(t0));
        assertEquals(Optional.of(Duration.ofSeconds(1)), delay.wait(t0.plusSeconds(4)));
        assertEquals(Optional.empty(), delay.wait(t0.plusSeconds(5)));
        delay.attempt(t0.plusSeconds(5));
        assertEquals(Optional.of(Duration.ofSeconds(10)), delay.wait(t0.plusSeconds(5)));
        for (int i = 0; i < 30; i++) {
            delay.attempt(t0);
        }
        assertEquals(Optional.of(PinDelay.LONGEST), delay.wait(t0));
        assertEquals(Duration.ofSeconds(40), PinDelay.delay(4));
    }

    @Test
    void theRightPinEndsTheCount() {
        delay.attempt(t0);
        delay.attempt(t0);
        assertTrue(delay.wait(t0).isPresent());
        delay.succeeded();
        assertEquals(Optional.empty(), delay.wait(t0));
    }
}
