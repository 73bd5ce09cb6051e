package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.model.Audience;
import org.yizhan.model.Theme;
import org.yizhan.storage.Database;

class ThemeStoreTest {
    private final ThemeStore store = new ThemeStore();
    private Database database;

    @BeforeEach
    void open(@TempDir Path dir) throws Exception {
        database = StoreFixture.database(dir);
    }

    @Test
    void anEmptyTableReadsAsNoThemes() throws Exception {
        assertEquals(List.of(), database.inReadTransaction(store::readAll));
    }

    @Test
    void insertThenReadKeepsEveryFieldAndTheOrder() throws Exception {
        List<Theme> themes = List.of(
                new Theme("z-last-id", "999", Audience.LEGAL, "其他"),
                TestCatalogs.PERSON_090,
                new Theme("a-first-id", "", Audience.PERSON, TestCatalogs.LONG_TEXT),
                TestCatalogs.LOCAL);
        insert(themes);
        assertEquals(themes, database.inReadTransaction(store::readAll));
    }

    @Test
    void deleteThenInsertReplacesTheThemes() throws Exception {
        insert(List.of(TestCatalogs.PERSON_090, TestCatalogs.LEGAL_005));
        database.inTransaction(connection -> {
            store.deleteAll(connection);
            store.insertAll(connection, List.of(TestCatalogs.LOCAL));
            return null;
        });
        assertEquals(List.of(TestCatalogs.LOCAL), database.inReadTransaction(store::readAll));
    }

    @Test
    void idsAreUnique() {
        assertThrows(SQLException.class, () -> insert(List.of(TestCatalogs.PERSON_090, TestCatalogs.PERSON_090)));
    }

    private void insert(List<Theme> themes) throws SQLException {
        database.inTransaction(connection -> {
            store.insertAll(connection, themes);
            return null;
        });
    }
}
