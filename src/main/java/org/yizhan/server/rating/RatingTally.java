package org.yizhan.server.rating;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.yizhan.rating.RatingCounts;
import org.yizhan.rating.RatingLevel;
import org.yizhan.rating.RatingReason;
import org.yizhan.rating.RatingSummary;

/** Counts kept ratings into a {@link RatingSummary}: per level, the satisfaction rate, the reasons, per group. */
final class RatingTally {
    private RatingTally() {
    }

    static RatingSummary summarize(List<RatingStore.Kept> kept, LocalDate from, LocalDate to, String by) {
        Function<RatingStore.Kept, String> key = switch (by) {
            case RatingSummary.BY_DAY -> k -> k.day().toString();
            case RatingSummary.BY_QUEUE -> k -> Objects.toString(k.rating().about().queue(), "");
            case RatingSummary.BY_SERVICE -> k -> Objects.toString(k.rating().about().serviceId(), "");
            default -> throw new IllegalArgumentException("by must be day, queue or service");
        };
        Map<String, List<RatingStore.Kept>> groups = new TreeMap<>();
        for (RatingStore.Kept k : kept) {
            groups.computeIfAbsent(key.apply(k), g -> new ArrayList<>()).add(k);
        }
        List<RatingCounts> counted = new ArrayList<>();
        groups.forEach((name, ratings) -> counted.add(count(name, ratings)));
        return new RatingSummary(from.toString(), to.toString(), by, count("all", kept), counted);
    }

    static RatingCounts count(String name, List<RatingStore.Kept> ratings) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (RatingLevel level : RatingLevel.values()) {
            levels.put(level.code(), 0);
        }
        Map<String, Integer> reasons = new LinkedHashMap<>();
        for (RatingReason reason : RatingReason.values()) {
            reasons.put(reason.code(), 0);
        }
        int satisfied = 0;
        for (RatingStore.Kept k : ratings) {
            levels.merge(k.rating().level().code(), 1, Integer::sum);
            k.rating().reasons().forEach(r -> reasons.merge(r.code(), 1, Integer::sum));
            satisfied += k.rating().level().low() ? 0 : 1;
        }
        Double rate = ratings.isEmpty() ? null : Math.round(10_000.0 * satisfied / ratings.size()) / 10_000.0;
        return new RatingCounts(name, ratings.size(), levels, rate, reasons);
    }
}
