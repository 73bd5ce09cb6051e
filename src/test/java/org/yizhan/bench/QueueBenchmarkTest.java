package org.yizhan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.yizhan.storage.PostgresStore;
import org.yizhan.storage.postgres.TestPostgres;

/** bench queue, small: its last line, and its checks count from the store (zero here, where nothing is lost). */
class QueueBenchmarkTest {
    @Test
    void aSmallRunChecksTheStoreAndPrintsItsLine() throws Exception {
        QueueBenchmark.Result result = QueueBenchmark.run(2, 40);
        assertEquals(40, result.tickets());
        assertEquals(0, result.duplicates());
        assertEquals(0, result.missing());
        assertTrue(result.line().matches("queue store=sqlite servers=1 tickets=40 clients=2 per_s=\\d+ p99_ms=\\d+\\.\\d duplicates=0 missing=0"),
                result.line());
    }

    @Test
    void twoServersOnOnePostgresDatabaseHandOutEveryNumberOnce() throws Exception {
        try (PostgresStore store = TestPostgres.freshStore()) {
            QueueBenchmark.Result result = QueueBenchmark.run(3, 60, store, "postgres", 2);
            assertEquals(0, result.duplicates());
            assertEquals(0, result.missing());
            assertTrue(result.line().startsWith("queue store=postgres servers=2 tickets=60 clients=3 "), result.line());
        }
    }
}
