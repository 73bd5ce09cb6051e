package org.yizhan.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a {@link Database} needs of the engine under it: connections that begin their transactions as the engine
 * must (SQLite: {@code BEGIN IMMEDIATE} on its file; PostgreSQL: the store's advisory lock in its namespace), the
 * writer's kept session and where the schema version is kept.
 */
interface Engine extends AutoCloseable {
    /** A connection with autocommit off, whose transaction holds the store's write lock once this returns. */
    Connection openWrite() throws SQLException;

    /** A connection with autocommit off, whose transaction reads one snapshot. */
    Connection openRead() throws SQLException;

    /** Whether a kept connection is cheaper than one per transaction (SQLite: opening a file costs a write). */
    boolean keepsConnections();

    /** The writer's session: one transaction after the other, each begun with the write lock. */
    WriteSession writeSession();

    /** The schema version recorded for the store, 0 for a new one; inside a transaction. */
    int version(Connection connection) throws SQLException;

    /** Inside the migration's write transaction, before {@link #version}: makes room for the version, waits for
     * another opener's migration to end. */
    void prepareMigration(Connection connection) throws SQLException;

    void recordVersion(Connection connection, int version) throws SQLException;

    @Override
    void close();

    /** The writer's transactions, one after the other. Used only by its committing thread. */
    interface WriteSession extends AutoCloseable {
        /** Begins a write transaction (the lock taken); returns the connection to hand to the works. */
        Connection begin() throws SQLException;

        /** SAVEPOINT, ROLLBACK TO and RELEASE, inside the transaction begun. */
        void execute(String sql) throws SQLException;

        void commit() throws SQLException;

        void rollback() throws SQLException;

        /** Drops the connection after a failure; the next {@link #begin} opens another. */
        void broken();

        @Override
        void close();
    }
}
