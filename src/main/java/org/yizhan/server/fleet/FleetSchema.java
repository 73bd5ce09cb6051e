package org.yizhan.server.fleet;

import java.time.Duration;
import java.util.List;
import org.yizhan.storage.Pragmas;
import org.yizhan.storage.Schema;

/** {@code DATA/fleet.db}: the latest heartbeat of each kiosk, and the keys of the heartbeats lately taken. */
final class FleetSchema {
    static final String FILE = "fleet.db";

    /** A heartbeat lost to a power cut is replaced a minute later: no need to wait for the disk on each one. */
    static final Pragmas PRAGMAS = new Pragmas(Pragmas.Journal.WAL, Pragmas.Synchronous.NORMAL, true,
            Duration.ofSeconds(5), false, 0);

    static final Schema SCHEMA = new Schema("fleet store", List.of("""
            CREATE TABLE kiosks (
                kiosk_id    TEXT    PRIMARY KEY,
                hall_id     TEXT    NOT NULL,
                heartbeat   TEXT    NOT NULL,
                received_at INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX kiosks_received ON kiosks (received_at);
            CREATE TABLE heartbeat_keys (
                key         TEXT    PRIMARY KEY,
                kiosk_id    TEXT    NOT NULL,
                received_at INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX heartbeat_keys_received ON heartbeat_keys (received_at);
            """));

    /** The same tables in the hall's PostgreSQL namespace. */
    static final Schema POSTGRES = new Schema("fleet store", List.of("""
            CREATE TABLE kiosks (
                kiosk_id    TEXT    PRIMARY KEY,
                hall_id     TEXT    NOT NULL,
                heartbeat   TEXT    NOT NULL,
                received_at BIGINT  NOT NULL
            );
            CREATE INDEX kiosks_received ON kiosks (received_at);
            CREATE TABLE heartbeat_keys (
                key         TEXT    PRIMARY KEY,
                kiosk_id    TEXT    NOT NULL,
                received_at BIGINT  NOT NULL
            );
            CREATE INDEX heartbeat_keys_received ON heartbeat_keys (received_at);
            """));

    private FleetSchema() {
    }
}
