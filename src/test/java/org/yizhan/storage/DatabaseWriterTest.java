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
}
