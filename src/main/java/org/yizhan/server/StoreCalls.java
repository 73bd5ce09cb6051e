package org.yizhan.server;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A route's call into its store: a store that stays busy is a 503 the client may retry, another failure a 500. */
public final class StoreCalls {
    private static final Logger LOG = LoggerFactory.getLogger(StoreCalls.class);

    /** One call into a store. */
    @FunctionalInterface
    public interface StoreCall<T> {
        T run() throws SQLException;
    }

    private StoreCalls() {
    }

    /**
     * Runs {@code work} against the store named {@code store} (the ticket store, the case store). SQLite's
     * own messages carry no values, so they may be logged and passed on.
     */
    public static <T> T run(String store, StoreCall<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            if (busy(e)) {
                LOG.warn("the {} stayed busy: {}", store, e.getMessage());
                throw new ErrorAnswer(503, "busy", "the " + store + " is busy; try again in a moment");
            }
            if (unavailable(e)) {
                LOG.warn("the {} is out of reach: {}", store, e.getMessage());
                throw new ErrorAnswer(503, "store_unavailable", "the " + store + " cannot be reached; try again in a moment");
            }
            throw new IllegalStateException("the " + store + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * SQLite's lock held past the busy timeout; PostgreSQL's serialization failure (40001), deadlock (40P01) or lock
     * not available (55P03): the same request again later may well succeed.
     */
    static boolean busy(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = String.valueOf(sql.getSQLState());
                if (String.valueOf(sql.getMessage()).contains("SQLITE_BUSY") || state.equals("40001")
                        || state.equals("40P01") || state.equals("55P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * PostgreSQL shut down under the connection (57P01 and the other 57P0x), a connection lost or refused (08xxx),
     * or no pooled connection free in time (HikariCP's 08 state): the other server, or this one a moment later.
     */
    static boolean unavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = String.valueOf(sql.getSQLState());
                if (state.startsWith("08") || state.startsWith("57P") || sql instanceof java.sql.SQLTransientConnectionException) {
                    return true;
                }
            }
        }
        return false;
    }
}
