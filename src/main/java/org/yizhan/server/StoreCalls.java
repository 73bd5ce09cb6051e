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
            if (String.valueOf(e.getMessage()).contains("SQLITE_BUSY")) {
                LOG.warn("the {} stayed busy: {}", store, e.getMessage());
                throw new ErrorAnswer(503, "busy", "the " + store + " is busy; try again in a moment");
            }
            throw new IllegalStateException("the " + store + " failed: " + e.getMessage(), e);
        }
    }
}
