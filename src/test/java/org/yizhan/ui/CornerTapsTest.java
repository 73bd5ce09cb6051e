package org.yizhan.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CornerTapsTest {
    private final CornerTaps taps = new CornerTaps();

    private boolean tapTimes(int n, double x, double y, long start, long step) {
        boolean opened = false;
        for (int i = 0; i < n; i++) {
            opened = taps.tap(x, y, start + i * step);
        }
        return opened;
    }

    @Test
    void fiveQuickTapsInTheCornerOpen() {
        assertFalse(tapTimes(4, 20, 30, 1_000, 500), "four are not enough");
        assertTrue(taps.tap(25, 35, 3_000), "the fifth within three seconds opens");
        assertFalse(taps.tap(25, 35, 3_100), "and the count starts again");
    }

    @Test
    void slowTapsDoNotAddUp() {
        assertFalse(tapTimes(10, 20, 30, 0, 800), "one tap each 0.8 s: never five within 3 s");
    }

    @Test
    void aTapElsewhereStartsAgain() {
        assertFalse(tapTimes(4, 10, 10, 0, 100));
        assertFalse(taps.tap(500, 900, 450), "a citizen's tap on the screen");
        assertFalse(taps.tap(10, 10, 500), "the count began again");
        assertFalse(tapTimes(4, CornerTaps.CORNER + 1, 10, 1_000, 10), "just outside the corner");
    }
}
