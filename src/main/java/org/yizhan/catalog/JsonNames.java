package org.yizhan.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Enum constants as the catalog format spells them: lower-case snake, e.g. {@code paper_or_electronic}. */
final class JsonNames {
    // Spelled once per constant: a 100,000-service catalog asks millions of times.
    private static final Map<Enum<?>, String> NAMES = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Map<String, Enum<?>>> BY_NAME = new ConcurrentHashMap<>();

    private JsonNames() {
    }

    static String of(Enum<?> constant) {
        return NAMES.computeIfAbsent(constant, c -> c.name().toLowerCase(Locale.ROOT));
    }

    static List<String> all(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(JsonNames::of).toList();
    }

    /** Whether {@code json} spells a constant of {@code type}. */
    static boolean isName(Class<? extends Enum<?>> type, String json) {
        return json != null && byName(type).containsKey(json);
    }

    /** The constant spelled {@code json}; throws IllegalArgumentException for any other spelling. */
    static <E extends Enum<E>> E parse(Class<E> type, String json) {
        Enum<?> constant = json == null ? null : byName(type).get(json);
        if (constant == null) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + json);
        }
        return type.cast(constant);
    }

    private static Map<String, Enum<?>> byName(Class<? extends Enum<?>> type) {
        return BY_NAME.computeIfAbsent(type, t -> {
            Map<String, Enum<?>> map = new java.util.HashMap<>();
            for (Enum<?> constant : type.getEnumConstants()) {
                map.put(of(constant), constant);
            }
            return Map.copyOf(map);
        });
    }
}
