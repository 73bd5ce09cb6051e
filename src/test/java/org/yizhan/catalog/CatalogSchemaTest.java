package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.storage.Database;
import org.yizhan.storage.Pragmas;
import org.yizhan.storage.Schema;

/** The catalog cache's own schema, on the storage helper (whose workings DatabaseTest in storage covers). */
class CatalogSchemaTest {
    @TempDir
    Path dir;

    @Test
    void migratesANewFileToTheLatestSchema() throws Exception {
        CatalogCache cache = CatalogCache.open(dir.resolve("sub/dir/cache.db"));
        assertTrue(Files.exists(dir.resolve("sub/dir/cache.db")), "missing directories are created");
        assertEquals(CatalogSchema.SCHEMA.version(), cache.database().schemaVersion());
        cache.database().inReadTransaction(connection -> {
            for (String table : List.of("catalog_meta", "catalog_source", "theme", "department", "service",
                    "service_theme", "variant", "material", "step")) {
                assertEquals(0, StoreFixture.count(connection, table), table);
            }
            return null;
        });
    }

    @Test
    void reopeningRunsNoMigrationTwice() throws Exception {
        StoreFixture.database(dir);
        assertEquals(CatalogSchema.SCHEMA.version(), StoreFixture.database(dir).schemaVersion());
    }

    @Test
    void aCacheFromBeforeCatalogSourceOpensAndKeepsItsCatalog() throws Exception {
        Path file = dir.resolve("cache.db");
        Schema firstRelease = new Schema("catalog cache", CatalogSchema.SCHEMA.migrations().subList(0, 1));
        Database old = Database.open(file, firstRelease, Pragmas.STANDARD);
        old.inTransaction(connection -> {
            new CatalogMetaStore().put(connection, new CatalogMeta(7, Instant.parse("2026-11-01T08:00:00Z"),
                    "云溪县", false, ""));
            return null;
        });
        assertEquals(1, old.schemaVersion());

        CatalogCache cache = CatalogCache.open(file);
        assertEquals(CatalogSchema.SCHEMA.version(), cache.database().schemaVersion());
        assertEquals(Optional.of(new InstalledCatalog(7, false, Optional.empty())), cache.installed(),
                "no publisher recorded: installed before catalog_source");
    }

    @Test
    void aCacheFromBeforeTranslationsOpensAndReadsItsCatalogWithoutAny() throws Exception {
        Path file = dir.resolve("cache.db");
        Database old = Database.open(file, new Schema("catalog cache", CatalogSchema.SCHEMA.migrations().subList(0, 2)),
                Pragmas.STANDARD);
        old.inTransaction(connection -> {
            new CatalogMetaStore().put(connection, new CatalogMeta(7, Instant.parse("2026-11-01T08:00:00Z"),
                    "云溪县", false, ""));
            return null;
        });
        CatalogCache cache = CatalogCache.open(file);
        assertEquals(3, cache.database().schemaVersion());
        assertEquals(org.yizhan.model.Translations.NONE, cache.load().orElseThrow().translations());
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
        assertEquals("the catalog cache has schema version 99 but this version of Yizhan knows only up to "
                + CatalogSchema.SCHEMA.version() + "; it was written by a newer Yizhan", e.getMessage());
    }

    @Test
    void foreignKeysAreEnforced() throws Exception {
        Database database = StoreFixture.database(dir);
        assertThrows(SQLException.class, () -> database.inTransaction(connection -> {
            new ServiceStore().insertAll(connection, List.of(TestCatalogs.minimal("a", "甲", "nowhere")));
            return null;
        }));
    }
}
