package org.yizhan.server.rating;

import org.junit.jupiter.api.AfterEach;
import org.yizhan.storage.Namespaces;
import org.yizhan.storage.StoreLocation;
import org.yizhan.storage.postgres.PostgresTestStore;

/** RatingStoreTest's every round trip, on a hall's namespace of a throwaway PostgreSQL. */
class RatingStorePostgresTest extends RatingStoreTest {
    private final PostgresTestStore postgres = new PostgresTestStore();

    @Override
    StoreLocation location() {
        return postgres.at(Namespaces.hall("default"));
    }

    /** The service or server first, then its database's pool. */
    @Override
    @AfterEach
    void close() {
        super.close();
        postgres.close();
    }
}
