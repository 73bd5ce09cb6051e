package org.yizhan.server.status;

import org.junit.jupiter.api.AfterEach;
import org.yizhan.storage.Namespaces;
import org.yizhan.storage.StoreLocation;
import org.yizhan.storage.postgres.PostgresTestStore;

/** CaseStoreTest's every round trip, on the county namespace of a throwaway PostgreSQL. */
class CaseStorePostgresTest extends CaseStoreTest {
    private final PostgresTestStore postgres = new PostgresTestStore();

    @Override
    StoreLocation location() {
        return postgres.at(Namespaces.COUNTY);
    }

    @AfterEach
    void closePostgres() {
        postgres.close();
    }
}
