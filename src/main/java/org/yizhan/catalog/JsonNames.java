package org.yizhan.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Enum constants as the catalog format spells them: lower-case snake, e.g. {@code paper_or_electronic}. */
final class JsonNames {
    private JsonNames() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static List<String> all(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(JsonNames::of).toList();
    }

    /** The constant spelled {@code json}; throws IllegalArgumentException for any other spelling. */
    static <E extends Enum<E>> E parse(Class<E> type, String json) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(json)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + json);
    }
}
