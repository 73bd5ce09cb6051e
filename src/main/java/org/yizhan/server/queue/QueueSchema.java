package org.yizhan.server.queue;

import java.time.Duration;
import java.util.List;
import org.yizhan.storage.Pragmas;
import org.yizhan.storage.Schema;

/** {@code DATA/tickets.db}: the tickets, the signed-in windows, the day's events and
 * the kiosks' recorded requests. */
final class QueueSchema {
    static final String FILE = "tickets.db";

    /** A number handed out must survive a power cut: every commit is on the disk before the answer goes. */
    static final Pragmas PRAGMAS = new Pragmas(Pragmas.Journal.WAL, Pragmas.Synchronous.FULL, true,
            Duration.ofSeconds(10), false, 0);

    static final Schema SCHEMA = new Schema("ticket store", List.of("""
            CREATE TABLE tickets (
                id            INTEGER PRIMARY KEY,
                code          TEXT    NOT NULL UNIQUE,
                business_date TEXT    NOT NULL,
                queue         TEXT    NOT NULL,
                seq           INTEGER NOT NULL CHECK (seq >= 1),
                number        TEXT    NOT NULL,
                priority      INTEGER NOT NULL CHECK (priority IN (0, 1)),
                state         TEXT    NOT NULL CHECK (state IN ('issued', 'printed', 'voided', 'called', 'serving',
                                                                'done', 'no_show', 'transferred')),
                line_queue    TEXT    NOT NULL,
                window_id     TEXT,
                kiosk         TEXT    NOT NULL,
                issued_at     INTEGER NOT NULL,
                printed_at    INTEGER,
                called_at     INTEGER,
                started_at    INTEGER,
                finished_at   INTEGER,
                call_seq      INTEGER,
                recalls       INTEGER NOT NULL DEFAULT 0,
                void_reason   TEXT,
                UNIQUE (business_date, queue, seq)
            ) STRICT;
            -- Partial indexes: a row is in one only while it matters to it, so taking a number or confirming
            -- it writes few index pages (every page is a frame in the WAL, written and synced at commit).
            CREATE INDEX tickets_waiting ON tickets (business_date, line_queue, priority)
                WHERE state IN ('printed', 'transferred');
            CREATE INDEX tickets_unprinted ON tickets (issued_at) WHERE state = 'issued';
            CREATE INDEX tickets_voided ON tickets (business_date, queue) WHERE state = 'voided';
            CREATE INDEX tickets_at_window ON tickets (window_id) WHERE state IN ('called', 'serving');
            CREATE INDEX tickets_calls ON tickets (line_queue, call_seq) WHERE call_seq IS NOT NULL;
            CREATE INDEX tickets_call_order ON tickets (call_seq) WHERE call_seq IS NOT NULL;
            CREATE INDEX tickets_done ON tickets (line_queue, finished_at) WHERE state = 'done';
            CREATE TABLE windows (
                window_id    TEXT    PRIMARY KEY,
                queues       TEXT    NOT NULL,
                signed_in_at INTEGER NOT NULL
            ) STRICT;
            """, """
            -- The queue's event stream (GET /queue/events): written in the change's own transaction, so an event
            -- is there exactly when its change is; ids only go up, across restarts, for Last-Event-ID (the purge
            -- keeps the newest row). No AUTOINCREMENT and no index: each would add a page to every commit, and
            -- a day's events are the last rows, read by id.
            CREATE TABLE events (
                id            INTEGER PRIMARY KEY,
                business_date TEXT    NOT NULL,
                data          TEXT    NOT NULL
            ) STRICT;
            """, """
            -- Requests a kiosk sent with an Idempotency-Key (its outbox), recorded in the change's own transaction:
            -- a repeat answers what the first was answered and changes nothing. Kept a week (the sweep purges).
            CREATE TABLE requests (
                key    TEXT    PRIMARY KEY,
                route  TEXT    NOT NULL,
                answer TEXT    NOT NULL,
                at     INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;
            """, """
            -- A window its clerk paused (暂停): calls no one until resumed; null while it works.
            ALTER TABLE windows ADD COLUMN paused_at INTEGER;
            """));

    /**
     * The same tables in a hall's PostgreSQL namespace: BIGINT for millis, identity ids, the same partial indexes and
     * CHECKs. One migration list of its own (no PostgreSQL store was ever built by the SQLite blocks).
     */
    static final Schema POSTGRES = new Schema("ticket store", List.of("""
            CREATE TABLE tickets (
                id            BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                code          TEXT    NOT NULL UNIQUE,
                business_date TEXT    NOT NULL,
                queue         TEXT    NOT NULL,
                seq           INTEGER NOT NULL CHECK (seq >= 1),
                number        TEXT    NOT NULL,
                priority      INTEGER NOT NULL CHECK (priority IN (0, 1)),
                state         TEXT    NOT NULL CHECK (state IN ('issued', 'printed', 'voided', 'called', 'serving',
                                                                'done', 'no_show', 'transferred')),
                line_queue    TEXT    NOT NULL,
                window_id     TEXT,
                kiosk         TEXT    NOT NULL,
                issued_at     BIGINT  NOT NULL,
                printed_at    BIGINT,
                called_at     BIGINT,
                started_at    BIGINT,
                finished_at   BIGINT,
                call_seq      BIGINT,
                recalls       INTEGER NOT NULL DEFAULT 0,
                void_reason   TEXT,
                UNIQUE (business_date, queue, seq)
            );
            CREATE INDEX tickets_waiting ON tickets (business_date, line_queue, priority)
                WHERE state IN ('printed', 'transferred');
            CREATE INDEX tickets_unprinted ON tickets (issued_at) WHERE state = 'issued';
            CREATE INDEX tickets_voided ON tickets (business_date, queue) WHERE state = 'voided';
            CREATE INDEX tickets_at_window ON tickets (window_id) WHERE state IN ('called', 'serving');
            CREATE INDEX tickets_calls ON tickets (line_queue, call_seq) WHERE call_seq IS NOT NULL;
            -- Unique here: the database itself refuses a call order given twice, whichever server gave it.
            CREATE UNIQUE INDEX tickets_call_order ON tickets (call_seq) WHERE call_seq IS NOT NULL;
            CREATE INDEX tickets_done ON tickets (line_queue, finished_at) WHERE state = 'done';
            CREATE TABLE windows (
                window_id    TEXT    PRIMARY KEY,
                queues       TEXT    NOT NULL,
                signed_in_at BIGINT  NOT NULL,
                paused_at    BIGINT
            );
            CREATE TABLE events (
                id            BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                business_date TEXT    NOT NULL,
                data          TEXT    NOT NULL
            );
            CREATE TABLE requests (
                key    TEXT    PRIMARY KEY,
                route  TEXT    NOT NULL,
                answer TEXT    NOT NULL,
                at     BIGINT  NOT NULL
            );
            """));

    private QueueSchema() {
    }
}
