package org.yizhan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which store failures a client may retry (503) and which are the server's own (500). */
class StoreCallsTest {
    private static ErrorAnswer answer(SQLException e) {
        return assertThrows(ErrorAnswer.class, () -> StoreCalls.run("ticket store", () -> {
            throw e;
        }));
    }

    @Test
    void busyAndUnreachableStoresAreRetriableAnswers() {
        assertEquals("busy", answer(new SQLException("[SQLITE_BUSY] The database file is locked")).code());
        assertEquals("busy", answer(new SQLException("could not serialize access", "40001")).code());
        assertEquals("busy", answer(new SQLException("deadlock detected", "40P01")).code());
        assertEquals("busy", answer(new SQLException("could not obtain lock", "55P03")).code());
        assertEquals("store_unavailable", answer(new SQLException("terminating connection", "57P01")).code());
        assertEquals("store_unavailable", answer(new SQLException("Connection refused", "08001")).code());
        assertEquals("store_unavailable", answer(new SQLException("wrapped", null,
                new SQLException("An I/O error occurred", "08006"))).code());
        assertEquals("store_unavailable",
                answer(new SQLTransientConnectionException("yizhan-store - Connection is not available")).code());
        assertEquals(503, answer(new SQLException("x", "08006")).status());
    }

    @Test
    void anyOtherFailureIsTheServers() {
        assertThrows(IllegalStateException.class, () -> StoreCalls.run("ticket store", () -> {
            throw new SQLException("duplicate key value violates unique constraint", "23505");
        }));
    }
}
