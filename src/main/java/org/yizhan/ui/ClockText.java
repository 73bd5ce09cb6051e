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

    /** e.g. {@code 2026年11月23日 星期一}, {@code Monday, November 23, 2026}. */
    public String longDate() {
        return date("clock.longDate", LocalDateTime.now(clock));
    }

    private String date(LocalDateTime t) {
        return date("clock.date", t);
    }

    /** Numbers as text: MessageFormat would write the year 2026 as 2,026 in English. */
    private String date(String key, LocalDateTime t) {
        return messages.format(key, String.valueOf(t.getYear()), String.valueOf(t.getMonthValue()),
                String.valueOf(t.getDayOfMonth()), t.getDayOfWeek().getDisplayName(TextStyle.FULL, messages.locale()),
                t.getMonth().getDisplayName(TextStyle.FULL, messages.locale()));
    }

    public String time() {
        return TIME.format(LocalDateTime.now(clock));
    }
}
