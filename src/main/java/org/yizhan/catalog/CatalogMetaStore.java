package org.yizhan.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** The single {@code catalog_meta} row: which catalog the cache holds. */
final class CatalogMetaStore {
    private static final String PUT = """
            INSERT OR REPLACE INTO catalog_meta (id, version, generated_at, title, sample, notice)
            VALUES (1, ?, ?, ?, ?, ?)
            """;
    private static final String GET = """
            SELECT version, generated_at, title, sample, notice
            FROM catalog_meta
            WHERE id = 1
            """;
    private static final String VERSION = """
            SELECT version FROM catalog_meta WHERE id = 1
            """;
    private static final String DELETE = """
            DELETE FROM catalog_meta
            """;

    void put(Connection connection, CatalogMeta meta) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PUT)) {
            int i = 0;
            statement.setLong(++i, meta.version());
            statement.setString(++i, meta.generatedAt().toString());
            statement.setString(++i, meta.title());
            statement.setBoolean(++i, meta.sample());
            statement.setString(++i, meta.notice());
            statement.executeUpdate();
        }
    }

    Optional<CatalogMeta> get(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(GET)) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new CatalogMeta(
                    row.getLong("version"),
                    Instant.parse(row.getString("generated_at")),
                    row.getString("title"),
                    row.getBoolean("sample"),
                    row.getString("notice")));
        }
    }

    OptionalLong version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(VERSION)) {
            return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
        }
    }

    void delete(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(DELETE);
        }
    }
}
