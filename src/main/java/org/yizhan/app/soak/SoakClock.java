package org.yizhan.app.soak;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The soak's time, which moves only when the driver moves it: a few seconds a tap, a minute to walk away. The kiosk,
 * its embedded hall server and the idle reset all read it, so a day's worth of citizens passes in minutes and the
 * hall's rules (numbers a minute, daily caps, opening hours) apply as they would.
 */
final class SoakClock extends Clock {
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    /** When citizens come: the demo hall's queues are open then (assets/queue/demo-queues.json), weekdays. */
    private static final LocalTime MORNING = LocalTime.of(8, 30);
    private static final LocalTime NOON = LocalTime.of(11, 50);
    private static final LocalTime AFTERNOON = LocalTime.of(14, 0);
    private static final LocalTime EVENING = LocalTime.of(17, 20);

    private volatile Instant now;

    SoakClock(Instant start) {
        this.now = start;
    }

    /** Monday 2026-11-30, 08:30 in the hall: the week the demo's cases were written for. */
    static SoakClock mondayMorning() {
        return new SoakClock(ZonedDateTime.of(2026, 11, 30, 8, 30, 0, 0, HALL).toInstant());
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    /** Outside the hall's hours (lunch, night, the weekend): on to when it next opens, as the next citizen would. */
    void toOpeningHours() {
        ZonedDateTime t = now.atZone(HALL);
        LocalTime time = t.toLocalTime();
        boolean weekday = t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY;
        if (weekday && (!time.isBefore(MORNING) && time.isBefore(NOON) || !time.isBefore(AFTERNOON) && time.isBefore(EVENING))) {
            return;
        }
        ZonedDateTime next;
        if (weekday && time.isBefore(MORNING)) {
            next = t.with(MORNING);
        } else if (weekday && time.isBefore(AFTERNOON)) {
            next = t.with(AFTERNOON);
        } else {
            next = t.plusDays(1).with(MORNING);
            while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
                next = next.plusDays(1);
            }
        }
        now = next.toInstant();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return HALL;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(HALL) ? this : Clock.fixed(now, zone);
    }
}
