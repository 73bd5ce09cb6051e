package org.yizhan.model;

import java.util.Objects;

/** A time limit such as 20 工作日. A value of 0 means 即办 (done on the spot). */
public record TimeLimit(int value, TimeUnit unit) {
    public TimeLimit {
        if (value < 0) {
            throw new IllegalArgumentException("time limit must not be negative: " + value);
        }
        Objects.requireNonNull(unit, "unit");
    }

    public boolean immediate() {
        return value == 0;
    }
}
