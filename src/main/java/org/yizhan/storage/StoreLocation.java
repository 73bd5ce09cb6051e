package org.yizhan.storage;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Where one group of the server's stores lives (a hall's, or the county's cases): a directory of SQLite files, or a
 * namespace of the server's PostgreSQL database. A store opens here by its file name and its two schemas, so its
 * service does not care which.
 */
public final class StoreLocation {
    private final Path dir;
    private final PostgresStore postgres;
    private final String namespace;

    private StoreLocation(Path dir, PostgresStore postgres, String namespace) {
        this.dir = dir;
        this.postgres = postgres;
        this.namespace = namespace;
    }

    /** The SQLite files of {@code dir}, as a server with no store option keeps them. */
    public static StoreLocation sqlite(Path dir) {
        return new StoreLocation(Objects.requireNonNull(dir, "dir"), null, null);
    }

    static StoreLocation postgres(PostgresStore postgres, String namespace) {
        return new StoreLocation(null, postgres, Namespaces.check(namespace));
    }

    /**
     * Opens one store: {@code dir/file} with {@code sqlite} and {@code pragmas}, or its tables in the namespace with
     * {@code postgresql} (pragmas are SQLite's; PostgreSQL commits with synchronous_commit as the server is set, on by
     * default). {@code notifies}: a write tells the other servers on the database (see {@link #onOtherWrites}).
     */
    public Database open(String file, Schema sqlite, Schema postgresql, Pragmas pragmas, boolean notifies)
            throws SQLException {
        if (dir != null) {
            return Database.open(dir.resolve(file), sqlite, pragmas);
        }
        return Database.openPostgres(postgres.pool(), namespace, postgresql, notifies);
    }

    /**
     * Runs {@code action} (on the store's listening thread) after another server wrote a notifying store of this
     * place, and once after each reconnect of that thread; a no-op for SQLite, which one server alone writes.
     */
    public AutoCloseable onOtherWrites(Runnable action) {
        if (dir != null) {
            return () -> { };
        }
        return postgres.listen(namespace, action);
    }

    /** Whether the stores are PostgreSQL's. */
    public boolean isPostgres() {
        return dir == null;
    }

    /** For messages: the directory, or {@code postgresql namespace}. */
    public String describe(String file) {
        return dir != null ? dir.resolve(file).toString() : "PostgreSQL " + postgres.describe() + " namespace " + namespace;
    }
}
