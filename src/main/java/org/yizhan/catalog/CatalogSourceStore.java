package org.yizhan.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.yizhan.storage.Rows;

/** The single {@code catalog_source} row: the key id of the publisher that signed the cached catalog. */
final class CatalogSourceStore {
    private static final String PUT = """
            INSERT OR REPLACE INTO catalog_source (id, key_id)
            VALUES (1, ?)
            """;
    private static final String GET = """
            SELECT key_id FROM catalog_source WHERE id = 1
            """;
    private static final String DELETE = """
            DELETE FROM catalog_source
            """;

    void put(Connection connection, String keyId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PUT)) {
            statement.setString(1, keyId);
            statement.executeUpdate();
        }
    }

    Optional<String> get(Connection connection) throws SQLException {
        List<String> rows = Rows.readAll(connection, GET, row -> row.getString("key_id"));
        return rows.stream().findFirst();
    }

    void delete(Connection connection) throws SQLException {
        Rows.execute(connection, DELETE);
    }
}
