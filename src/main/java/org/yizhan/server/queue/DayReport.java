package org.yizhan.server.queue;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.yizhan.queue.TicketState;

/**
 * The hall's day in figures for its manager (docs/counter.md, "The day's report"), from the ticket store: per
 * queue (the queue that issued the number) and per window (the window that last called it), how many numbers were
 * issued, served (done), no-shows and voided, and the average and 90th percentile of the wait (issued to its last
 * call) and of the serving (start to done), in whole seconds; null where there is nothing to measure.
 */
public record DayReport(@JsonSerialize(using = ToStringSerializer.class) LocalDate date, String hall, List<Line> queues,
                        List<Line> windows, Line total) {

    /** One row: what {@code name} ({@code id}) did that day. */
    public record Line(String id, String name, int issued, int served, int noShows, int voided, Long waitAverage,
                       Long waitP90, Long servingAverage, Long servingP90) {
    }

    public static DayReport of(LocalDate date, HallQueues hall, WindowsFile.HallWindows windows, List<Ticket> day) {
        List<Line> byQueue = new ArrayList<>();
        Map<String, List<Ticket>> queued = group(day, Ticket::queue);
        for (QueueDefinition q : hall.queues()) {
            byQueue.add(line(q.id(), q.name(), queued.getOrDefault(q.id(), List.of())));
        }
        List<Line> byWindow = new ArrayList<>();
        group(day.stream().filter(t -> t.window() != null).toList(), Ticket::window).forEach((id, tickets) ->
                byWindow.add(line(id, windows.window(id).map(WindowsFile.Window::name).orElse(id), tickets)));
        return new DayReport(date, hall.hall(), byQueue, byWindow, line("", "全天", day));
    }

    private static Map<String, List<Ticket>> group(Collection<Ticket> tickets, Function<Ticket, String> key) {
        Map<String, List<Ticket>> groups = new TreeMap<>();
        for (Ticket t : tickets) {
            groups.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
        }
        return groups;
    }

    private static Line line(String id, String name, List<Ticket> tickets) {
        List<Long> waits = new ArrayList<>();
        List<Long> serving = new ArrayList<>();
        int served = 0;
        int noShows = 0;
        int voided = 0;
        for (Ticket t : tickets) {
            if (t.calledAt() != null) {
                waits.add(Duration.between(t.issuedAt(), t.calledAt()).toSeconds());
            }
            if (t.state() == TicketState.DONE) {
                served++;
                if (t.startedAt() != null && t.finishedAt() != null) {
                    serving.add(Duration.between(t.startedAt(), t.finishedAt()).toSeconds());
                }
            } else if (t.state() == TicketState.NO_SHOW) {
                noShows++;
            } else if (t.state() == TicketState.VOIDED) {
                voided++;
            }
        }
        return new Line(id, name, tickets.size(), served, noShows, voided, average(waits), p90(waits), average(serving),
                p90(serving));
    }

    private static Long average(List<Long> seconds) {
        return seconds.isEmpty() ? null : Math.round(seconds.stream().mapToLong(Long::longValue).average().orElseThrow());
    }

    /** The nearest-rank 90th percentile: the smallest value that 90 % of the values are at or below. */
    static Long p90(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return null;
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        return sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
    }

    /** The report as a plain-text table, for {@code yizhan report}. */
    public String text() {
        StringBuilder out = new StringBuilder(hall + " " + date + "\n");
        String head = String.format("%-16s %6s %6s %6s %6s %10s %10s %10s %10s%n", "", "issued", "served", "no-show",
                "voided", "wait avg", "wait p90", "serve avg", "serve p90");
        out.append("\nper queue\n").append(head);
        queues.forEach(l -> out.append(row(l)));
        out.append(row(total));
        out.append("\nper window\n").append(head);
        windows.forEach(l -> out.append(row(l)));
        return out.toString();
    }

    private static String row(Line l) {
        return String.format("%-16s %6d %6d %6d %6d %10s %10s %10s %10s%n", l.name(), l.issued(), l.served(), l.noShows(),
                l.voided(), minutes(l.waitAverage()), minutes(l.waitP90()), minutes(l.servingAverage()),
                minutes(l.servingP90()));
    }

    /** 754 s as "12:34" (minutes:seconds); "—" when there is nothing. */
    static String minutes(Long seconds) {
        return seconds == null ? "—" : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
