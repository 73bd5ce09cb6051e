package org.yizhan.ui;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;

/** Date and time as a citizen reads them on the top bar and the home screen. */
public final class ClockText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private final Clock clock;
    private final Messages messages;

    public ClockText(Clock clock, Messages messages) {
        this.clock = clock;
        this.messages = messages;
    }

    /** e.g. {@code 11月23日 星期一 09:45}. */
    public String now() {
        LocalDateTime t = LocalDateTime.now(clock);
        return date(t) + " " + TIME.format(t);
    }

    /** e.g. {@code 2026年11月23日 星期一}. */
    public String longDate() {
        LocalDateTime t = LocalDateTime.now(clock);
        return t.getYear() + "年" + date(t);
    }

    private String date(LocalDateTime t) {
        return t.getMonthValue() + "月" + t.getDayOfMonth() + "日 "
                + t.getDayOfWeek().getDisplayName(TextStyle.FULL, messages.locale());
    }

    public String time() {
        return TIME.format(LocalDateTime.now(clock));
    }
}
