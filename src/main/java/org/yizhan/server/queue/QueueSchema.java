package org.yizhan.server.queue;

import java.time.Duration;
import java.util.List;
import org.yizhan.storage.Pragmas;
import org.yizhan.storage.Schema;

/** {@code DATA/tickets.db}: the tickets and the signed-in windows. */
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
            CREATE INDEX tickets_line ON tickets (business_date, line_queue, state, priority);
            CREATE INDEX tickets_unprinted ON tickets (state, issued_at);
            CREATE INDEX tickets_window ON tickets (window_id, state);
            CREATE INDEX tickets_calls ON tickets (line_queue, call_seq);
            CREATE INDEX tickets_states ON tickets (business_date, queue, state);
            CREATE INDEX tickets_finished ON tickets (line_queue, state, finished_at);
            CREATE TABLE windows (
                window_id    TEXT    PRIMARY KEY,
                queues       TEXT    NOT NULL,
                signed_in_at INTEGER NOT NULL
            ) STRICT;
            """));

    private QueueSchema() {
    }
}
