package org.yizhan.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.sql.SQLException;

import org.yizhan.json.Json;

/** Small nested values kept as JSON text in one column, in the same shape as in a catalog file. */
final class JsonColumns {
    private JsonColumns() {
    }

    static String write(JsonNode value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The parsed column, or null for SQL NULL. */
    static JsonNode read(String text, String column) throws SQLException {
        if (text == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("the catalog cache is damaged: column " + column + " holds no valid JSON", e);
        }
    }
}
