package org.yizhan.server.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code heartbeat_keys} table: the {@code Idempotency-Key} of each heartbeat lately taken, so that one sent
 * again (its answer lost) changes nothing. Written in the heartbeat's own transaction.
 */
final class HeartbeatKeys {
    /** A key taken before: whose heartbeat it was, and when it was taken. */
    record Taken(String kioskId, Instant receivedAt) {
    }

    private HeartbeatKeys() {
    }

    static Optional<Taken> find(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT kiosk_id, received_at FROM heartbeat_keys WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(new Taken(row.getString(1), Instant.ofEpochMilli(row.getLong(2))))
                        : Optional.empty();
            }
        }
    }

    static void record(Connection c, String key, String kioskId, Instant receivedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO heartbeat_keys (key, kiosk_id, received_at) VALUES (?, ?, ?)")) {
            s.setString(1, key);
            s.setString(2, kioskId);
            s.setLong(3, receivedAt.toEpochMilli());
            s.executeUpdate();
        }
    }

    /** Forgets the keys taken before {@code before}; returns how many. */
    static int purgeBefore(Connection c, Instant before) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM heartbeat_keys WHERE received_at < ?")) {
            s.setLong(1, before.toEpochMilli());
            return s.executeUpdate();
        }
    }
}
