package org.yizhan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench sync, small: its last line with the SQLite baseline, and the baseline copies every row and index. */
class SyncBenchmarkTest {
    @Test
    void aSmallRunPrintsTheFullSyncAndTheSqliteBaseline() throws Exception {
        SyncBenchmark.Result result = SyncBenchmark.run(120);
        assertEquals(120, result.services());
        assertTrue(result.sqliteBulkSeconds() > 0, result.line());
        assertTrue(result.line().matches("sync services=120 full_s=\\d+\\.\\d\\d not_modified_ms=\\d+\\.\\d\\d "
                + "peak_heap_mb=\\d+ bytes=\\d+ sqlite_bulk_s=\\d+\\.\\d\\d ratio=\\d+\\.\\d\\d"), result.line());
    }

    @Test
    void theBaselineLoadsEveryRowAndBuildsTheIndexesAtTheEnd(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("source.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE service (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, name TEXT) STRICT");
            s.execute("CREATE TABLE step (service_id TEXT NOT NULL, position INTEGER NOT NULL, text TEXT, "
                    + "PRIMARY KEY (service_id, position)) STRICT");
            s.execute("CREATE INDEX step_text ON step (text)");
            c.setAutoCommit(false);
            for (int i = 0; i < 5_000; i++) {
                s.execute("INSERT INTO service VALUES ('s" + i + "', " + i + ", '事项" + i + "')");
            }
            s.execute("INSERT INTO step VALUES ('s1', 0, NULL), ('s1', 1, '受理')");
            c.commit();
        }
        Path target = dir.resolve("target.db");
        assertTrue(SqliteBulkBaseline.seconds(source, target) > 0);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target); Statement s = c.createStatement()) {
            assertEquals(5_000, count(s, "SELECT count(*) FROM service"));
            assertEquals(1, count(s, "SELECT count(*) FROM service WHERE name = '事项4999' AND position = 4999"));
            assertEquals(1, count(s, "SELECT count(*) FROM step WHERE text IS NULL"));
            // service: id and position unique; step: its key and step_text.
            assertEquals(2, count(s, "SELECT count(*) FROM pragma_index_list('service') WHERE \"unique\" = 1"));
            assertEquals(2, count(s, "SELECT count(*) FROM pragma_index_list('step')"));
            assertEquals(2, count(s, "SELECT count(*) FROM pragma_index_info((SELECT name FROM pragma_index_list('step') "
                    + "WHERE \"unique\" = 1))"));
        }
        assertTrue(Files.size(target) > 0);
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
