package org.yizhan.ui;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The technician's way in, hidden from citizens: {@value #TAPS} taps within {@value #WITHIN_MILLIS} ms in the top
 * left corner of the screen (the hall's name, which does nothing when tapped). A tap anywhere else starts the count
 * again, so a citizen's ordinary use never adds up to it.
 */
public final class CornerTaps {
    static final int TAPS = 5;
    static final long WITHIN_MILLIS = 3_000;
    /** The corner's size in scene pixels: a fingertip's worth on the kiosk's 1080-pixel side, and more. */
    static final double CORNER = 160;

    private final Deque<Long> times = new ArrayDeque<>();

    /** A tap at ({@code x}, {@code y}) in the scene: true when it is the last of the quick taps in the corner. */
    public boolean tap(double x, double y, long nowMillis) {
        if (x > CORNER || y > CORNER || x < 0 || y < 0) {
            times.clear();
            return false;
        }
        times.addLast(nowMillis);
        while (times.peekFirst() < nowMillis - WITHIN_MILLIS) {
            times.removeFirst();
        }
        if (times.size() >= TAPS) {
            times.clear();
            return true;
        }
        return false;
    }
}
