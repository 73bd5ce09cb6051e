package org.yizhan.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.yizhan.model.Variant;
import org.yizhan.storage.Rows;

/** Table {@code variant}: 办理情形 of each service, in order. */
final class VariantStore {
    private static final String INSERT = """
            INSERT INTO variant (service_id, position, name, description)
            VALUES (?, ?, ?, ?)
            """;
    private static final String READ_ALL = """
            SELECT service_id, name, description
            FROM variant
            ORDER BY service_id, position
            """;
    private static final String DELETE_ALL = """
            DELETE FROM variant
            """;

    /** Inserts variants keyed by service id; the services must exist. */
    void insertAll(Connection connection, Map<String, List<Variant>> variantsByService) throws SQLException {
        ServiceRows.insertPerService(connection, INSERT, variantsByService, (statement, i, variant) -> {
            statement.setString(i, variant.name());
            statement.setString(i + 1, variant.description());
        });
    }

    /** Variants keyed by service id; services without variants are absent. */
    Map<String, List<Variant>> readAll(Connection connection) throws SQLException {
        return ServiceRows.readPerService(connection, READ_ALL,
                row -> new Variant(row.getString("name"), row.getString("description")));
    }

    void deleteAll(Connection connection) throws SQLException {
        Rows.execute(connection, DELETE_ALL);
    }
}
