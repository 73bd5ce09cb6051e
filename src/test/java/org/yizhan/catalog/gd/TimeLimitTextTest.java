package org.yizhan.catalog.gd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.model.TimeLimit;
import org.yizhan.model.TimeUnit;

class TimeLimitTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "30个工作日, 30, WORKING_DAYS",
            "20个自然日, 20, NATURAL_DAYS",
            "0个工作日, 0, WORKING_DAYS",
            "即办, 0, WORKING_DAYS",
            "即办件, 0, WORKING_DAYS",
            "1小时, 1, HOURS",
            "2 个小时, 2, HOURS",
            "３０个工作日, 30, WORKING_DAYS",
            "'  365 个工作日。', 365, WORKING_DAYS",
            "5工作日, 5, WORKING_DAYS"})
    void readsTheWaysPortalsWriteTimeLimits(String text, int value, TimeUnit unit) {
        assertEquals(Optional.of(new TimeLimit(value, unit)), TimeLimitText.parse(text));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"三个月", "30日", "20天", "1个月", "工作日", "30个工作日内", "-1个工作日", "1.5小时", ""})
    void leavesAnythingElseUnread(String text) {
        assertEquals(Optional.empty(), TimeLimitText.parse(text));
    }
}
