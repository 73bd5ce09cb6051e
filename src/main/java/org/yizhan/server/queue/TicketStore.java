package org.yizhan.server.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yizhan.queue.TicketState;
import org.yizhan.storage.Rows;

/**
 * The {@code tickets} table of {@code DATA/tickets.db}. Every method works inside the caller's transaction,
 * so that taking a number (the sweep, the cap, the next sequence and the insert) is one unit of a
 * {@code BEGIN IMMEDIATE} transaction (one savepoint when others are committed with it: Database.Writer).
 */
final class TicketStore {
    private static final String COLUMNS = """
            id, code, business_date, queue, seq, number, priority, state, line_queue, window_id, kiosk, issued_at,
            printed_at, called_at, started_at, finished_at, call_seq, recalls, void_reason""";
    /** Still in a line: printed and never called, or sent on to another queue. */
    private static final String WAITING = "state IN ('printed', 'transferred')";

    static final Rows.Mapper<Ticket> MAPPER = row -> new Ticket(row.getLong("id"), row.getString("code"),
            LocalDate.parse(row.getString("business_date")), row.getString("queue"), row.getInt("seq"),
            row.getString("number"), row.getInt("priority") == 1, TicketState.fromWire(row.getString("state")),
            row.getString("line_queue"), row.getString("window_id"), row.getString("kiosk"),
            instant(row, "issued_at"), instant(row, "printed_at"), instant(row, "called_at"),
            instant(row, "started_at"), instant(row, "finished_at"), longOrNull(row, "call_seq"),
            row.getInt("recalls"), row.getString("void_reason"));

    private TicketStore() {
    }

    /**
     * Where {@code queue}'s numbering stands on {@code date}: its highest number, voided ones included, and how
     * many of them were voided: the cap and the next number in one statement, one round trip under the hall's lock.
     */
    record Numbering(int highest, int voided) {
        /** The next number: one past the highest. */
        int next() {
            return highest + 1;
        }

        /**
         * Numbers that count against the daily cap: all but the voided ones. The numbers run 1..highest without a
         * gap, so this is the highest less the voided, two index look-ups at any size.
         */
        int counted() {
            return highest - voided;
        }
    }

