package org.yizhan.ui;

import java.time.Duration;

/**
 * How long until the kiosk gives up on an absent citizen. Plain logic on a millisecond clock, so it is
 * tested without the toolkit; {@link IdleMonitor} drives it from the scene's input events.
 */
public final class IdleCountdown {

    /** The countdown becomes visible in the last seconds only, so it does not nag a reading citizen. */
    public static final int WARNING_SECONDS = 15;

    private final long timeoutMillis;
    private long lastActivityMillis;

    public IdleCountdown(Duration timeout, long nowMillis) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive: " + timeout);
        }
        this.timeoutMillis = timeout.toMillis();
        this.lastActivityMillis = nowMillis;
    }

    public void activity(long nowMillis) {
        lastActivityMillis = nowMillis;
    }

    public long remainingMillis(long nowMillis) {
        return Math.max(0, timeoutMillis - (nowMillis - lastActivityMillis));
    }

    /** Whole seconds left, rounded up, so the display never shows 0 before the reset. */
    public int remainingSeconds(long nowMillis) {
        return (int) ((remainingMillis(nowMillis) + 999) / 1000);
    }

    public boolean expired(long nowMillis) {
        return remainingMillis(nowMillis) == 0;
    }

    public boolean warning(long nowMillis) {
        return !expired(nowMillis) && remainingSeconds(nowMillis) <= WARNING_SECONDS;
    }
}
