package org.yizhan.storage.postgres;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.yizhan.storage.PostgresStore;

/**
 * The PostgreSQL of a test run: one {@link ThrowawayCluster} for the whole JVM, started by the first test that asks
 * and stopped at exit, and a fresh database for each caller. Without PostgreSQL on the machine the tests are skipped
 * and say why, unless CI=true: CI never skips them (.ci/run installs PostgreSQL).
 */
public final class TestPostgres {
    private static ThrowawayCluster cluster;

    private TestPostgres() {
    }

    /** The cluster, started on first use; skips (or, on CI, fails) the test where there is no PostgreSQL. */
    public static synchronized ThrowawayCluster cluster() {
        if (cluster == null) {
            if (ThrowawayCluster.binaries().isEmpty()) {
                String why = "PostgreSQL tests skipped: no initdb/pg_ctl on the PATH or in /usr/lib/postgresql/*/bin "
                        + "(apt-get install postgresql)";
                if ("true".equals(System.getenv("CI"))) {
                    throw new AssertionError(why.replace("skipped", "cannot run") + "; CI must run them");
                }
                Assumptions.abort(why);
            }
            try {
                cluster = ThrowawayCluster.start();
            } catch (IOException e) {
                throw new AssertionError("could not start a throwaway PostgreSQL: " + e.getMessage(), e);
            }
            ThrowawayCluster started = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "yizhan-pg-stop"));
        }
        return cluster;
    }

    /** The JDBC URL of a new empty database. */
    public static String freshDatabase() {
        try {
            return cluster().createDatabase();
        } catch (SQLException e) {
            throw new AssertionError("could not create a test database: " + e.getMessage(), e);
        }
    }

    /** A server store on a new empty database; the caller closes it. */
    public static PostgresStore freshStore() throws SQLException {
        return PostgresStore.connect(freshDatabase(), null);
    }
}
