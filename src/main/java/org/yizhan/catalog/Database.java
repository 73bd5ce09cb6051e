package org.yizhan.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The kiosk's SQLite file: owns connections, their pragmas and the schema. Each unit of work gets its
 * own short-lived connection, so the UI thread and a background sync never share one; WAL lets a reader
 * keep its snapshot while a writer replaces the catalog.
 */
public final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;
    private static final int BULK_CACHE_KIB = 64 * 1024;

    /**
     * Schema migrations, oldest first: {@code MIGRATIONS.get(i)} takes {@code user_version} from i to i + 1.
     * Only ever append; a released block never changes.
     */
    static final List<String> MIGRATIONS = List.of("""
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
            """);

    /** One unit of work on a connection that is inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String url;
    private final SQLiteConfig writeConfig;
    private final SQLiteConfig readConfig;

    private final Path file;

    private Database(Path file, boolean bulk) {
        this.file = file.toAbsolutePath();
        this.url = "jdbc:sqlite:" + this.file;
        this.writeConfig = config(SQLiteConfig.TransactionMode.IMMEDIATE);
        this.readConfig = config(SQLiteConfig.TransactionMode.DEFERRED);
        if (bulk) {
            writeConfig.setJournalMode(SQLiteConfig.JournalMode.OFF);
            writeConfig.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
            // Child rows arrive in catalog order, not key order: a large page cache keeps their indexes' pages at hand.
            writeConfig.setCacheSize(-BULK_CACHE_KIB);
            writeConfig.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
            // CatalogStream has checked every reference before a row is written; SQLite need not look again.
            writeConfig.enforceForeignKeys(false);
        }
    }

    /** Opens (creating if needed) the database at {@code file} and brings its schema up to date. */
    public static Database open(Path file) throws SQLException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new SQLException("cannot create the directory " + parent + " for the catalog cache", e);
        }
        Database database = new Database(file, false);
        database.migrate(MIGRATIONS);
        return database;
    }

    /**
     * Opens a catalog file that must already exist: unlike {@link #open}, a missing file is an error, not
     * a new empty database.
     */
    static Database openExisting(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException(file + " does not exist");
        }
        Database database = new Database(file, false);
        database.writeConfig.resetOpenMode(org.sqlite.SQLiteOpenMode.CREATE);
        database.readConfig.resetOpenMode(org.sqlite.SQLiteOpenMode.CREATE);
        database.migrate(MIGRATIONS);
        return database;
    }

    /** Whether {@code e} says the file's content is broken, rather than the disk or a lock being in the way. */
    static boolean isCorruption(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException sqlite) {
                String code = sqlite.getResultCode().name();
                if (code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Creates a new file for one bulk load, without a journal or a sync per write: nobody reads the file
     * until {@link #finishBulkLoad()} has made it durable, and a file that was never finished is thrown
     * away, so what a journal would protect cannot be seen. Writes to it are fast and single-copy.
     */
    static Database createForBulkLoad(Path file) throws SQLException {
        if (Files.exists(file)) {
            throw new SQLException(file + " already exists; a bulk load needs a new file");
        }
        Database database = new Database(file, true);
        database.migrate(MIGRATIONS);
        return database;
    }

    /** Ends a bulk load: switches the file to WAL (as {@link #open} uses it) and forces it to the disk. */
    Database finishBulkLoad() throws SQLException {
        Database normal = new Database(file, false);
        normal.inTransaction(connection -> null);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new SQLException("cannot force " + file + " to the disk", e);
        }
        return normal;
    }

    /** SQLite's own consistency check of the file; "ok" or the first problems it found. */
    public String quickCheck() throws SQLException {
        return inReadTransaction(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("PRAGMA quick_check(3)")) {
                StringBuilder result = new StringBuilder();
                while (row.next()) {
                    result.append(result.isEmpty() ? "" : "; ").append(row.getString(1));
                }
                return result.toString();
            }
        });
    }

    /** The schema version recorded in the file ({@code PRAGMA user_version}). */
    public int schemaVersion() throws SQLException {
        return inReadTransaction(Database::userVersion);
    }

    /**
     * Runs {@code work} in a write transaction, committing if it returns and rolling back if it throws.
     * The transaction takes the write lock at its start ({@code BEGIN IMMEDIATE}), so two writers queue
     * up (for up to the busy timeout) instead of failing halfway through.
     */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        return run(writeConfig, work);
    }

    /** Runs {@code work} in a read transaction: everything it reads comes from one consistent snapshot. */
    public <T> T inReadTransaction(Work<T> work) throws SQLException {
        return run(readConfig, work);
    }

    void migrate(List<String> migrations) throws SQLException {
        // Reading first keeps an up-to-date file free of writes, so a full or read-only disk can still show it.
        if (inReadTransaction(Database::userVersion) == migrations.size()) {
            return;
        }
        inTransaction(connection -> {
            int current = userVersion(connection);
            if (current > migrations.size()) {
                throw new SQLException("the catalog cache has schema version " + current
                        + " but this version of Yizhan knows only up to " + migrations.size()
                        + "; it was written by a newer Yizhan");
            }
            try (Statement statement = connection.createStatement()) {
                for (int version = current; version < migrations.size(); version++) {
                    statement.executeUpdate(migrations.get(version));
                    LOG.info("catalog cache schema migrated to version {}", version + 1);
                }
                // user_version is part of the transaction, so a crash cannot leave a half-applied migration.
                statement.executeUpdate("PRAGMA user_version = " + migrations.size());
            }
            return null;
        });
    }

    private <T> T run(SQLiteConfig config, Work<T> work) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, config.toProperties())) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        }
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            return row.getInt(1);
        }
    }

    private static SQLiteConfig config(SQLiteConfig.TransactionMode transactionMode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(transactionMode);
        return config;
    }
}
