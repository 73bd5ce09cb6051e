package org.yizhan.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.yizhan.storage.Rows;

/** Table {@code service_theme}: each service's theme ids, in the service's order. */
final class ServiceThemeStore {
    private static final String INSERT = """
            INSERT INTO service_theme (service_id, position, theme_id)
            VALUES (?, ?, ?)
            """;
    private static final String READ_ALL = """
            SELECT service_id, theme_id
            FROM service_theme
            ORDER BY service_id, position
            """;
    private static final String DELETE_ALL = """
            DELETE FROM service_theme
            """;

    /** Inserts theme ids keyed by service id; the services and themes must exist. */
    void insertAll(Connection connection, Map<String, List<String>> themeIdsByService) throws SQLException {
        ServiceRows.insertPerService(connection, INSERT, themeIdsByService,
                (statement, i, themeId) -> statement.setString(i, themeId));
    }

    /** Theme ids keyed by service id; services without themes are absent. */
    Map<String, List<String>> readAll(Connection connection) throws SQLException {
        return ServiceRows.readPerService(connection, READ_ALL, row -> row.getString("theme_id"));
    }

    void deleteAll(Connection connection) throws SQLException {
        Rows.execute(connection, DELETE_ALL);
    }
}
