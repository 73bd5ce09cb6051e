package org.yizhan.server.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The {@code events} table: one row a change of the queues, its public JSON as it goes out on the stream. */
final class EventStore {
    private EventStore() {
    }

    /** Appends an event whose JSON lacks its id (the row's id is the event's, given when it is read). */
    static void append(Connection c, LocalDate date, String dataWithoutId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO events (business_date, data) VALUES (?, ?)")) {
            s.setString(1, date.toString());
            s.setString(2, dataWithoutId);
            s.executeUpdate();
        }
    }

    /** The events of {@code date} after {@code id}, in order. */
    static List<QueueEvent> after(Connection c, LocalDate date, long id) throws SQLException {
        List<QueueEvent> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, data FROM events WHERE business_date = ? AND id > ? ORDER BY id")) {
            s.setString(1, date.toString());
            s.setLong(2, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(QueueEvent.of(r.getLong(1), r.getString(2)));
                }
            }
        }
        return events;
    }

    /**
     * Deletes the events of the days before {@code today} but the newest of all, whose id keeps the next ones
     * above every id a stream was given (a row id starts again above the largest one left); returns how many.
     */
    static int purgeBefore(Connection c, LocalDate today) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM events WHERE business_date < ? AND id < (SELECT max(id) FROM events)")) {
            s.setString(1, today.toString());
            return s.executeUpdate();
        }
    }
}
