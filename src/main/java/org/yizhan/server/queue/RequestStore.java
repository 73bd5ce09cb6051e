package org.yizhan.server.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code requests} table: what a kiosk's request with an {@code Idempotency-Key} changed was answered, so
 * that the same key again (the answer lost, the kiosk restarted) gets that answer and changes nothing. Written in
 * the change's own transaction: the key is recorded exactly when its change is.
 */
final class RequestStore {
    /** A recorded request: which route it was ({@code printed A7xK…}) and its answer's JSON. */
    record Recorded(String route, String answer) {
    }

    private RequestStore() {
    }

    static Optional<Recorded> find(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT route, answer FROM requests WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(new Recorded(row.getString(1), row.getString(2))) : Optional.empty();
            }
        }
    }

    static void record(Connection c, String key, String route, String answer, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO requests (key, route, answer, at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, key);
            s.setString(2, route);
            s.setString(3, answer);
            s.setLong(4, at.toEpochMilli());
            s.executeUpdate();
        }
    }

    /** Forgets the requests recorded before {@code before}; returns how many. */
    static int purgeBefore(Connection c, Instant before) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM requests WHERE at < ?")) {
            s.setLong(1, before.toEpochMilli());
            return s.executeUpdate();
        }
    }
}
