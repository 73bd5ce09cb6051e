package org.yizhan.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.yizhan.model.Translations;

/**
 * The {@code translations} member of a catalog's objects ({@code docs/catalog-format.md#translations}) to and from
 * the flat {@link Translations} of the model: {@code {"en": {"name": "…"}}} on the service {@code S1} is the key
 * {@code services/S1/name} in English. Reading expects what {@link CatalogValidator} has accepted.
 */
final class TranslationTree {

    static final String FIELD = "translations";

    /** What each kind of object may translate: its texts a citizen reads, never ids, codes, phones or addresses. */
    static final List<String> CATALOG = List.of("title", "notice");
    static final List<String> THEME = List.of("name");
    static final List<String> DEPARTMENT = List.of("name");
    static final List<String> SERVICE = List.of("name", "type", "level", "acceptConditions");
    static final List<String> VARIANT = List.of("name", "description");
    static final List<String> MATERIAL = List.of("name", "notes");
    static final List<String> STEP = List.of("name", "actor", "description");
    static final List<String> FEE = List.of("standard", "basis");
    static final List<String> LOCATION = List.of("hall", "address", "window", "hours", "directions");
    static final List<String> FAQ = List.of("question", "answer");

    private TranslationTree() {
    }

    // ---- reading: every translations member of one object and what it holds, under its key ----

    static void ofCatalog(JsonNode root, Map<String, Map<String, String>> out) {
        collect(root, "", out);
    }

    static void ofTheme(JsonNode theme, Map<String, Map<String, String>> out) {
        collect(theme, Translations.key("themes", theme.get("id").textValue()) + "/", out);
    }

    static void ofDepartment(JsonNode department, Map<String, Map<String, String>> out) {
        collect(department, Translations.key("departments", department.get("id").textValue()) + "/", out);
    }

    static void ofService(JsonNode service, Map<String, Map<String, String>> out) {
        String at = Translations.key("services", service.get("id").textValue()) + "/";
        collect(service, at, out);
        for (String list : List.of("variants", "materials", "steps", "faq")) {
            JsonNode items = service.get(list);
            if (items != null && items.isArray()) {
                for (int i = 0; i < items.size(); i++) {
                    collect(items.get(i), at + list + "/" + i + "/", out);
                }
            }
        }
        for (String object : List.of("fee", "location")) {
            JsonNode node = service.get(object);
            if (node != null && node.isObject()) {
                collect(node, at + object + "/", out);
            }
        }
    }

    private static void collect(JsonNode owner, String prefix, Map<String, Map<String, String>> out) {
        JsonNode translations = owner.get(FIELD);
        if (translations == null || !translations.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> languages = translations.fields(); languages.hasNext(); ) {
            Map.Entry<String, JsonNode> language = languages.next();
            for (Iterator<Map.Entry<String, JsonNode>> fields = language.getValue().fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.computeIfAbsent(prefix + field.getKey(), k -> new LinkedHashMap<>())
                        .put(language.getKey(), field.getValue().textValue());
            }
        }
    }

    // ---- writing: the translations member of one object, from the keys under its prefix ----

    /** Puts {@code translations} on {@code owner} from the keys {@code prefix + field}; nothing when there are none. */
    static void put(ObjectNode owner, String prefix, Translations translations) {
        if (translations.isEmpty()) {
            return;
        }
        SortedMap<String, Map<String, String>> under = translations.under(prefix);
        ObjectNode node = null;
        for (Map.Entry<String, Map<String, String>> e : under.entrySet()) {
            String field = e.getKey().substring(prefix.length());
            if (field.indexOf('/') >= 0) {
                continue; // a part's, put on the part
            }
            for (String language : Translations.LANGUAGES) {
                String text = e.getValue().get(language);
                if (text != null) {
                    if (node == null) {
                        node = JsonNodeFactory.instance.objectNode();
                    }
                    ObjectNode inLanguage = node.has(language) ? (ObjectNode) node.get(language) : node.putObject(language);
                    inLanguage.put(field, text);
                }
            }
        }
        if (node != null) {
            owner.set(FIELD, node);
        }
    }
}
