package org.yizhan.storage.postgres;

import java.sql.SQLException;
import org.yizhan.storage.PostgresStore;
import org.yizhan.storage.StoreLocation;

/** One test's PostgreSQL: a fresh database, connected on first use (so a reopen in the test finds its tables). */
public final class PostgresTestStore implements AutoCloseable {
    private PostgresStore store;

    public synchronized PostgresStore store() {
        if (store == null) {
            try {
                store = TestPostgres.freshStore();
            } catch (SQLException e) {
                throw new AssertionError("could not connect to the test database: " + e.getMessage(), e);
            }
        }
        return store;
    }

    public StoreLocation at(String namespace) {
        return store().at(namespace);
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
