package org.yizhan.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowsTest {
    private static final Schema ITEMS = new Schema("item store", List.of("""
            CREATE TABLE item (
                position INTEGER PRIMARY KEY,
                name     TEXT    NOT NULL,
                count    INTEGER NOT NULL
            ) STRICT;
            """));
    private static final String INSERT = """
            INSERT INTO item (position, name, count)
            VALUES (?, ?, ?)
            """;
    private static final String READ_ALL = """
            SELECT name, count
            FROM item
            ORDER BY position
            """;

    private record Item(String name, int count) {
    }

    @TempDir
    Path dir;
    private Database database;

    @BeforeEach
    void open() throws SQLException {
        database = Database.open(dir.resolve("items.db"), ITEMS, Pragmas.STANDARD);
    }

    @Test
    void insertAllNumbersTheItemsByTheirPlaceInTheListAndReadAllKeepsTheQuerysOrder() throws Exception {
        List<Item> items = List.of(new Item("身份证复印件", 2), new Item("户口簿", 1), new Item("照片", 4));
        database.inTransaction(connection -> {
            Rows.insertAll(connection, INSERT, items, RowsTest::bind);
            return null;
        });
        assertEquals(items, readAll());
        assertEquals(List.of(0, 1, 2), database.inReadTransaction(connection ->
                Rows.readAll(connection, "SELECT position FROM item ORDER BY position", row -> row.getInt(1))));
    }

    @Test
    void insertAllCanContinueTheNumbering() throws Exception {
        database.inTransaction(connection -> {
            Rows.insertAll(connection, INSERT, List.of(new Item("乙", 2)), 1, RowsTest::bind);
            Rows.insertAll(connection, INSERT, List.of(new Item("甲", 1)), RowsTest::bind);
            return null;
        });
        assertEquals(List.of(new Item("甲", 1), new Item("乙", 2)), readAll());
    }

    @Test
    void readAllOfNothingIsEmptyAndExecuteRunsAStatement() throws Exception {
        assertEquals(List.of(), readAll());
        database.inTransaction(connection -> {
            Rows.insertAll(connection, INSERT, List.of(new Item("甲", 1)), RowsTest::bind);
            Rows.execute(connection, "DELETE FROM item");
            return null;
        });
        assertEquals(List.of(), readAll());
    }

    private List<Item> readAll() throws SQLException {
        return database.inReadTransaction(connection ->
                Rows.readAll(connection, READ_ALL, row -> new Item(row.getString("name"), row.getInt("count"))));
    }

    private static void bind(PreparedStatement statement, int first, Item item) throws SQLException {
        statement.setString(first, item.name());
        statement.setInt(first + 1, item.count());
    }
}
