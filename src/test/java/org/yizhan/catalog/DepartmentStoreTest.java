package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.model.Department;
import org.yizhan.storage.Database;

class DepartmentStoreTest {
    private final DepartmentStore store = new DepartmentStore();
    private Database database;

    @BeforeEach
    void open(@TempDir Path dir) throws Exception {
        database = StoreFixture.database(dir);
    }

    @Test
    void anEmptyTableReadsAsNoDepartments() throws Exception {
        assertEquals(List.of(), database.inReadTransaction(store::readAll));
    }

    @Test
    void insertThenReadKeepsEveryFieldAndTheOrder() throws Exception {
        List<Department> departments = List.of(
                new Department("zz", "最后插入却排第一"),
                TestCatalogs.MARKET,
                new Department("aa", TestCatalogs.LONG_TEXT),
                TestCatalogs.POLICE);
        insert(departments);
        assertEquals(departments, database.inReadTransaction(store::readAll));
    }

    @Test
    void deleteThenInsertReplacesTheDepartments() throws Exception {
        insert(List.of(TestCatalogs.POLICE, TestCatalogs.MARKET));
        database.inTransaction(connection -> {
            store.deleteAll(connection);
            store.insertAll(connection, List.of(TestCatalogs.MARKET));
            return null;
        });
        assertEquals(List.of(TestCatalogs.MARKET), database.inReadTransaction(store::readAll));
    }

    private void insert(List<Department> departments) throws SQLException {
        database.inTransaction(connection -> {
            store.insertAll(connection, departments);
            return null;
        });
    }
}
