package org.yizhan.server.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.yizhan.storage.Rows;

/** The {@code windows} table of {@code DATA/tickets.db}: who is signed in to serve what. Inside the caller's transaction. */
final class WindowStore {
    private static final Rows.Mapper<CounterWindow> MAPPER = row -> new CounterWindow(row.getString("window_id"),
            Arrays.asList(row.getString("queues").split(",")), Instant.ofEpochMilli(row.getLong("signed_in_at")),
            pausedAt(row));

    private static Instant pausedAt(ResultSet row) throws SQLException {
        long millis = row.getLong("paused_at");
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private WindowStore() {
    }

    /** Signs {@code window} in, or changes the queues of one signed in already (keeping when it signed in). */
    static void signIn(Connection c, CounterWindow window) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO windows (window_id, queues, signed_in_at) VALUES (?, ?, ?)
                ON CONFLICT (window_id) DO UPDATE SET queues = excluded.queues""")) {
            s.setString(1, window.id());
            s.setString(2, String.join(",", window.queues()));
            s.setLong(3, window.signedInAt().toEpochMilli());
            s.executeUpdate();
        }
    }

    /** Pauses {@code window} at {@code at}, or (null) resumes it; whether it is signed in. */
    static boolean pause(Connection c, String window, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE windows SET paused_at = ? WHERE window_id = ?")) {
            if (at == null) {
                s.setNull(1, java.sql.Types.BIGINT);
            } else {
                s.setLong(1, at.toEpochMilli());
            }
            s.setString(2, window);
            return s.executeUpdate() == 1;
        }
    }

    /** @return whether it was signed in */
    static boolean signOut(Connection c, String window) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM windows WHERE window_id = ?")) {
            s.setString(1, window);
            return s.executeUpdate() == 1;
        }
    }

    static Optional<CounterWindow> find(Connection c, String window) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM windows WHERE window_id = ?")) {
            s.setString(1, window);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(MAPPER.map(row)) : Optional.empty();
            }
        }
    }

    /** Every signed-in window, in the order of their ids. */
    static List<CounterWindow> all(Connection c) throws SQLException {
        return Rows.readAll(c, "SELECT * FROM windows ORDER BY window_id", MAPPER);
    }
}
