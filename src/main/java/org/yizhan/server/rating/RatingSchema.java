package org.yizhan.server.rating;

import java.util.List;
import org.yizhan.storage.Pragmas;
import org.yizhan.storage.Schema;

/**
 * {@code DATA/ratings.db}: every 好差评 the hall's kiosks sent, never edited, each under the {@code Idempotency-Key} it
 * came with (unique: a rating sent again is found, not counted again). {@code day} is the day it was made in the
 * hall's time zone; reasons are the codes joined by commas.
 */
final class RatingSchema {
    static final String FILE = "ratings.db";
    /** A rating the server answered must survive a power cut: the kiosk deleted its copy on that answer. */
    static final Pragmas PRAGMAS = Pragmas.STANDARD;

    static final Schema SCHEMA = new Schema("rating store", List.of("""
            CREATE TABLE ratings (
                id          INTEGER PRIMARY KEY,
                key         TEXT    NOT NULL UNIQUE,
                kiosk_id    TEXT    NOT NULL,
                level       TEXT    NOT NULL,
                reasons     TEXT    NOT NULL,
                note        TEXT    NOT NULL,
                about       TEXT    NOT NULL,
                ticket      TEXT,
                queue       TEXT,
                case_number TEXT,
                service_id  TEXT,
                rated_at    TEXT    NOT NULL,
                day         TEXT    NOT NULL,
                received_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX ratings_day ON ratings (day);
            """));

    /** The same table in the hall's PostgreSQL namespace. */
    static final Schema POSTGRES = new Schema("rating store", List.of("""
            CREATE TABLE ratings (
                id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                key         TEXT    NOT NULL UNIQUE,
                kiosk_id    TEXT    NOT NULL,
                level       TEXT    NOT NULL,
                reasons     TEXT    NOT NULL,
                note        TEXT    NOT NULL,
                about       TEXT    NOT NULL,
                ticket      TEXT,
                queue       TEXT,
                case_number TEXT,
                service_id  TEXT,
                rated_at    TEXT    NOT NULL,
                day         TEXT    NOT NULL,
                received_at BIGINT  NOT NULL
            );
            CREATE INDEX ratings_day ON ratings (day);
            """));

    private RatingSchema() {
    }
}
