package org.yizhan.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets and moves; time never passes by itself. */
public final class SetClock extends Clock {
    private volatile Instant now;

    public SetClock(Instant now) {
        this.now = now;
    }

    /** {@code local} (e.g. "2026-11-30T09:00") in Asia/Shanghai. */
    public static Instant shanghai(String local) {
        return java.time.LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
