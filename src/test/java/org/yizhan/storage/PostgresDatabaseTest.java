package org.yizhan.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.storage.postgres.TestPostgres;

/** Database on PostgreSQL: migrations, the store's write lock across two "servers", the writer's savepoints. */
class PostgresDatabaseTest {
    private static final Schema V1 = new Schema("test store", List.of(
            "CREATE TABLE t (v INTEGER PRIMARY KEY)"));
    private static final Schema V2 = new Schema("test store", List.of(
            "CREATE TABLE t (v INTEGER PRIMARY KEY)", "ALTER TABLE t ADD COLUMN note TEXT"));
    private final List<PostgresStore> stores = new ArrayList<>();
    private final String url = TestPostgres.freshDatabase();

    /** A "server": a pool of its own on the test's database. */
    private PostgresStore server() throws SQLException {
        PostgresStore store = PostgresStore.connect(url, null);
        stores.add(store);
        return store;
    }

    @AfterEach
    void close() {
        stores.forEach(PostgresStore::close);
    }

    private static int count(Database db, String sql) throws SQLException {
        return db.inReadTransaction(c -> {
            try (var s = c.prepareStatement(sql); var row = s.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    private static Database open(PostgresStore store, Schema schema) throws SQLException {
        return store.at("hall_a").open("t.db", V1, schema, Pragmas.STANDARD, false);
    }

    @Test
    void migratesFromNothingThenOnlyWhatIsNewAndRefusesANewerStore() throws SQLException {
        PostgresStore server = server();
        Database first = open(server, V1);
        assertTrue(first.created());
        assertEquals(1, first.schemaVersion());
        Database again = open(server, V1);
        assertFalse(again.created());
        Database newer = open(server, V2);
        assertEquals(2, newer.schemaVersion());
        newer.inTransaction(c -> {
            Rows.execute(c, "INSERT INTO t (v, note) VALUES (1, 'x')");
            return null;
        });
        SQLException refused = assertThrows(SQLException.class, () -> open(server, V1));
        assertTrue(refused.getMessage().contains("newer Yizhan"), refused.getMessage());
        // Another store in the same namespace keeps a version of its own.
        Database other = server.at("hall_a").open("u.db", V1, new Schema("other store",
                List.of("CREATE TABLE u (v INTEGER)")), Pragmas.STANDARD, false);
        assertEquals(1, other.schemaVersion());
        assertEquals(1, count(newer, "SELECT COUNT(*) FROM t"));
    }

    @Test
    void twoServersOpeningAtOnceMigrateOnce() throws Exception {
        List<PostgresStore> servers = List.of(server(), server(), server());
        CyclicBarrier together = new CyclicBarrier(servers.size());
        ExecutorService pool = Executors.newFixedThreadPool(servers.size());
        try {
            List<Future<Database>> opened = new ArrayList<>();
            for (PostgresStore server : servers) {
                opened.add(pool.submit(() -> {
                    together.await();
                    return open(server, V2);
                }));
            }
            int created = 0;
            for (Future<Database> f : opened) {
                Database db = f.get();
                assertEquals(2, db.schemaVersion());
                created += db.created() ? 1 : 0;
            }
            assertEquals(1, created, "exactly one server built the store");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoServersWritingOneStoreTakeTurnsSoMaxPlusOneNeverRepeats() throws Exception {
        Database a = open(server(), V1);
        Database b = open(server(), V1);
        int threads = 4;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(2 * threads);
        AtomicInteger failures = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Database db : List.of(a, b)) {
                Database.Writer writer = db.writer();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            try {
                                // Half through the writer (group commit, savepoints), half on their own.
                                Database.Work<Void> next = c -> {
                                    Rows.execute(c, "INSERT INTO t SELECT COALESCE(MAX(v), 0) + 1 FROM t");
                                    return null;
                                };
                                if (i % 2 == 0) {
                                    writer.inTransaction(next);
                                } else {
                                    db.inTransaction(next);
                                }
                            } catch (SQLException e) {
                                failures.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, failures.get());
        int n = 2 * threads * each;
        assertEquals(n, count(a, "SELECT COUNT(*) FROM t"));
        assertEquals(n, count(a, "SELECT MAX(v) FROM t"), "no gap");
    }

    @Test
    void aWorkThatFailsInsideTheWritersBatchIsUndoneAloneOnPostgresqlToo() throws Exception {
        Database db = open(server(), V1);
        db.inTransaction(c -> {
            Rows.execute(c, "INSERT INTO t VALUES (1)");
            return null;
        });
        int threads = 8;
        int each = 25;
        AtomicInteger refused = new AtomicInteger();
        try (Database.Writer writer = db.writer()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            AtomicInteger next = new AtomicInteger(100);
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        boolean bad = i % 5 == 0;
                        int v = bad ? 1 : next.getAndIncrement();
                        try {
                            writer.inTransaction(c -> {
                                Rows.execute(c, "INSERT INTO t VALUES (" + v + ")"); // 1 again: a duplicate key
                                return null;
                            });
                        } catch (SQLException e) {
                            assertEquals("23505", e.getSQLState());
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
        assertEquals(threads * each / 5, refused.get());
        assertEquals(1 + threads * each * 4 / 5, count(db, "SELECT COUNT(*) FROM t"));
    }

    @Test
    void twoHallsOnOnePoolKeepTheirOwnRowsUnderTheSameSql() throws SQLException {
        PostgresStore server = server();
        Database a = server.at(Namespaces.hall("a")).open("t.db", V1, V1, Pragmas.STANDARD, false);
        Database b = server.at(Namespaces.hall("b")).open("t.db", V1, V1, Pragmas.STANDARD, false);
        for (int i = 0; i < 8; i++) { // past pgjdbc's prepareThreshold: server-side plans, replanned per search_path
            int v = i;
            a.inTransaction(c -> {
                Rows.execute(c, "INSERT INTO t VALUES (" + v + ")");
                return null;
            });
            assertEquals(v + 1, count(a, "SELECT COUNT(*) FROM t"));
            assertEquals(0, count(b, "SELECT COUNT(*) FROM t"));
        }
        assertEquals("hall_a", Namespaces.hall("A"));
        assertThrows(IllegalArgumentException.class, () -> server.at("x; DROP TABLE t"));
    }

    @Test
    void aBadUrlOrAnUnreachableDatabaseSaysSoInOneLine() {
        assertThrows(IllegalArgumentException.class, () -> PostgresStore.connect("mysql://x/y", null));
        SQLException e = assertThrows(SQLException.class,
                () -> PostgresStore.connect("postgresql://127.0.0.1:1/nothing?user=u", null));
        assertTrue(e.getMessage().startsWith("cannot reach the database postgresql://127.0.0.1:1/nothing"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
