package org.yizhan.catalog;

import java.util.List;

import org.yizhan.storage.Schema;

/**
 * The catalog cache's tables. Migrations oldest first: {@code SCHEMA.migrations().get(i)} takes
 * {@code user_version} from i to i + 1. Only ever append; a released block never changes.
 */
final class CatalogSchema {
    static final Schema SCHEMA = new Schema("catalog cache", List.of("""
            CREATE TABLE catalog_meta (
                id           INTEGER PRIMARY KEY CHECK (id = 1),
                version      INTEGER NOT NULL,
                generated_at TEXT    NOT NULL,
                title        TEXT    NOT NULL,
                sample       INTEGER NOT NULL,
                notice       TEXT    NOT NULL
            ) STRICT;

            CREATE TABLE theme (
                id       TEXT    PRIMARY KEY,
                position INTEGER NOT NULL UNIQUE,
                code     TEXT    NOT NULL,
                audience TEXT    NOT NULL,
                name     TEXT    NOT NULL
            ) STRICT;

            CREATE TABLE department (
                id       TEXT    PRIMARY KEY,
                position INTEGER NOT NULL UNIQUE,
                name     TEXT    NOT NULL
            ) STRICT;

            -- Small nested values are JSON text in the shape of docs/catalog-format.md.
            CREATE TABLE service (
                id                  TEXT    PRIMARY KEY,
                position            INTEGER NOT NULL UNIQUE,
                code                TEXT    NOT NULL,
                name                TEXT    NOT NULL,
                type                TEXT    NOT NULL,
                department_id       TEXT    NOT NULL REFERENCES department (id),
                level               TEXT    NOT NULL,
                audiences           TEXT    NOT NULL,
                keywords            TEXT    NOT NULL,
                accept_conditions   TEXT    NOT NULL,
                legal_time_limit    TEXT,
                promised_time_limit TEXT,
                fee                 TEXT    NOT NULL,
                location            TEXT    NOT NULL,
                consult_phone       TEXT    NOT NULL,
                complaint_phone     TEXT    NOT NULL,
                legal_basis         TEXT    NOT NULL,
                visits              INTEGER,
                online_apply        INTEGER NOT NULL,
                booking             INTEGER NOT NULL,
                courier_delivery    INTEGER NOT NULL,
                online_url          TEXT    NOT NULL,
                faq                 TEXT    NOT NULL
            ) STRICT;
            CREATE INDEX service_department ON service (department_id);

            CREATE TABLE service_theme (
                service_id TEXT    NOT NULL REFERENCES service (id) ON DELETE CASCADE,
                position   INTEGER NOT NULL,
                theme_id   TEXT    NOT NULL REFERENCES theme (id),
                PRIMARY KEY (service_id, position)
            ) STRICT;
            CREATE INDEX service_theme_theme ON service_theme (theme_id);

            CREATE TABLE variant (
                service_id  TEXT    NOT NULL REFERENCES service (id) ON DELETE CASCADE,
                position    INTEGER NOT NULL,
                name        TEXT    NOT NULL,
                description TEXT    NOT NULL,
                PRIMARY KEY (service_id, position),
                UNIQUE (service_id, name)
            ) STRICT;

            -- variant is NULL for a material needed in every case.
            CREATE TABLE material (
                service_id  TEXT    NOT NULL REFERENCES service (id) ON DELETE CASCADE,
                position    INTEGER NOT NULL,
                name        TEXT    NOT NULL,
                originals   INTEGER NOT NULL CHECK (originals >= 0),
                copies      INTEGER NOT NULL CHECK (copies >= 0),
                form        TEXT    NOT NULL,
                necessity   TEXT    NOT NULL,
                source      TEXT    NOT NULL,
                notes       TEXT    NOT NULL,
                blank_form  INTEGER NOT NULL,
                sample_form INTEGER NOT NULL,
                variant     TEXT,
                PRIMARY KEY (service_id, position),
                FOREIGN KEY (service_id, variant) REFERENCES variant (service_id, name)
            ) STRICT;

            CREATE TABLE step (
                service_id  TEXT    NOT NULL REFERENCES service (id) ON DELETE CASCADE,
                position    INTEGER NOT NULL,
                name        TEXT    NOT NULL,
                actor       TEXT    NOT NULL,
                description TEXT    NOT NULL,
                time_limit  TEXT,
                PRIMARY KEY (service_id, position)
            ) STRICT;
            """, """
            -- Who signed the catalog in this file: the key id of the publisher whose bundle it came from.
            -- No row: installed without a signature (a test, or a file from before this table).
            CREATE TABLE catalog_source (
                id     INTEGER PRIMARY KEY CHECK (id = 1),
                key_id TEXT    NOT NULL
            ) STRICT;
            """, """
            -- The catalog's own translations (docs/catalog-format.md#translations): key as in Translations.key.
            CREATE TABLE translation (
                key      TEXT NOT NULL,
                language TEXT NOT NULL,
                text     TEXT NOT NULL,
                PRIMARY KEY (key, language)
            ) STRICT;
            """));

    private CatalogSchema() {
    }
}
