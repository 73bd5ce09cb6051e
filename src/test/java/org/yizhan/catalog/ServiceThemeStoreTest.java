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

import org.yizhan.storage.Database;

class ServiceThemeStoreTest {
    private final ServiceThemeStore store = new ServiceThemeStore();
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
    void anEmptyTableReadsAsNoThemes() throws Exception {
        assertEquals(Map.of(), database.inReadTransaction(store::readAll));
    }

    @Test
    void insertThenReadKeepsEachServicesOrder() throws Exception {
        Map<String, List<String>> themeIds = Map.of(
                "a", List.of(TestCatalogs.LOCAL.id(), "person-090", "legal-005"),
                "b", List.of("legal-005"));
        insert(themeIds);
        assertEquals(themeIds, database.inReadTransaction(store::readAll));
    }

    @Test
    void servicesWithoutThemesAreAbsent() throws Exception {
        insert(Map.of("a", List.of("person-090"), "b", List.of()));
        assertEquals(Map.of("a", List.of("person-090")), database.inReadTransaction(store::readAll));
    }

    @Test
    void deleteThenInsertReplacesTheThemes() throws Exception {
        insert(Map.of("a", List.of("person-090"), "b", List.of("legal-005")));
        database.inTransaction(connection -> {
            store.deleteAll(connection);
            store.insertAll(connection, Map.of("c", List.of("legal-005", "person-090")));
            return null;
        });
        assertEquals(Map.of("c", List.of("legal-005", "person-090")), database.inReadTransaction(store::readAll));
    }

    @Test
    void aThemeIdMustExist() {
        assertThrows(SQLException.class, () -> insert(Map.of("a", List.of("person-404"))));
    }

    private void insert(Map<String, List<String>> themeIds) throws SQLException {
        database.inTransaction(connection -> {
            store.insertAll(connection, themeIds);
            return null;
        });
    }
}
