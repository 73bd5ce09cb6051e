package org.yizhan.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.yizhan.model.Translations;
import org.yizhan.storage.Rows;

/** Table {@code translation}: the catalog's own translations, one row per text and language (keys of {@link Translations#key}). */
final class TranslationStore {
    private static final String INSERT = """
            INSERT INTO translation (key, language, text)
            VALUES (?, ?, ?)
            """;
    private static final String READ_ALL = """
            SELECT key, language, text
            FROM translation
            """;
    private static final String DELETE_ALL = """
            DELETE FROM translation
            """;

    private record Row(String key, String language, String text) {
    }

    /** Adds the texts; a key and language already there is an error (the catalog had it twice). */
    void insertAll(Connection connection, Map<String, Map<String, String>> texts) throws SQLException {
        try (java.sql.PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (Map.Entry<String, Map<String, String>> e : texts.entrySet()) {
                for (Map.Entry<String, String> t : e.getValue().entrySet()) {
                    statement.setString(1, e.getKey());
                    statement.setString(2, t.getKey());
                    statement.setString(3, t.getValue());
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }

    Translations readAll(Connection connection) throws SQLException {
        Map<String, Map<String, String>> texts = new HashMap<>();
        for (Row row : Rows.readAll(connection, READ_ALL,
                r -> new Row(r.getString("key"), r.getString("language"), r.getString("text")))) {
            texts.computeIfAbsent(row.key(), k -> new HashMap<>()).put(row.language(), row.text());
        }
        return texts.isEmpty() ? Translations.NONE : new Translations(texts);
    }

    void deleteAll(Connection connection) throws SQLException {
        Rows.execute(connection, DELETE_ALL);
    }
}
