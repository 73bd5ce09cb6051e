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

import org.yizhan.storage.Rows;

/**
 * A service's own tables (themes, variants, materials, steps): every service's rows written in one batch,
 * and read back grouped by service id in one pass over the table.
 */
final class ServiceRows {
    private ServiceRows() {
    }

    /**
     * Inserts every service's child rows in one batch; parameters 1 and 2 are the service id and the
     * position within that service, the record's columns follow.
     */
    static <T> void insertPerService(Connection connection, String sql, Map<String, List<T>> byService,
                                     Rows.Binder<T> binder) throws SQLException {
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

    /**
     * Reads a child table in one query, grouped by its {@code service_id} column. The query must order by
     * service id and position. Services without rows are absent from the map.
     */
    static <T> Map<String, List<T>> readPerService(Connection connection, String sql, Rows.Mapper<T> mapper)
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
}
