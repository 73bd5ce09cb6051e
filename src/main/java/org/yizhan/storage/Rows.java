package org.yizhan.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Row mapping that stores share: records to rows in one batch, rows back to records in the query's order. */
public final class Rows {
    /** Maps the current row of a result set to a record. */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Binds one record's columns, starting at parameter {@code first}. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, int first, T item) throws SQLException;
    }

    private Rows() {
    }

    /** Inserts {@code items} in one batch; parameter 1 is the item's position in the list, its columns follow. */
    public static <T> void insertAll(Connection connection, String sql, List<T> items, Binder<T> binder)
            throws SQLException {
        insertAll(connection, sql, items, 0, binder);
    }

    /** As {@link #insertAll(Connection, String, List, Binder)}, numbering from {@code firstPosition}. */
    public static <T> void insertAll(Connection connection, String sql, List<T> items, int firstPosition,
                                     Binder<T> binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < items.size(); i++) {
                statement.setInt(1, firstPosition + i);
                binder.bind(statement, 2, items.get(i));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Every row {@code sql} selects, mapped, in the order the query gives them. */
    public static <T> List<T> readAll(Connection connection, String sql, Mapper<T> mapper) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            List<T> items = new ArrayList<>();
            while (row.next()) {
                items.add(mapper.map(row));
            }
            return items;
        }
    }

    public static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
