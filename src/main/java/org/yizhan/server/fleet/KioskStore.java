package org.yizhan.server.fleet;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yizhan.fleet.Heartbeat;
import org.yizhan.json.Json;

/** The {@code kiosks} table of {@code DATA/fleet.db}: one row per kiosk, its latest heartbeat; in the caller's transaction. */
final class KioskStore {
    /** A kiosk's latest heartbeat and when the server took it, by the server's clock. */
    record Seen(Heartbeat heartbeat, Instant receivedAt) {
    }

    private KioskStore() {
    }

    /** Adds the kiosk or replaces its heartbeat. */
    static void put(Connection c, Heartbeat heartbeat, Instant receivedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO kiosks (kiosk_id, hall_id, heartbeat, received_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (kiosk_id) DO UPDATE SET hall_id = excluded.hall_id, heartbeat = excluded.heartbeat,
                    received_at = excluded.received_at""")) {
            s.setString(1, heartbeat.kioskId());
            s.setString(2, heartbeat.hallId());
            s.setString(3, heartbeat.json());
            s.setLong(4, receivedAt.toEpochMilli());
            s.executeUpdate();
        }
    }

    static Optional<Seen> find(Connection c, String kioskId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT heartbeat, received_at FROM kiosks WHERE kiosk_id = ?")) {
            s.setString(1, kioskId);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(seen(row)) : Optional.empty();
            }
        }
    }

    /** Every kiosk, by id. */
    static List<Seen> all(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT heartbeat, received_at FROM kiosks ORDER BY kiosk_id");
             ResultSet row = s.executeQuery()) {
            List<Seen> kiosks = new ArrayList<>();
            while (row.next()) {
                kiosks.add(seen(row));
            }
            return kiosks;
        }
    }

    static int count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM kiosks"); ResultSet row = s.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Forgets a kiosk (one taken out of service); whether it was there. */
    static boolean delete(Connection c, String kioskId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM kiosks WHERE kiosk_id = ?")) {
            s.setString(1, kioskId);
            return s.executeUpdate() > 0;
        }
    }

    private static Seen seen(ResultSet row) throws SQLException {
        try {
            return new Seen(Json.readMessage(row.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Heartbeat.class), Instant.ofEpochMilli(row.getLong(2)));
        } catch (IOException e) {
            throw new SQLException("a stored heartbeat cannot be read: " + e.getMessage(), e);
        }
    }
}
