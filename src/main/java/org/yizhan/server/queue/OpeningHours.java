package org.yizhan.server.queue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** When a queue takes numbers, per weekday: a few periods, e.g. 08:30-12:00 and 14:00-17:30. A day with none is closed. */
public record OpeningHours(Map<DayOfWeek, List<Period>> days) {

    /** From {@code start} (inclusive) to {@code end} (exclusive), minutes since midnight; the end may be 24:00. */
    public record Period(int start, int end) {
        boolean holds(int minute) {
            return minute >= start && minute < end;
        }

        @Override
        public String toString() {
            return text(start) + "-" + text(end);
        }

        private static String text(int minute) {
            return String.format("%02d:%02d", minute / 60, minute % 60);
        }
    }

    /** Where a moment of a day stands against that day's hours. */
    public enum Standing { OPEN, NOT_OPEN_YET, CLOSED_FOR_TODAY, CLOSED_TODAY }

    public OpeningHours {
        EnumMap<DayOfWeek, List<Period>> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, periods) -> copy.put(day, List.copyOf(periods)));
        days = copy;
    }

    public List<Period> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    /** E.g. "08:30-12:00, 14:00-17:30", or "" on a closed day. */
    public String text(DayOfWeek day) {
        return on(day).stream().map(Period::toString).collect(Collectors.joining(", "));
    }

    /** Between two periods (the lunch break) counts as not open yet: the queue opens again later today. */
    public Standing standing(DayOfWeek day, LocalTime time) {
        List<Period> periods = on(day);
        if (periods.isEmpty()) {
            return Standing.CLOSED_TODAY;
        }
        int minute = time.getHour() * 60 + time.getMinute();
        for (Period period : periods) {
            if (period.holds(minute)) {
                return Standing.OPEN;
            }
            if (minute < period.start()) {
                return Standing.NOT_OPEN_YET;
            }
        }
        return Standing.CLOSED_FOR_TODAY;
    }
}
