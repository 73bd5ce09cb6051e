package org.yizhan.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.HallFailure;
import org.yizhan.rating.LowRating;
import org.yizhan.rating.RatingAbout;
import org.yizhan.rating.RatingCounts;
import org.yizhan.rating.RatingLevel;
import org.yizhan.rating.RatingReason;
import org.yizhan.rating.RatingSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ratings}: the hall's 好差评 over some days, as the hall server counts them ({@code GET /ratings/summary}):
 * the whole, per day, and per queue or service, each with its levels, satisfaction rate and the reasons given.
 */
@Command(name = "ratings", mixinStandardHelpOptions = true,
        description = {"Prints the hall's ratings (好差评) from the hall server: in all, per day, and per queue "
                + "(or per service with --by service), each with the five levels, the satisfaction rate "
                + "(非常满意 + 满意 + 基本满意 of all) and how often each reason of a low rating was given.",
                "Exit code: 0 printed, 2 when the server cannot be asked.",
                "Example: yizhan ratings --from 2026-12-01 --to 2026-12-07 --server https://10.0.0.5:8443/ "
                        + "--secret-file hall.secret --pin 3fa2…"})
final class RatingsCommand implements Callable<Integer> {
    static final int PRINTED = 0;
    static final int CANNOT_ASK = 2;

    @CommandLine.Mixin
    HallServerOptions hallServer;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "The first day (default: today in the hall).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "The last day (default: today, or --from if later).")
    LocalDate to;

    @Option(names = "--by", paramLabel = "queue|service", defaultValue = "queue",
            description = "Besides per day, per queue or per service (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--low", description = "Also list each 差评 (不满意, 非常不满意) with its reasons, note and what it was "
            + "about, for the hall to answer it.")
    boolean low;

    @Override
    public Integer call() {
        if (!by.equals(RatingSummary.BY_QUEUE) && !by.equals(RatingSummary.BY_SERVICE)) {
            return cannot("--by must be queue or service");
        }
        HallClient hall;
        try {
            hall = hallServer.trustedClient();
        } catch (HallServerOptions.CannotAsk e) {
            return cannot(e.getMessage());
        }
        String days = (from == null ? "" : "&from=" + from) + (to == null ? "" : "&to=" + to);
        try {
            RatingSummary perDay = hall.getJson("ratings/summary?by=day" + days, RatingSummary.class);
            RatingSummary perGroup = hall.getJson("ratings/summary?by=" + by + days, RatingSummary.class);
            print(perDay, perGroup, System.out);
            if (low) {
                printLow(hall.getJson("ratings/low?" + (days.isEmpty() ? "" : days.substring(1)), LowRatings.class),
                        System.out);
            }
            return PRINTED;
        } catch (HallFailure.Refused e) {
            return cannot(e.serverMessage().orElse(e.getMessage()));
        } catch (HallFailure e) {
            return cannot(e.getMessage());
        }
    }

    /** The whole, then a line per day, then a line per queue or service; reasons under each line that has any. */
    static void print(RatingSummary perDay, RatingSummary perGroup, PrintStream out) {
        out.println("ratings " + perDay.from() + (perDay.from().equals(perDay.to()) ? "" : " to " + perDay.to()) + ": "
                + line(perDay.all()));
        reasons(perDay.all(), out);
        out.println();
        out.println("per day");
        for (RatingCounts day : perDay.groups()) {
            out.println("  " + day.key() + "  " + line(day));
            reasons(day, out);
        }
        out.println();
        out.println("per " + perGroup.by());
        for (RatingCounts group : perGroup.groups()) {
            out.println("  " + (group.key().isEmpty() ? "(none)" : group.key()) + "  " + line(group));
            reasons(group, out);
        }
    }

    /** What GET /ratings/low answers. */
    record LowRatings(String from, String to, List<LowRating> ratings) {
    }

    /** One line per 差评: day, number, kiosk, level, what about, reasons, and the note in quotes. */
    static void printLow(LowRatings low, PrintStream out) {
        out.println();
        out.println("差评 to answer: " + low.ratings().size());
        for (LowRating r : low.ratings()) {
            RatingAbout about = r.rating().about();
            String what = switch (about.kind()) {
                case RatingAbout.TICKET -> "ticket " + about.ticket() + " (" + about.queue() + ")";
                case RatingAbout.CASE -> "case " + about.caseNumber();
                default -> "anonymous";
            };
            String reasons = r.rating().reasons().stream().map(RatingReason::chinese).collect(Collectors.joining("、"));
            out.println("  " + r.day() + "  #" + r.ratingId() + "  " + r.kioskId() + "  " + r.rating().level().chinese()
                    + "  " + what + "  " + reasons + (r.rating().note().isEmpty() ? "" : "  “" + r.rating().note() + "”"));
        }
    }

    /** 12 rated, 83.3 % satisfied: 非常满意 6 · 满意 3 · 基本满意 1 · 不满意 1 · 非常不满意 1. */
    private static String line(RatingCounts counts) {
        if (counts.total() == 0) {
            return "none";
        }
        String levels = java.util.Arrays.stream(RatingLevel.values())
                .map(l -> l.chinese() + " " + counts.levels().getOrDefault(l.code(), 0)).collect(Collectors.joining(" · "));
        return counts.total() + " rated, " + String.format(java.util.Locale.ROOT, "%.1f", 100 * counts.satisfactionRate())
                + " % satisfied: " + levels;
    }

    private static void reasons(RatingCounts counts, PrintStream out) {
        Map<String, Integer> given = counts.reasons();
        String said = java.util.Arrays.stream(RatingReason.values()).filter(r -> given.getOrDefault(r.code(), 0) > 0)
                .map(r -> r.chinese() + " " + given.get(r.code())).collect(Collectors.joining(" · "));
        if (!said.isEmpty()) {
            out.println("      reasons: " + said);
        }
    }

    private static int cannot(String problem) {
        System.err.println("ratings: " + problem);
        return CANNOT_ASK;
    }
}
