package org.yizhan.server.status;

import java.time.Duration;
import java.util.List;
import org.yizhan.storage.Pragmas;
import org.yizhan.storage.Schema;

/**
 * {@code DATA/cases.db}: one row per case. Steps and materials are JSON text, read and written whole with their
 * case. No column holds a full name, a phone number, an ID number or a check value (docs/status.md).
 */
final class CaseSchema {
    static final String FILE = "cases.db";

    /** A pushed case is not sent twice by every case system: a commit is on the disk before the answer goes. */
    static final Pragmas PRAGMAS = new Pragmas(Pragmas.Journal.WAL, Pragmas.Synchronous.FULL, true,
            Duration.ofSeconds(10), false, 0);

    static final Schema SCHEMA = new Schema("case store", List.of("""
            CREATE TABLE cases (
                number           TEXT    PRIMARY KEY,
                service_id       TEXT    NOT NULL,
                service_name     TEXT    NOT NULL,
                department       TEXT    NOT NULL,
                applicant        TEXT    NOT NULL,
                submitted_at     TEXT    NOT NULL,
                promised_by      TEXT,
                steps            TEXT    NOT NULL,
                result           TEXT    CHECK (result IN ('approved', 'refused', 'supplement')),
                result_note      TEXT,
                collect_where    TEXT,
                collect_when     TEXT,
                materials        TEXT    NOT NULL,
                finished         INTEGER NOT NULL CHECK (finished IN (0, 1)),
                finished_at      INTEGER,
                check_kind       TEXT    NOT NULL CHECK (check_kind IN ('phone4', 'id6')),
                check_salt       BLOB    NOT NULL,
                check_iterations INTEGER NOT NULL,
                check_hash       BLOB    NOT NULL,
                last_step_at     INTEGER NOT NULL,
                step_count       INTEGER NOT NULL,
                stored_at        INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX cases_finished ON cases (finished_at) WHERE finished = 1;
            """));

    /** The same table in the county's PostgreSQL namespace. */
    static final Schema POSTGRES = new Schema("case store", List.of("""
            CREATE TABLE cases (
                number           TEXT    PRIMARY KEY,
                service_id       TEXT    NOT NULL,
                service_name     TEXT    NOT NULL,
                department       TEXT    NOT NULL,
                applicant        TEXT    NOT NULL,
                submitted_at     TEXT    NOT NULL,
                promised_by      TEXT,
                steps            TEXT    NOT NULL,
                result           TEXT    CHECK (result IN ('approved', 'refused', 'supplement')),
                result_note      TEXT,
                collect_where    TEXT,
                collect_when     TEXT,
                materials        TEXT    NOT NULL,
                finished         INTEGER NOT NULL CHECK (finished IN (0, 1)),
                finished_at      BIGINT,
                check_kind       TEXT    NOT NULL CHECK (check_kind IN ('phone4', 'id6')),
                check_salt       BYTEA   NOT NULL,
                check_iterations INTEGER NOT NULL,
                check_hash       BYTEA   NOT NULL,
                last_step_at     BIGINT  NOT NULL,
                step_count       INTEGER NOT NULL,
                stored_at        BIGINT  NOT NULL
            );
            CREATE INDEX cases_finished ON cases (finished_at) WHERE finished = 1;
            """));

    private CaseSchema() {
    }
}
