package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.model.Variant;
import org.yizhan.storage.Database;

class VariantStoreTest {
    private final VariantStore store = new VariantStore();
    private Database database;

    @BeforeEach
    void open(@TempDir Path dir) throws Exception {
        database = StoreFixture.database(dir);
        database.inTransaction(connection -> {
            StoreFixture.services(connection, "a", "b", "c");
            return null;
        });
    }

    @Test
    void anEmptyTableReadsAsNoVariants() throws Exception {
        assertEquals(Map.of(), database.inReadTransaction(store::readAll));
    }

    @Test
    void insertThenReadKeepsEveryFieldAndTheOrder() throws Exception {
        Map<String, List<Variant>> variants = Map.of(
                "a", List.of(new Variant("首次申领", ""), new Variant("补领", TestCatalogs.LONG_TEXT),
                        new Variant("换领 " + TestCatalogs.EMOJI, "到期")),
                "c", List.of(new Variant("注销", "不再经营的")));
        insert(variants);
        assertEquals(variants, database.inReadTransaction(store::readAll));
    }

    @Test
    void deleteThenInsertReplacesTheVariants() throws Exception {
        insert(Map.of("a", List.of(new Variant("新设", ""))));
        database.inTransaction(connection -> {
            store.deleteAll(connection);
            store.insertAll(connection, Map.of("b", List.of(new Variant("变更", "名称变更"))));
            return null;
        });
        assertEquals(Map.of("b", List.of(new Variant("变更", "名称变更"))), database.inReadTransaction(store::readAll));
    }

    @Test
    void namesAreUniqueWithinAService() {
        assertThrows(SQLException.class,
                () -> insert(Map.of("a", List.of(new Variant("补领", ""), new Variant("补领", "又一次")))));
    }

    private void insert(Map<String, List<Variant>> variants) throws SQLException {
        database.inTransaction(connection -> {
            store.insertAll(connection, variants);
            return null;
        });
    }
}
