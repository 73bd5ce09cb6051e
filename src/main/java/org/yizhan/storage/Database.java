package org.yizhan.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteException;

/**
 * One store: an SQLite file (the kiosk's stores, the server's by default) or a namespace of the server's PostgreSQL
 * database ({@link ServerStore}); owns its connections, their {@link Pragmas} and its {@link Schema}. Each
 * unit of work gets its own short-lived connection, so the UI thread and a background job never share
 * one; in WAL mode a reader keeps its snapshot while a writer works.
 */
public final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** One unit of work on a connection that is inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Schema schema;
    private final Engine engine;
    private volatile boolean created;

    private Database(Schema schema, Engine engine) {
        this.schema = schema;
        this.engine = engine;
    }

    /**
     * Loads SQLite's native library on a thread of its own (the driver unpacks it from the jar and loads it: about half
     * a second of a cold start), for a caller with other work to do before its first database: the kiosk reads its
     * command line and configuration meanwhile. A failure here is left for that first open to report.
     */
    public static void loadNativeLibraryAside() {
        Thread loader = new Thread(() -> {
            try {
                org.sqlite.SQLiteJDBCLoader.initialize();
            } catch (Exception e) {
                // the first open says what is wrong
            }
        }, "yizhan-sqlite-load");
        loader.setDaemon(true);
        loader.start();
    }

    /** Opens the store's file, creating it and its directory if needed, and brings its schema up to date. */
    public static Database open(Path file, Schema schema, Pragmas pragmas) throws SQLException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new SQLException("cannot create the directory " + parent + " for the " + schema.name(), e);
        }
        Database database = new Database(schema, new SqliteEngine(file, schema.name(), pragmas, true));
        database.migrate();
        return database;
    }

    /** As {@link #open}, but for a file that must already exist: a missing one is an error, not a new database. */
    public static Database openExisting(Path file, Schema schema, Pragmas pragmas) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException(file + " does not exist");
        }
        Database database = new Database(schema, new SqliteEngine(file, schema.name(), pragmas, false));
        database.migrate();
        return database;
    }

    /**
     * The store {@code schema} in {@code namespace} of the server's PostgreSQL database, on connections of
     * {@code pool}, its schema brought up to date. {@code notifies}: each write transaction tells the other servers
     * (pg_notify on {@code yizhan_events}, the namespace as payload) just before it commits.
     */
    static Database openPostgres(javax.sql.DataSource pool, String namespace, Schema schema, boolean notifies)
            throws SQLException {
        Database database = new Database(schema, new PostgresEngine(pool, namespace, schema.name(), notifies));
        database.migrate();
        return database;
    }

    /** Whether {@code e} says the file's content is broken, rather than the disk or a lock being in the way. */
    public static boolean isCorruption(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                String code = sqlite.getResultCode().name();
                if (code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB")) {
                    return true;
                }
            }
        }
        return false;
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

    /** Whether this open built the store from nothing (its first migration ran here, not in an earlier open). */
    public boolean created() {
        return created;
    }

    /** The schema version recorded in the file ({@code PRAGMA user_version}). */
    public int schemaVersion() throws SQLException {
        return inReadTransaction(engine::version);
    }

    /**
     * Runs {@code work} in a write transaction, committing if it returns and rolling back if it throws.
     * The transaction takes the write lock at its start ({@code BEGIN IMMEDIATE}), so two writers queue
     * up (for up to the busy timeout) instead of failing halfway through.
     */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        return run(true, work);
    }

    /**
     * A write connection kept open, for a store whose writes are many and small (a ticket per citizen): opening
     * a connection costs more than such a write. Its transactions are {@code BEGIN IMMEDIATE} like
     * {@link #inTransaction}'s, and it holds no lock between them. Writes that arrive while one commits are
     * committed together (group commit): each runs inside a savepoint, in the order they came, so one that
     * throws is undone alone; each caller returns only once the transaction holding its work has committed,
     * so a batch costs one sync of the log instead of one per write.
     */
    public Writer writer() {
        return new Writer();
    }

    /** See {@link #writer()}. */
    public final class Writer implements AutoCloseable {
        private final Object lock = new Object();
        private final java.util.ArrayDeque<Pending<?>> waiting = new java.util.ArrayDeque<>();
        private boolean committing;
        private final Engine.WriteSession session = engine.writeSession();
        private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

        private Writer() {
        }

        /** One caller's work and, once its transaction is over, its result or failure. */
        private static final class Pending<T> {
            final Work<T> work;
            boolean done;
            T result;
            Throwable failure;

            Pending(Work<T> work) {
                this.work = work;
            }

            void run(Connection c) {
                try {
                    result = work.run(c);
                } catch (SQLException | RuntimeException | Error e) {
                    failure = e;
                }
            }
        }

        /**
         * As {@link Database#inTransaction}, on the kept connection (opened again if a failure closed it),
         * committed with the other writes waiting at that moment.
         */
        public <T> T inTransaction(Work<T> work) throws SQLException {
            Pending<T> mine = new Pending<>(work);
            boolean interrupted = false;
            synchronized (lock) {
                waiting.add(mine);
            }
            while (true) {
                java.util.List<Pending<?>> batch;
                synchronized (lock) {
                    while (!mine.done && committing) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the work may already be in a batch: wait for its outcome
                        }
                    }
                    if (mine.done) {
                        break;
                    }
                    committing = true; // this caller commits what is waiting, its own work among it
                    batch = new java.util.ArrayList<>(waiting);
                    waiting.clear();
                }
                boolean ran = false;
                try {
                    run(batch); // outside the lock, so that the next writes queue up meanwhile
                    ran = true;
                } finally {
                    synchronized (lock) {
                        for (Pending<?> p : batch) {
                            p.done = true;
                            if (!ran && p.failure == null) {
                                p.failure = new SQLException("the write was not committed: its batch broke off");
                            }
                        }
                        committing = false;
                        lock.notifyAll();
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (mine.failure instanceof SQLException e) {
                throw e;
            }
            if (mine.failure instanceof RuntimeException e) {
                throw e;
            }
            if (mine.failure instanceof Error e) {
                throw e;
            }
            return mine.result;
        }

        /**
         * How many transactions this writer has committed. A caller reading it after its write returned gets a
         * count that includes its own: what readers use to tell whether a read since then can have missed it.
         */
        public long commits() {
            return commits.get();
        }

        private void run(java.util.List<Pending<?>> batch) {
            Connection handed;
            try {
                handed = session.begin();
            } catch (SQLException e) {
                batch.forEach(p -> p.failure = e);
                session.broken();
                return;
            }
            try {
                if (batch.size() == 1) {
                    batch.get(0).run(handed);
                    if (batch.get(0).failure != null) {
                        session.rollback();
                        return;
                    }
                } else {
                    for (Pending<?> p : batch) {
                        // Never released: the commit ends them all, and a RELEASE each was a round trip each
                        // to PostgreSQL under the hall's lock. ROLLBACK TO undoes back to the newest "w" alone.
                        session.execute("SAVEPOINT w");
                        p.run(handed);
                        if (p.failure != null) {
                            // PostgreSQL refuses every statement after an error until this
                            session.execute("ROLLBACK TO SAVEPOINT w");
                        }
                    }
                }
                session.commit();
                commits.incrementAndGet();
            } catch (SQLException e) {
                for (Pending<?> p : batch) {
                    if (p.failure == null) {
                        p.failure = e;
                    } else {
                        p.failure.addSuppressed(e);
                    }
                    p.result = null;
                }
                try {
                    session.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                    session.broken();
                }
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                boolean interrupted = false;
                while (committing) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                session.close();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * A read connection kept open, for one reader that asks often and little (the queue's event stream after each
     * write): opening a connection costs more than such a read. Not for sharing between threads at once.
     */
    public Reader reader() {
        return new Reader();
    }

    /** See {@link #reader()}. */
    public final class Reader implements AutoCloseable {
        private Connection connection;

        private Reader() {
        }

        /** As {@link Database#inReadTransaction}, on the kept connection (opened again if a failure closed it). */
        public synchronized <T> T inReadTransaction(Work<T> work) throws SQLException {
            if (!engine.keepsConnections()) {
                return Database.this.inReadTransaction(work);
            }
            if (connection == null || connection.isClosed()) {
                connection = engine.openRead();
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public synchronized void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.warn("could not close the {} reader: {}", schema.name(), e.toString());
                }
                connection = null;
            }
        }
    }

    /** Runs {@code work} in a read transaction: everything it reads comes from one consistent snapshot. */
    public <T> T inReadTransaction(Work<T> work) throws SQLException {
        return run(false, work);
    }

    private void migrate() throws SQLException {
        int latest = schema.version();
        // Reading first keeps an up-to-date file free of writes, so a full or read-only disk can still show it.
        if (inReadTransaction(engine::version) == latest) {
            return;
        }
        inTransaction(connection -> {
            engine.prepareMigration(connection);
            int current = engine.version(connection);
            created = current == 0;
            if (current > latest) {
                throw new SQLException("the " + schema.name() + " has schema version " + current
                        + " but this version of Yizhan knows only up to " + latest + "; it was written by a newer Yizhan");
            }
            try (Statement statement = connection.createStatement()) {
                for (int version = current; version < latest; version++) {
                    statement.executeUpdate(schema.migrations().get(version));
                    LOG.info("{} schema migrated to version {}", schema.name(), version + 1);
                }
            }
            // The version is part of the transaction, so a crash cannot leave a half-applied migration.
            engine.recordVersion(connection, latest);
            return null;
        });
    }

    private <T> T run(boolean write, Work<T> work) throws SQLException {
        try (Connection connection = write ? engine.openWrite() : engine.openRead()) {
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
}
