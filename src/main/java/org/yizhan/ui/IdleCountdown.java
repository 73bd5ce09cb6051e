package org.yizhan.ui;

import java.time.Duration;

/**
 * How long until the kiosk gives up on an absent citizen. Plain logic on a millisecond clock, so it is
 * tested without the toolkit; {@link IdleMonitor} drives it from the scene's input events.
 */
public final class IdleCountdown {

    /**
     * The countdown becomes visible in the last seconds only, so it does not nag a reading citizen; 20 of them, so
     * that whoever is slow to read or to reach still has time to tap 继续使用 (WCAG 2.2.1 asks for at least 20 s).
     */
    public static final int WARNING_SECONDS = 20;

    private long timeoutMillis;
    private long lastActivityMillis;

    /** {@code timeout} at least {@link #WARNING_SECONDS}: a shorter one would cut the countdown short. */
    public IdleCountdown(Duration timeout, long nowMillis) {
        setTimeout(timeout);
        this.lastActivityMillis = nowMillis;
    }

    /** A new timeout from the last activity on, e.g. the longer one of elder mode. */
    public void setTimeout(Duration timeout) {
        refuseShorter(timeout, "the idle timeout");
        this.timeoutMillis = timeout.toMillis();
    }

    /**
     * Refuses a time a screen gives a citizen (before it goes home by itself) that is shorter than the countdown's
     * {@link #WARNING_SECONDS}: the kiosk never hurries anyone more than that.
     */
    public static void refuseShorter(Duration time, String what) {
        if (time.compareTo(Duration.ofSeconds(WARNING_SECONDS)) < 0) {
            throw new IllegalArgumentException(what + " " + time + " is shorter than " + WARNING_SECONDS + " s");
        }
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
