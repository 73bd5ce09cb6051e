package org.yizhan.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.yizhan.storage.postgres.PostgresTestStore;

/**
 * {@link MultiHallTest} with the server's stores in one PostgreSQL database: each hall in a namespace of its own
 * (hall_a, hall_b), the county's cases in one, and every route still keeps one hall's data from another.
 */
class MultiHallPostgresTest extends MultiHallTest {
    private final PostgresTestStore database = new PostgresTestStore();

    @Override
    HallServer startServer() throws IOException {
        return HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data, clock,
                ServerLimits.DEFAULTS, Optional.empty(), database.store());
    }

    @AfterEach
    @Override
    void stop() {
        super.stop();
        database.close();
    }
}
