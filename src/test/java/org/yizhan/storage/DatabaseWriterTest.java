package org.yizhan.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kept write connection: commits, rolls back, and holds no lock between its transactions. */
class DatabaseWriterTest {
    @TempDir
    Path dir;

    private int count(Database db) throws SQLException {
        return db.inReadTransaction(c -> {
            try (var s = c.createStatement(); var row = s.executeQuery("SELECT COUNT(*) FROM t")) {
                return row.getInt(1);
            }
        });
    }

    @Test
    void commitsRollsBackAndLetsOthersWriteBetween() throws SQLException {
        Database db = Database.open(dir.resolve("w.db"), new Schema("test", List.of("CREATE TABLE t (v INTEGER)")),
                Pragmas.STANDARD.withBusyTimeout(Duration.ofMillis(200)));
        try (Database.Writer writer = db.writer()) {
            writer.inTransaction(c -> {
                Rows.execute(c, "INSERT INTO t VALUES (1)");
                return null;
            });
            assertEquals(1, count(db));
            assertThrows(IllegalStateException.class, () -> writer.inTransaction(c -> {
                Rows.execute(c, "INSERT INTO t VALUES (2)");
                throw new IllegalStateException("no");
            }));
            assertEquals(1, count(db));
            // Another connection can write at once: the writer holds no lock between transactions.
            db.inTransaction(c -> {
                Rows.execute(c, "INSERT INTO t VALUES (3)");
                return null;
            });
            writer.inTransaction(c -> {
                Rows.execute(c, "INSERT INTO t VALUES (4)");
                return null;
            });
            assertEquals(3, count(db));
        }
    }

    @Test
    void writesArrivingTogetherCommitTogetherAndOneThatThrowsIsUndoneAlone() throws Exception {
        Database db = Database.open(dir.resolve("g.db"), new Schema("test", List.of("CREATE TABLE t (v INTEGER)")),
                Pragmas.STANDARD);
        int threads = 8;
        int each = 50;
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        try (Database.Writer writer = db.writer()) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        int v = thread * 1000 + i;
                        boolean fail = i % 10 == 3;
                        try {
                            int seen = writer.inTransaction(c -> {
                                Rows.execute(c, "INSERT INTO t VALUES (" + v + ")");
                                if (fail) {
                                    throw new IllegalStateException("refused " + v);
                                }
                                try (var s = c.createStatement(); var row = s.executeQuery("SELECT COUNT(*) FROM t WHERE v = " + v)) {
                                    return row.getInt(1);
                                }
                            });
                            if (seen != 1) {
                                wrong.incrementAndGet();
                            }
                            // returned: committed, so another connection sees it at once
                            if (db.inReadTransaction(c -> {
                                try (var s = c.createStatement(); var row = s.executeQuery("SELECT COUNT(*) FROM t WHERE v = " + v)) {
                                    return row.getInt(1);
                                }
                            }) != 1) {
                                wrong.incrementAndGet();
                            }
                        } catch (IllegalStateException e) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get();
            }
            pool.shutdown();
        }
        assertEquals(0, wrong.get());
        assertEquals(threads * 5, refused.get());
        assertEquals(threads * (each - 5), count(db), "every write that returned is there, none that threw");
    }
}
