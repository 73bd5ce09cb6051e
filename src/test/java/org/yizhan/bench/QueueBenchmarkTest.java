package org.yizhan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** bench queue, small: its last line, and its checks count from the store (zero here, where nothing is lost). */
class QueueBenchmarkTest {
    @Test
    void aSmallRunChecksTheStoreAndPrintsItsLine() throws Exception {
        QueueBenchmark.Result result = QueueBenchmark.run(2, 40);
        assertEquals(40, result.tickets());
        assertEquals(0, result.duplicates());
        assertEquals(0, result.missing());
        assertTrue(result.line().matches("queue tickets=40 clients=2 per_s=\\d+ p99_ms=\\d+\\.\\d duplicates=0 missing=0"),
                result.line());
    }
}
