package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.storage.Database;

class BulkLoadTest {
    @TempDir
    Path dir;

    @Test
    void needsANewFile() throws Exception {
        Path file = Files.writeString(dir.resolve("catalog.db"), "");
        SQLException e = assertThrows(SQLException.class, () -> BulkLoad.create(file));
        assertEquals(file + " already exists; a bulk load needs a new file", e.getMessage());
    }

    @Test
    void loadsWithoutAJournalThenFinishesAsAnOrdinaryCacheFile() throws Exception {
        Path file = dir.resolve("catalog.db");
        Database database = BulkLoad.create(file);
        database.inTransaction(connection -> {
            assertEquals("off", pragma(connection, "journal_mode"));
            assertEquals("0", pragma(connection, "synchronous"));
            assertEquals("0", pragma(connection, "foreign_keys"));
            assertEquals("exclusive", pragma(connection, "locking_mode"));
            return null;
        });
        new CatalogCache(database).replace(TestCatalogs.rich(4));

        BulkLoad.finish(file);
        CatalogCache cache = CatalogCache.openExisting(file);
        assertEquals("wal", cache.database().inReadTransaction(connection -> pragma(connection, "journal_mode")));
        assertEquals("ok", cache.database().quickCheck());
        assertEquals(Optional.of(TestCatalogs.rich(4)), cache.load());
        assertFalse(Files.exists(dir.resolve("catalog.db-journal")));
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             var row = statement.executeQuery("PRAGMA " + name)) {
            return row.getString(1);
        }
    }
}
