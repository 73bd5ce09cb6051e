package org.yizhan.server.rating;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yizhan.rating.Rating;
import org.yizhan.rating.RatingAbout;
import org.yizhan.rating.RatingLevel;
import org.yizhan.rating.RatingReason;

/** The {@code ratings} table of {@code DATA/ratings.db}; in the caller's transaction. Rows are added, never changed. */
final class RatingStore {
    private static final String COLUMNS = """
            id, key, kiosk_id, level, reasons, note, about, ticket, queue, case_number, service_id, rated_at, day,
            received_at""";

    /** A rating as kept: under its key, from its kiosk, on its day, taken at {@code receivedAt} by the server's clock. */
    record Kept(long id, String key, String kioskId, Rating rating, LocalDate day, Instant receivedAt) {
    }

    private RatingStore() {
    }

    /** Adds a rating; its id. The key is unique: a second row under it fails. */
    static long insert(Connection c, String key, String kioskId, Rating rating, LocalDate day, Instant receivedAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO ratings (key, kiosk_id, level, reasons, note, about, ticket, queue, case_number, service_id,
                    rated_at, day, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            RatingAbout about = rating.about();
            s.setString(1, key);
            s.setString(2, kioskId);
            s.setString(3, rating.level().code());
            s.setString(4, rating.reasons().stream().map(RatingReason::code).collect(Collectors.joining(",")));
            s.setString(5, rating.note());
            s.setString(6, about.kind());
            s.setString(7, about.ticket());
            s.setString(8, about.queue());
            s.setString(9, about.caseNumber());
            s.setString(10, about.serviceId());
            s.setString(11, rating.ratedAt());
            s.setString(12, day.toString());
            s.setLong(13, receivedAt.toEpochMilli());
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static Optional<Kept> findByKey(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM ratings WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(kept(row)) : Optional.empty();
            }
        }
    }

    /** The ratings made from {@code from} to {@code to}, both days included, in the order they came. */
    static List<Kept> between(Connection c, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM ratings WHERE day BETWEEN ? AND ? ORDER BY id")) {
            s.setString(1, from.toString());
            s.setString(2, to.toString());
            try (ResultSet row = s.executeQuery()) {
                List<Kept> kept = new ArrayList<>();
                while (row.next()) {
                    kept.add(kept(row));
                }
                return kept;
            }
        }
    }

    static int count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM ratings"); ResultSet row = s.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static Kept kept(ResultSet row) throws SQLException {
        try {
            String reasons = row.getString("reasons");
            List<RatingReason> parsed = reasons.isEmpty() ? List.of() : Arrays.stream(reasons.split(","))
                    .map(code -> RatingReason.of(code).orElseThrow(() -> new IllegalArgumentException("reason " + code)))
                    .toList();
            RatingLevel level = RatingLevel.of(row.getString("level"))
                    .orElseThrow(() -> new IllegalArgumentException("level"));
            RatingAbout about = new RatingAbout(row.getString("about"), row.getString("ticket"), row.getString("queue"),
                    row.getString("case_number"), row.getString("service_id"));
            return new Kept(row.getLong("id"), row.getString("key"), row.getString("kiosk_id"),
                    new Rating(level, parsed, row.getString("note"), about, row.getString("rated_at")),
                    LocalDate.parse(row.getString("day")), Instant.ofEpochMilli(row.getLong("received_at")));
        } catch (RuntimeException e) {
            throw new SQLException("a stored rating cannot be read: " + e.getMessage(), e);
        }
    }
}
