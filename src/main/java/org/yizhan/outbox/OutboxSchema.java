package org.yizhan.outbox;

import java.time.Duration;
import java.util.List;
import org.yizhan.storage.Pragmas;
import org.yizhan.storage.Schema;

/** {@code data.dir/outbox.db}: what the kiosk must still tell its hall server. */
final class OutboxSchema {
    static final String FILE = "outbox.db";

    /** A message is on the disk before its act is shown as done: a printed number must survive a power cut. */
    static final Pragmas PRAGMAS = new Pragmas(Pragmas.Journal.WAL, Pragmas.Synchronous.FULL, true,
            Duration.ofSeconds(5), false, 0);

    static final Schema SCHEMA = new Schema("outbox", List.of("""
            CREATE TABLE messages (
                id          INTEGER PRIMARY KEY,
                key         TEXT    NOT NULL UNIQUE,
                kind        TEXT    NOT NULL,
                path        TEXT    NOT NULL,
                body        TEXT    NOT NULL,
                droppable   INTEGER NOT NULL CHECK (droppable IN (0, 1)),
                created_at  INTEGER NOT NULL,
                attempts    INTEGER NOT NULL DEFAULT 0,
                next_try_at INTEGER NOT NULL,
                last_error  TEXT,
                held        INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
                refused     TEXT
            ) STRICT;
            -- The head of each kind's line: its oldest message not kept aside.
            CREATE INDEX messages_line ON messages (kind, id) WHERE refused IS NULL;
            """));

    private OutboxSchema() {
    }
}
