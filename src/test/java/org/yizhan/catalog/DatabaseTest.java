package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.model.Department;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void connectionsUseWalForeignKeysAndABusyTimeout() throws Exception {
        Database database = StoreFixture.database(dir);
        database.inReadTransaction(connection -> {
            assertEquals("wal", pragma(connection, "journal_mode"));
            assertEquals("1", pragma(connection, "foreign_keys"));
            assertEquals("5000", pragma(connection, "busy_timeout"));
            return null;
        });
    }

    @Test
    void migratesANewFileToTheLatestSchema() throws Exception {
        Database database = Database.open(dir.resolve("sub/dir/cache.db"));
        assertTrue(Files.exists(dir.resolve("sub/dir/cache.db")), "missing directories are created");
        assertEquals(Database.MIGRATIONS.size(), database.schemaVersion());
        database.inReadTransaction(connection -> {
            for (String table : List.of("catalog_meta", "theme", "department", "service", "service_theme",
                    "variant", "material", "step")) {
                assertEquals(0, StoreFixture.count(connection, table), table);
            }
            return null;
        });
    }

    @Test
    void reopeningRunsNoMigrationTwice() throws Exception {
        StoreFixture.database(dir);
        assertEquals(Database.MIGRATIONS.size(), StoreFixture.database(dir).schemaVersion());
    }

    @Test
    void appliesOnlyTheMigrationsAFileHasNotSeen() throws Exception {
        Database database = StoreFixture.database(dir);
        List<String> next = new ArrayList<>(Database.MIGRATIONS);
        next.add("""
                CREATE TABLE hall (id TEXT PRIMARY KEY) STRICT;
                INSERT INTO hall (id) VALUES ('云溪');
                """);
        database.migrate(next);
        assertEquals(next.size(), database.schemaVersion());
        database.inReadTransaction(connection -> {
            assertEquals(1, StoreFixture.count(connection, "hall"));
            return null;
        });
    }

    @Test
    void aFailingMigrationChangesNothing() throws Exception {
        Database database = StoreFixture.database(dir);
        List<String> next = new ArrayList<>(Database.MIGRATIONS);
        next.add("""
                CREATE TABLE hall (id TEXT PRIMARY KEY) STRICT;
                CREATE TABLE broken (;
                """);
        assertThrows(SQLException.class, () -> database.migrate(next));
        assertEquals(Database.MIGRATIONS.size(), database.schemaVersion());
        database.inReadTransaction(connection -> {
            assertThrows(SQLException.class, () -> StoreFixture.count(connection, "hall"));
            return null;
        });
    }

    @Test
    void refusesAFileWrittenByANewerVersion() throws Exception {
        StoreFixture.database(dir).inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("PRAGMA user_version = 99");
            }
            return null;
        });
        SQLException e = assertThrows(SQLException.class, () -> StoreFixture.database(dir));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
    }

    @Test
    void inTransactionCommitsAndReturnsTheResult() throws Exception {
        Database database = StoreFixture.database(dir);
        String result = database.inTransaction(connection -> {
            new DepartmentStore().insertAll(connection, List.of(new Department("gaj", "公安局")));
            return "done";
        });
        assertEquals("done", result);
        assertEquals(List.of(new Department("gaj", "公安局")),
                database.inReadTransaction(new DepartmentStore()::readAll));
    }

    @Test
    void inTransactionRollsBackWhenTheWorkFails() throws Exception {
        Database database = StoreFixture.database(dir);
        assertThrows(IllegalStateException.class, () -> database.inTransaction(connection -> {
            new DepartmentStore().insertAll(connection, List.of(new Department("gaj", "公安局")));
            throw new IllegalStateException("power cut");
        }));
        assertEquals(List.of(), database.inReadTransaction(new DepartmentStore()::readAll));
    }

    @Test
    void foreignKeysAreEnforced() throws Exception {
        Database database = StoreFixture.database(dir);
        assertThrows(SQLException.class, () -> database.inTransaction(connection -> {
            new ServiceStore().insertAll(connection, List.of(TestCatalogs.minimal("a", "甲", "nowhere")));
            return null;
        }));
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             var row = statement.executeQuery("PRAGMA " + name)) {
            return row.getString(1);
        }
    }
}
