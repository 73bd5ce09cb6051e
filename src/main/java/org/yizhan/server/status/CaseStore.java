package org.yizhan.server.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.yizhan.json.Json;
import org.yizhan.status.CaseAnswer;
import org.yizhan.status.CaseStep;

/** The {@code cases} table of {@code DATA/cases.db}; every method works inside the caller's transaction. */
final class CaseStore {
    private static final TypeReference<List<CaseStep>> STEPS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** The check of a case, as the lookup needs it, and nothing else. */
    record StoredCheck(String kind, CheckHash.Hashed hashed) {
    }

    private CaseStore() {
    }

    static Optional<StoredCheck> check(Connection c, String number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT check_kind, check_salt, check_iterations, check_hash FROM cases WHERE number = ?")) {
            s.setString(1, number);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(new StoredCheck(row.getString(1),
                        new CheckHash.Hashed(row.getBytes(2), row.getInt(3), row.getBytes(4)))) : Optional.empty();
            }
        }
    }

    static Optional<CaseAnswer> answer(Connection c, String number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT number, service_id, service_name, department, applicant, submitted_at, promised_by, steps,
                    result, result_note, collect_where, collect_when, materials, finished
                FROM cases WHERE number = ?""")) {
            s.setString(1, number);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CaseAnswer(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        read(row.getString(8), STEPS), row.getString(9), row.getString(10), row.getString(11),
                        row.getString(12), read(row.getString(13), STRINGS), row.getInt(14) == 1));
            }
        }
    }

    static Optional<IncomingCase.Progress> progress(Connection c, String number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT last_step_at, step_count FROM cases WHERE number = ?")) {
            s.setString(1, number);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(new IncomingCase.Progress(Instant.ofEpochMilli(row.getLong(1)),
                        row.getInt(2))) : Optional.empty();
            }
        }
    }

    /** Adds the case, or replaces the one with its number. */
    static void put(Connection c, IncomingCase incoming, CheckHash.Hashed hashed, Instant now) throws SQLException {
        CaseAnswer a = incoming.answer();
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO cases (number, service_id, service_name, department, applicant, submitted_at,
                    promised_by, steps, result, result_note, collect_where, collect_when, materials, finished,
                    finished_at, check_kind, check_salt, check_iterations, check_hash, last_step_at, step_count,
                    stored_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (number) DO UPDATE SET service_id = excluded.service_id,
                    service_name = excluded.service_name, department = excluded.department,
                    applicant = excluded.applicant, submitted_at = excluded.submitted_at,
                    promised_by = excluded.promised_by, steps = excluded.steps, result = excluded.result,
                    result_note = excluded.result_note, collect_where = excluded.collect_where,
                    collect_when = excluded.collect_when, materials = excluded.materials, finished = excluded.finished,
                    finished_at = excluded.finished_at, check_kind = excluded.check_kind,
                    check_salt = excluded.check_salt, check_iterations = excluded.check_iterations,
                    check_hash = excluded.check_hash, last_step_at = excluded.last_step_at,
                    step_count = excluded.step_count, stored_at = excluded.stored_at""")) {
            s.setString(1, a.number());
            s.setString(2, a.serviceId());
            s.setString(3, a.serviceName());
            s.setString(4, a.department());
            s.setString(5, a.applicant());
            s.setString(6, a.submittedAt());
            s.setString(7, a.promisedBy());
            s.setString(8, write(a.steps()));
            s.setString(9, a.result());
            s.setString(10, a.resultNote());
            s.setString(11, a.collectWhere());
            s.setString(12, a.collectWhen());
            s.setString(13, write(a.materialsToAdd()));
            s.setInt(14, a.finished() ? 1 : 0);
            if (incoming.finishedAt() == null) {
                s.setNull(15, Types.BIGINT);
            } else {
                s.setLong(15, incoming.finishedAt().toEpochMilli());
            }
            s.setString(16, incoming.checkKind());
            s.setBytes(17, hashed.salt());
            s.setInt(18, hashed.iterations());
            s.setBytes(19, hashed.hash());
            s.setLong(20, incoming.progress().lastStepAt().toEpochMilli());
            s.setInt(21, incoming.progress().stepCount());
            s.setLong(22, now.toEpochMilli());
            s.executeUpdate();
        }
    }

    /** Deletes the finished cases whose last step was before {@code before}; returns how many. */
    static int purgeFinishedBefore(Connection c, Instant before) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM cases WHERE finished = 1 AND finished_at < ?")) {
            s.setLong(1, before.toEpochMilli());
            return s.executeUpdate();
        }
    }

    static boolean delete(Connection c, String number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM cases WHERE number = ?")) {
            s.setString(1, number);
            return s.executeUpdate() == 1;
        }
    }

    static int count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM cases"); ResultSet row = s.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static String write(Object value) throws SQLException {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write a case's " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) throws SQLException {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("a case row holds JSON that cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
