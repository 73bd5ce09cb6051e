package org.yizhan.rating;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The national five levels of 政务服务"好差评" (国办发〔2019〕51号), best first. The bottom two are 差评 and need a
 * reason. On the wire each is its {@link #code()}.
 */
public enum RatingLevel {
    VERY_SATISFIED("very_satisfied", "非常满意"),
    SATISFIED("satisfied", "满意"),
    BASICALLY_SATISFIED("basically_satisfied", "基本满意"),
    DISSATISFIED("dissatisfied", "不满意"),
    VERY_DISSATISFIED("very_dissatisfied", "非常不满意");

    private final String code;
    private final String chinese;

    RatingLevel(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The level's national name, for the technician's summary (screens take theirs from the messages). */
    public String chinese() {
        return chinese;
    }

    /** 差评: the two lowest, which must say what was wrong. */
    public boolean low() {
        return this == DISSATISFIED || this == VERY_DISSATISFIED;
    }

    public static Optional<RatingLevel> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
