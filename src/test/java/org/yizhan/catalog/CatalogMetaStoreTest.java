package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.yizhan.storage.Database;

class CatalogMetaStoreTest {
    private final CatalogMetaStore store = new CatalogMetaStore();
    private Database database;

    @BeforeEach
    void open(@TempDir Path dir) throws Exception {
        database = StoreFixture.database(dir);
    }

    @Test
    void anEmptyTableHasNoMetaAndNoVersion() throws Exception {
        assertEquals(Optional.empty(), database.inReadTransaction(store::get));
        assertEquals(OptionalLong.empty(), database.inReadTransaction(store::version));
    }

    @Test
    void putThenGetGivesItBack() throws Exception {
        CatalogMeta meta = new CatalogMeta(42, Instant.parse("2026-11-01T08:00:00.123456789Z"),
                TestCatalogs.LONG_TEXT, true, "通知 " + TestCatalogs.EMOJI);
        database.inTransaction(connection -> {
            store.put(connection, meta);
            return null;
        });
        assertEquals(Optional.of(meta), database.inReadTransaction(store::get));
        assertEquals(OptionalLong.of(42), database.inReadTransaction(store::version));
    }

    @Test
    void putReplacesTheOneRow() throws Exception {
        CatalogMeta second = new CatalogMeta(Long.MAX_VALUE, Instant.EPOCH, "", false, "");
        database.inTransaction(connection -> {
            store.put(connection, new CatalogMeta(1, Instant.EPOCH, "旧", true, "旧"));
            store.put(connection, second);
            assertEquals(1, StoreFixture.count(connection, "catalog_meta"));
            return null;
        });
        assertEquals(Optional.of(second), database.inReadTransaction(store::get));
    }

    @Test
    void deleteEmptiesTheTable() throws Exception {
        database.inTransaction(connection -> {
            store.put(connection, new CatalogMeta(1, Instant.EPOCH, "", false, ""));
            store.delete(connection);
            return null;
        });
        assertEquals(Optional.empty(), database.inReadTransaction(store::get));
    }
}
