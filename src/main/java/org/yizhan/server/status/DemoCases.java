package org.yizhan.server.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The 云溪县 demo hall's cases, {@code assets/status/demo-cases.jsonl} in the jar. Their times are written for the
 * week of {@link #WRITTEN_FOR} and moved on by whole weeks to the week the store is made in, so the in-progress
 * case is still in progress, the overdue one overdue, and no finished one already past retention, whenever the
 * demo first starts; weekdays stay weekdays.
 */
final class DemoCases {
    static final String RESOURCE = "/assets/status/demo-cases.jsonl";
    static final LocalDate WRITTEN_FOR = LocalDate.of(2026, 11, 30);
    private static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private DemoCases() {
    }

    static List<FeedEntry> entries(Clock clock) {
        String text;
        try (InputStream in = DemoCases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long weeks = Math.floorDiv(ChronoUnit.DAYS.between(WRITTEN_FOR, LocalDate.ofInstant(clock.instant(), HALL_ZONE)), 7);
        List<FeedEntry> entries = FeedFormat.lines(text);
        for (FeedEntry entry : entries) {
            if (entry.node() instanceof ObjectNode node) {
                moveTime(node, "submittedAt", weeks);
                if (node.hasNonNull("promisedBy")) {
                    node.put("promisedBy", LocalDate.parse(node.get("promisedBy").asText()).plusWeeks(weeks).toString());
                }
                for (JsonNode step : node.path("steps")) {
                    moveTime((ObjectNode) step, "at", weeks);
                }
            }
        }
        return entries;
    }

    private static void moveTime(ObjectNode node, String field, long weeks) {
        if (node.hasNonNull(field)) {
            node.put(field, OffsetDateTime.parse(node.get(field).asText()).plusWeeks(weeks).format(TIME));
        }
    }
}
