package org.yizhan.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stores share: batch inserts that number rows by position, reads that come back in that
 * order, and the grouping of a service's child rows by service id in one pass over the table.
 */
final class Rows {
    /** Maps the current row of a result set to a record. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Binds one record's columns, starting at parameter {@code first}. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, int first, T item) throws SQLException;
    }

    private Rows() {
    }

    /** Inserts {@code items} in one batch; parameter 1 is the position, the record's columns follow. */
    static <T> void insertAll(Connection connection, String sql, List<T> items, Binder<T> binder)
            throws SQLException {
        insertAll(connection, sql, items, 0, binder);
    }

    /** As {@link #insertAll(Connection, String, List, Binder)}, numbering from {@code firstPosition}. */
    static <T> void insertAll(Connection connection, String sql, List<T> items, int firstPosition, Binder<T> binder)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < items.size(); i++) {
                statement.setInt(1, firstPosition + i);
                binder.bind(statement, 2, items.get(i));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Inserts every service's child rows in one batch; parameters 1 and 2 are the service id and the
     * position within that service, the record's columns follow.
     */
    static <T> void insertPerService(Connection connection, String sql, Map<String, List<T>> byService,
                                     Binder<T> binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Map.Entry<String, List<T>> service : byService.entrySet()) {
                List<T> items = service.getValue();
                for (int position = 0; position < items.size(); position++) {
                    statement.setString(1, service.getKey());
                    statement.setInt(2, position);
                    binder.bind(statement, 3, items.get(position));
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }

    static <T> List<T> readAll(Connection connection, String sql, Mapper<T> mapper) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            List<T> items = new ArrayList<>();
            while (row.next()) {
                items.add(mapper.map(row));
            }
            return items;
        }
    }

    /**
     * Reads a child table in one query, grouped by its {@code service_id} column. The query must order by
     * service id and position. Services without rows are absent from the map.
     */
    static <T> Map<String, List<T>> readPerService(Connection connection, String sql, Mapper<T> mapper)
            throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            Map<String, List<T>> byService = new HashMap<>();
            while (row.next()) {
                byService.computeIfAbsent(row.getString("service_id"), id -> new ArrayList<>()).add(mapper.map(row));
            }
            byService.replaceAll((id, items) -> List.copyOf(items));
            return byService;
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
