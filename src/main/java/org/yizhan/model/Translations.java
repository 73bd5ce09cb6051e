package org.yizhan.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The catalog's own translations of its texts, beside the records rather than in them: most catalogs have none, and
 * a screen asks for a text by where it stands ({@link #key}), e.g. {@code services/S1/materials/0/name}, and a
 * language tag ({@code zh-Hant}, {@code en}). What has no translation is shown converted or as it is.
 *
 * @param texts key → (language tag → text)
 */
public record Translations(Map<String, Map<String, String>> texts) {

    public static final Translations NONE = new Translations(Map.of());

    /** The languages a catalog may translate into; simplified Chinese is the catalog's own text. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("zh-Hant", "en");

    public Translations {
        Objects.requireNonNull(texts, "texts");
        TreeMap<String, Map<String, String>> copy = new TreeMap<>();
        texts.forEach((key, byLanguage) -> {
            if (!byLanguage.isEmpty()) {
                copy.put(key, Map.copyOf(byLanguage));
            }
        });
        texts = java.util.Collections.unmodifiableNavigableMap(copy);
    }

    public Optional<String> text(String key, String language) {
        Map<String, String> byLanguage = texts.get(key);
        return byLanguage == null ? Optional.empty() : Optional.ofNullable(byLanguage.get(language));
    }

    /** Every text whose key starts with {@code prefix}, in key order. */
    public java.util.SortedMap<String, Map<String, String>> under(String prefix) {
        return ((java.util.NavigableMap<String, Map<String, String>>) texts).subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    public boolean isEmpty() {
        return texts.isEmpty();
    }

    /** Where a text stands: {@code key("services", "S1", "materials", 0, "name")} is {@code services/S1/materials/0/name}. */
    public static String key(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object part : parts) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(part);
        }
        return b.toString();
    }
}
