package org.yizhan.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.json.Json;
import org.yizhan.model.Department;
import org.yizhan.model.Service;
import org.yizhan.model.Theme;

/**
 * Reads a catalog document service by service, so a catalog of 100,000 services never sits in memory
 * whole: each service is parsed, checked with the rules of {@link CatalogValidator} and handed on in
 * batches. Themes and departments must come before services (as {@link CatalogJson#write} puts them),
 * because a service's references are checked as it passes.
 */
final class CatalogStream {

    /** Where the pieces go. Called in document order; nothing is called after a problem is found. */
    interface Sink {
        void themes(List<Theme> themes) throws SQLException;

        void departments(List<Department> departments) throws SQLException;

        void services(List<Service> batch, int firstPosition) throws SQLException;

        /** The translations of what came before (key → language → text); only called with some. */
        void translations(Map<String, Map<String, String>> texts) throws SQLException;
    }

    static final int BATCH = 500;

    /** Reads one value out of the document; more of the document always follows it, which is no error here. */
    private static final ObjectReader PART = Json.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CatalogStream() {
    }

    /**
     * Reads one catalog from {@code in} into {@code sink} and returns its top-level fields.
     *
     * @throws CatalogFormatException with every problem found (up to the validator's limit); the sink may
     *                                have received part of the catalog, which the caller must discard
     */
    static CatalogMeta read(InputStream in, Sink sink) throws CatalogFormatException, IOException, SQLException {
        CatalogValidator.Incremental validator = new CatalogValidator.Incremental();
        ObjectNode scalars = Json.mapper().createObjectNode();
        boolean themesSeen = false;
        boolean departmentsSeen = false;
        boolean servicesSeen = false;
        try (JsonParser parser = Json.mapper().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CatalogFormatException("the catalog must be a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "themes" -> {
                        themesSeen = true;
                        JsonNode themes = PART.readTree(parser);
                        if (validator.isArray(field, themes)) {
                            validator.themes(themes);
                            if (validator.valid()) {
                                sink.themes(CatalogTree.list(themes, CatalogTree::toTheme));
                                Map<String, Map<String, String>> texts = new HashMap<>();
                                themes.forEach(theme -> TranslationTree.ofTheme(theme, texts));
                                translations(sink, texts);
                            }
                        }
                    }
                    case "departments" -> {
                        departmentsSeen = true;
                        JsonNode departments = PART.readTree(parser);
                        if (validator.isArray(field, departments)) {
                            validator.departments(departments);
                            if (validator.valid()) {
                                sink.departments(CatalogTree.list(departments, CatalogTree::toDepartment));
                                Map<String, Map<String, String>> texts = new HashMap<>();
                                departments.forEach(department -> TranslationTree.ofDepartment(department, texts));
                                translations(sink, texts);
                            }
                        }
                    }
                    case "services" -> {
                        servicesSeen = true;
                        if (!themesSeen || !departmentsSeen) {
                            throw new CatalogFormatException("\"themes\" and \"departments\" must come before "
                                    + "\"services\" in the file, as yizhan publish writes them");
                        }
                        if (value != JsonToken.START_ARRAY) {
                            validator.isArray(field, PART.readTree(parser));
                        } else {
                            services(parser, validator, sink);
                        }
                    }
                    default -> scalars.set(field, PART.readTree(parser));
                }
                if (validator.full()) {
                    throw new CatalogFormatException(validator.problems());
                }
            }
            // Driven token by token, the parser is not the mapper's to check for text after the value.
            if (parser.nextToken() != null) {
                throw JsonText.textAfterTheValue(parser.currentTokenLocation());
            }
        } catch (JsonProcessingException e) {
            throw JsonText.notJson(e);
        }
        if (!themesSeen) {
            validator.missing("themes");
        }
        if (!departmentsSeen) {
            validator.missing("departments");
        }
        if (!servicesSeen) {
            validator.missing("services");
        }
        validator.header(scalars);
        if (!validator.valid()) {
            throw new CatalogFormatException(validator.problems());
        }
        Map<String, Map<String, String>> texts = new HashMap<>();
        TranslationTree.ofCatalog(scalars, texts);
        translations(sink, texts);
        return new CatalogMeta(scalars.get("version").longValue(),
                Instant.parse(scalars.get("generatedAt").textValue()),
                scalars.path("title").asText(""),
                scalars.path("sample").asBoolean(false),
                scalars.path("notice").asText(""));
    }

    private static void translations(Sink sink, Map<String, Map<String, String>> texts) throws SQLException {
        if (!texts.isEmpty()) {
            sink.translations(texts);
        }
    }

    private static void services(JsonParser parser, CatalogValidator.Incremental validator, Sink sink)
            throws IOException, SQLException, CatalogFormatException {
        List<Service> batch = new ArrayList<>(BATCH);
        Map<String, Map<String, String>> texts = new HashMap<>();
        int index = 0;
        int first = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new CatalogFormatException("the file ends inside \"services\"; was the download cut short?");
            }
            JsonNode service = PART.readTree(parser);
            validator.service(index, service);
            if (validator.full()) {
                throw new CatalogFormatException(validator.problems());
            }
            // After the first problem the rest is only checked, so that one run lists them all.
            if (validator.valid()) {
                batch.add(CatalogTree.toService(service));
                TranslationTree.ofService(service, texts);
                if (batch.size() == BATCH) {
                    sink.services(batch, first);
                    first += batch.size();
                    batch.clear();
                    translations(sink, texts);
                    texts = new HashMap<>();
                }
            }
            index++;
        }
        if (validator.valid() && !batch.isEmpty()) {
            sink.services(batch, first);
            translations(sink, texts);
        }
    }
}
