package org.yizhan.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** One SQLite file: {@code BEGIN IMMEDIATE} is the write lock, {@code PRAGMA user_version} the schema version. */
final class SqliteEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteEngine.class);

    private final String url;
    private final String name;
    private final SQLiteConfig writeConfig;
    private final SQLiteConfig readConfig;

    SqliteEngine(Path file, String name, Pragmas pragmas, boolean mayCreate) {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.name = name;
        this.writeConfig = config(pragmas, SQLiteConfig.TransactionMode.IMMEDIATE, mayCreate);
        this.readConfig = config(pragmas, SQLiteConfig.TransactionMode.DEFERRED, mayCreate);
    }

    @Override
    public Connection openWrite() throws SQLException {
        return open(writeConfig);
    }

    @Override
    public Connection openRead() throws SQLException {
        return open(readConfig);
    }

    private Connection open(SQLiteConfig config) throws SQLException {
        Connection connection = DriverManager.getConnection(url, config.toProperties());
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public boolean keepsConnections() {
        return true;
    }

    @Override
    public WriteSession writeSession() {
        return new Session();
    }

    @Override
    public int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            return row.getInt(1);
        }
    }

    @Override
    public void prepareMigration(Connection connection) {
        // BEGIN IMMEDIATE already keeps every other opener of the file out
    }

    @Override
    public void recordVersion(Connection connection, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("PRAGMA user_version = " + version);
        }
    }

    @Override
    public void close() {
    }

    /** A kept connection with its prepared statements, in autocommit with BEGIN and COMMIT sent by hand. */
    private final class Session implements WriteSession {
        private Connection connection;
        private StatementCache statements;

        @Override
        public Connection begin() throws SQLException {
            if (connection == null || connection.isClosed()) {
                // Autocommit, with BEGIN and COMMIT sent here: the driver would otherwise open the next
                // transaction, and take the write lock, as soon as one commits.
                SQLiteConfig config = new SQLiteConfig(writeConfig.toProperties());
                config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
                connection = DriverManager.getConnection(url, config.toProperties());
                statements = new StatementCache(connection);
            }
            execute("BEGIN IMMEDIATE");
            return statements.connection();
        }

        /** BEGIN, SAVEPOINT, ROLLBACK TO, COMMIT: prepared once, like the work's statements (each batch runs several). */
        @Override
        public void execute(String sql) throws SQLException {
            try (java.sql.PreparedStatement statement = statements.connection().prepareStatement(sql)) {
                statement.execute();
            }
        }

        @Override
        public void commit() throws SQLException {
            execute("COMMIT");
        }

        @Override
        public void rollback() throws SQLException {
            execute("ROLLBACK");
        }

        @Override
        public void broken() {
            close();
        }

        @Override
        public void close() {
            if (connection != null) {
                statements.close();
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.warn("could not close the {} writer: {}", name, e.toString());
                }
                connection = null;
                statements = null;
            }
        }
    }

    private static SQLiteConfig config(Pragmas pragmas, SQLiteConfig.TransactionMode transactionMode, boolean mayCreate) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.valueOf(pragmas.journal().name()));
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(pragmas.synchronous().name()));
        config.enforceForeignKeys(pragmas.foreignKeys());
        config.setBusyTimeout(Math.toIntExact(pragmas.busyTimeout().toMillis()));
        if (pragmas.exclusiveLock()) {
            config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
        }
        if (pragmas.cacheKib() > 0) {
            config.setCacheSize(-pragmas.cacheKib());
        }
        config.setTransactionMode(transactionMode);
        if (!mayCreate) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        return config;
    }
}
