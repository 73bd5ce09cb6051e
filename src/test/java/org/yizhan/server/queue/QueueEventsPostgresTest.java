package org.yizhan.server.queue;

import org.junit.jupiter.api.AfterEach;
import org.yizhan.storage.ServerStore;
import org.yizhan.storage.postgres.PostgresTestStore;

/**
 * QueueEventsTest on a whole hall server whose stores are PostgreSQL's (taking a number and calling it over HTTP,
 * the stream, a restart on the same database): the server end to end on loopback.
 */
class QueueEventsPostgresTest extends QueueEventsTest {
    private final PostgresTestStore postgres = new PostgresTestStore();

    @Override
    ServerStore store() {
        return postgres.store();
    }

    /** The service or server first, then its database's pool. */
    @Override
    @AfterEach
    void stop() {
        super.stop();
        postgres.close();
    }
}