    static Numbering numbering(Connection c, LocalDate date, String queue) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT COALESCE(MAX(seq), 0), (SELECT COUNT(*) FROM tickets
                                               WHERE business_date = ? AND queue = ? AND state = 'voided')
                FROM tickets WHERE business_date = ? AND queue = ?""")) {
            s.setString(1, date.toString());
            s.setString(2, queue);
            s.setString(3, date.toString());
            s.setString(4, queue);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return new Numbering(row.getInt(1), row.getInt(2));
            }
        }
    }

    /** Saves a new ticket; returns it with its id. */
    static Ticket insert(Connection c, Ticket t) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO tickets (" + COLUMNS.replace("id, code", "code")
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            s.setString(1, t.code());
            s.setString(2, t.businessDate().toString());
            s.setString(3, t.queue());
            s.setInt(4, t.seq());
            s.setString(5, t.number());
            s.setInt(6, t.priority() ? 1 : 0);
            bindChanging(s, 7, t);
            s.setString(10, t.kiosk());
            s.setLong(11, t.issuedAt().toEpochMilli());
            bindTimes(s, 12, t);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return t.withId(row.getLong(1));
            }
        }
    }

    /** Writes what a transition changes: state, line, window, times, call order, recalls, void reason. */
    static void update(Connection c, Ticket t) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE tickets SET state = ?, line_queue = ?, window_id = ?, printed_at = ?, called_at = ?,
                    started_at = ?, finished_at = ?, call_seq = ?, recalls = ?, void_reason = ?
                WHERE id = ?""")) {
            bindChanging(s, 1, t);
            bindTimes(s, 4, t);
            s.setLong(11, t.id());
            if (s.executeUpdate() != 1) {
                throw new SQLException("no ticket with id " + t.id());
            }
        }
    }

    static Optional<Ticket> byCode(Connection c, String code) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM tickets WHERE code = ?", code);
    }

    /**
     * Voids every number issued before {@code before} that no kiosk said it printed, in one statement (as on
     * almost every issue, when there is none, one index look-up); returns them as they were, oldest first.
     */
    static List<Ticket> voidUnprinted(Connection c, Instant before) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE tickets SET state = 'voided', void_reason = 'not_printed'
                WHERE state = 'issued' AND issued_at < ?
                RETURNING\s""" + COLUMNS)) {
            s.setLong(1, before.toEpochMilli());
            List<Ticket> voided = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    Ticket t = MAPPER.map(row);
                    // RETURNING gives the rows as they are now; the caller tells of each as it was issued
                    voided.add(new Ticket(t.id(), t.code(), t.businessDate(), t.queue(), t.seq(), t.number(),
                            t.priority(), TicketState.ISSUED, t.lineQueue(), t.window(), t.kiosk(), t.issuedAt(),
                            t.printedAt(), t.calledAt(), t.startedAt(), t.finishedAt(), t.callSeq(), t.recalls(),
                            null));
                }
            }
            voided.sort(java.util.Comparator.comparing(Ticket::issuedAt).thenComparingLong(Ticket::id));
            return voided;
        }
    }

    /** The first in the line of {@code lineQueue} on {@code date}, of the priority lane or of the regular one. */
    static Optional<Ticket> firstWaiting(Connection c, LocalDate date, String lineQueue, boolean priority)
            throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM tickets WHERE business_date = ? AND line_queue = ? AND " + WAITING
                + " AND priority = ? ORDER BY id LIMIT 1", date.toString(), lineQueue, priority ? 1 : 0);
    }

    /** Whether the latest {@code n} calls in {@code lineQueue} on {@code date} were priority tickets, newest first. */
    static List<Boolean> lastCalls(Connection c, LocalDate date, String lineQueue, int n) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT priority FROM tickets WHERE line_queue = ? AND business_date = ? AND call_seq IS NOT NULL
                ORDER BY call_seq DESC LIMIT ?""")) {
            s.setString(1, lineQueue);
            s.setString(2, date.toString());
            s.setInt(3, n);
            List<Boolean> calls = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    calls.add(row.getInt(1) == 1);
                }
            }
            return calls;
        }
    }

    /** The highest call order given so far, 0 before the first call. */
    static long lastCallSeq(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(MAX(call_seq), 0) FROM tickets WHERE call_seq IS NOT NULL");
             ResultSet row = s.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * People ahead of a waiting ticket (docs/protocol.md, "Waiting figures"): for a priority ticket, the priority
     * tickets before it; for a regular one, every ticket before it and the priority tickets after it, which the
     * priority lane lets go first.
     */
    static int ahead(Connection c, Ticket t) throws SQLException {
        // Ranges of the index (the regular ones before it, the priority lane whole) rather than one filter over
        // the whole line, which read every waiting ticket's row for it.
        String line = "SELECT COUNT(*) FROM tickets WHERE business_date = ? AND line_queue = ? AND " + WAITING;
        String sql = t.priority() ? line + " AND priority = 1 AND id < ?"
                : "SELECT (" + line + " AND priority = 0 AND id < ?) + (" + line + " AND priority = 1 AND id <> ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int range = 0; range < (t.priority() ? 1 : 2); range++) {
                s.setString(3 * range + 1, t.businessDate().toString());
                s.setString(3 * range + 2, t.lineQueue());
                s.setLong(3 * range + 3, t.id());
            }
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Per line queue, how many wait on {@code date}. */
    static Map<String, Integer> waitingByQueue(Connection c, LocalDate date) throws SQLException {
        return countBy(c, "SELECT line_queue, COUNT(*) FROM tickets WHERE business_date = ? AND " + WAITING
                + " GROUP BY line_queue", date);
    }

    /** Per issuing queue, the numbers that count against the cap on {@code date}. */
    static Map<String, Integer> countedByQueue(Connection c, LocalDate date) throws SQLException {
        return countBy(c, """
                SELECT queue, MAX(seq) - (SELECT COUNT(*) FROM tickets v
                                          WHERE v.business_date = t.business_date AND v.queue = t.queue
                                            AND v.state = 'voided')
                FROM tickets t WHERE business_date = ? GROUP BY business_date, queue""", date);
    }

    /** How long the latest {@code limit} tickets finished in {@code lineQueue} since {@code since} took, call to done. */
    static List<Long> recentServiceMillis(Connection c, String lineQueue, Instant since, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT finished_at - called_at FROM tickets
                WHERE line_queue = ? AND state = 'done' AND finished_at >= ? AND called_at IS NOT NULL
                ORDER BY finished_at DESC LIMIT ?""")) {
            s.setString(1, lineQueue);
            s.setLong(2, since.toEpochMilli());
            s.setInt(3, limit);
            List<Long> millis = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    millis.add(row.getLong(1));
                }
            }
            return millis;
        }
    }

    /** The ticket a window has called or is serving, if any. */
    static Optional<Ticket> atWindow(Connection c, String window) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM tickets WHERE window_id = ? AND state IN ('called', 'serving')"
                + " ORDER BY call_seq DESC LIMIT 1", window);
    }

    /** The latest {@code limit} tickets called on {@code date}, by the order of their calls, newest first. */
    static List<Ticket> recentCalls(Connection c, LocalDate date, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM tickets WHERE call_seq IS NOT NULL"
                + " AND business_date = ? ORDER BY call_seq DESC LIMIT ?")) {
            s.setString(1, date.toString());
            s.setInt(2, limit);
            List<Ticket> tickets = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    tickets.add(MAPPER.map(row));
                }
            }
            return tickets;
        }
    }

    /** Every ticket of {@code date}, by queue and number. */
    static List<Ticket> ofDay(Connection c, LocalDate date) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM tickets WHERE business_date = ? ORDER BY queue, seq")) {
            s.setString(1, date.toString());
            List<Ticket> tickets = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    tickets.add(MAPPER.map(row));
                }
            }
            return tickets;
        }
    }

    private static Map<String, Integer> countBy(Connection c, String sql, LocalDate date) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, date.toString());
            Map<String, Integer> counts = new HashMap<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), row.getInt(2));
                }
            }
            return counts;
        }
    }

    private static Optional<Ticket> one(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(MAPPER.map(row)) : Optional.empty();
            }
        }
    }

    private static void bindChanging(PreparedStatement s, int first, Ticket t) throws SQLException {
        s.setString(first, t.state().wire());
        s.setString(first + 1, t.lineQueue());
        setNullable(s, first + 2, t.window());
    }

    /** printed, called, started, finished, call order, recalls, void reason. */
    private static void bindTimes(PreparedStatement s, int first, Ticket t) throws SQLException {
        setMillis(s, first, t.printedAt());
        setMillis(s, first + 1, t.calledAt());
        setMillis(s, first + 2, t.startedAt());
        setMillis(s, first + 3, t.finishedAt());
        if (t.callSeq() == null) {
            s.setNull(first + 4, Types.BIGINT);
        } else {
            s.setLong(first + 4, t.callSeq());
        }
        s.setInt(first + 5, t.recalls());
        setNullable(s, first + 6, t.voidReason());
    }

    private static void setNullable(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    private static void setMillis(PreparedStatement s, int index, Instant at) throws SQLException {
        if (at == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, at.toEpochMilli());
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
