package org.yizhan.rating;

import java.util.List;

/**
 * {@code GET /ratings/summary}: the ratings made from {@code from} to {@code to} (days in the hall's time zone,
 * both included), all of them and per {@code by} (day, queue or service), as the hall server counts them.
 */
public record RatingSummary(String from, String to, String by, RatingCounts all, List<RatingCounts> groups) {
    public static final String BY_DAY = "day";
    public static final String BY_QUEUE = "queue";
    public static final String BY_SERVICE = "service";
}
