package org.yizhan.rating;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * What was wrong, for a 差评: the usual choices of the rating systems in use (waiting, unclear materials, the
 * staff, coming back again, the system), and 其他 with a note. On the wire each is its {@link #code()}.
 */
public enum RatingReason {
    LONG_WAIT("long_wait", "等候时间长"),
    UNCLEAR_MATERIALS("unclear_materials", "材料要求不清楚"),
    STAFF_ATTITUDE("staff_attitude", "工作人员态度"),
    REPEATED_VISITS("repeated_visits", "多次跑腿"),
    SYSTEM_PROBLEM("system_problem", "系统/设备问题"),
    OTHER("other", "其他");

    private final String code;
    private final String chinese;

    RatingReason(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Its name in the technician's summary. */
    public String chinese() {
        return chinese;
    }

    public static Optional<RatingReason> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
