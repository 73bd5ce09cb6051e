package org.yizhan.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.yizhan.model.Audience;
import org.yizhan.model.Theme;
import org.yizhan.storage.Rows;

/** Table {@code theme}: the catalog's browse categories, in catalog order. */
final class ThemeStore {
    private static final String INSERT = """
            INSERT INTO theme (position, id, code, audience, name)
            VALUES (?, ?, ?, ?, ?)
            """;
    private static final String READ_ALL = """
            SELECT id, code, audience, name
            FROM theme
            ORDER BY position
            """;
    private static final String DELETE_ALL = """
            DELETE FROM theme
            """;

    /** Inserts into an empty table; positions follow the list. */
    void insertAll(Connection connection, List<Theme> themes) throws SQLException {
        Rows.insertAll(connection, INSERT, themes, (statement, i, theme) -> {
            statement.setString(i, theme.id());
            statement.setString(i + 1, theme.code());
            statement.setString(i + 2, JsonNames.of(theme.audience()));
            statement.setString(i + 3, theme.name());
        });
    }

    List<Theme> readAll(Connection connection) throws SQLException {
        return Rows.readAll(connection, READ_ALL, row -> new Theme(
                row.getString("id"),
                row.getString("code"),
                JsonNames.parse(Audience.class, row.getString("audience")),
                row.getString("name")));
    }

    void deleteAll(Connection connection) throws SQLException {
        Rows.execute(connection, DELETE_ALL);
    }
}
