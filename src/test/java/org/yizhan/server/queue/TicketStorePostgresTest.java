package org.yizhan.server.queue;

import java.sql.SQLException;
import org.yizhan.storage.Database;
import org.junit.jupiter.api.AfterEach;
import org.yizhan.storage.Namespaces;
import org.yizhan.storage.PostgresStore;
import org.yizhan.storage.postgres.TestPostgres;

/** TicketStoreTest's every round trip, on a hall's namespace of a throwaway PostgreSQL. */
class TicketStorePostgresTest extends TicketStoreTest {
    private PostgresStore store;

    @Override
    Database openDatabase() throws SQLException {
        store = TestPostgres.freshStore();
        return store.at(Namespaces.hall("default")).open(QueueSchema.FILE, QueueSchema.SCHEMA, QueueSchema.POSTGRES,
                QueueSchema.PRAGMAS, true);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
