package org.yizhan.storage;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One store in one namespace (a PostgreSQL schema) of the server's database, on connections from the server's pool.
 * A write transaction's first statement takes the store's advisory lock ({@code pg_advisory_xact_lock}), held to
 * its end: two servers write a store one after the other, as two processes write an SQLite file under
 * {@code BEGIN IMMEDIATE} (docs/queues.md, "PostgreSQL"). Writes run in READ COMMITTED so each statement after the
 * lock sees what the previous holder committed (in REPEATABLE READ the snapshot would be taken by the lock's own
 * statement, before the wait); reads in REPEATABLE READ READ ONLY, one snapshot.
 */
final class PostgresEngine implements Engine {
    /** The channel a write that may have added queue events notifies; the payload is the namespace. */
    static final String EVENTS_CHANNEL = "yizhan_events";
    /** Taken by every migration besides its store's lock: stores of one namespace share its version table. */
    private static final long MIGRATION_LOCK = key("yizhan/migrations");

    private final DataSource pool;
    private final String namespace;
    private final String store;
    private final String writePrelude;
    private final String readPrelude;

    PostgresEngine(DataSource pool, String namespace, String store, boolean notifies) {
        this.pool = pool;
        this.namespace = Namespaces.check(namespace);
        this.store = store;
        // The notice is queued here and sent by the commit only (a rollback drops it): one round trip fewer than
        // a statement of its own before the commit.
        this.writePrelude = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; SET LOCAL search_path TO " + namespace
                + "; SELECT pg_advisory_xact_lock(" + key(namespace + "/" + store) + ")"
                + (notifies ? "; SELECT pg_notify('" + EVENTS_CHANNEL + "', '" + namespace + "')" : "");
        this.readPrelude = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL search_path TO "
                + namespace;
    }

    /** A stable 64-bit key for an advisory lock (FNV-1a of the text). */
    static long key(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    @Override
    public Connection openWrite() throws SQLException {
        return open(writePrelude);
    }

    @Override
    public Connection openRead() throws SQLException {
        return open(readPrelude);
    }

    private Connection open(String prelude) throws SQLException {
        Connection connection = pool.getConnection();
        try {
            connection.setAutoCommit(false);
            execute(connection, prelude);
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            connection.close();
            throw e;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public boolean keepsConnections() {
        return false; // the pool keeps them, for every store of every hall of the server
    }

    @Override
    public WriteSession writeSession() {
        return new Session();
    }

    @Override
    public int version(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT to_regclass(quote_ident(?) || '.schema_versions') IS NOT NULL")) {
            s.setString(1, namespace);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    return 0;
                }
            }
        }
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT version FROM " + namespace + ".schema_versions WHERE store = ?")) {
            s.setString(1, store);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    @Override
    public void prepareMigration(Connection connection) throws SQLException {
        execute(connection, "SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + "); CREATE SCHEMA IF NOT EXISTS "
                + namespace + "; CREATE TABLE IF NOT EXISTS " + namespace
                + ".schema_versions (store TEXT PRIMARY KEY, version INTEGER NOT NULL)");
    }

    @Override
    public void recordVersion(Connection connection, int version) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO " + namespace
                + ".schema_versions (store, version) VALUES (?, ?) ON CONFLICT (store) DO UPDATE SET version = excluded.version")) {
            s.setString(1, store);
            s.setInt(2, version);
            s.executeUpdate();
        }
    }

    @Override
    public void close() {
        // the pool is the server's: it closes it
    }

    /** A pooled connection per transaction: PostgreSQL keeps the prepared statements of each (prepareThreshold). */
    private final class Session implements WriteSession {
        private Connection connection;

        @Override
        public Connection begin() throws SQLException {
            connection = openWrite();
            return connection;
        }

        @Override
        public void execute(String sql) throws SQLException {
            PostgresEngine.execute(connection, sql);
        }

        @Override
        public void commit() throws SQLException {
            try {
                connection.commit();
            } finally {
                release();
            }
        }

        @Override
        public void rollback() throws SQLException {
            try {
                connection.rollback();
            } finally {
                release();
            }
        }

        @Override
        public void broken() {
            release();
        }

        private void release() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // back to the pool, which drops a broken one
                }
                connection = null;
            }
        }

        @Override
        public void close() {
            release();
        }
    }
}
