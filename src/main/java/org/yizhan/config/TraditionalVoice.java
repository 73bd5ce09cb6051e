package org.yizhan.config;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code speech.traditional}: the spoken language for a citizen reading 繁體. Cantonese by default: in Guangdong, Hong
 * Kong and Macao those who read 繁體 speak it; a hall that serves visitors from Taiwan may choose Mandarin.
 */
public enum TraditionalVoice {
    CANTONESE("cantonese"),
    MANDARIN("mandarin");

    private final String value;

    TraditionalVoice(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<TraditionalVoice> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (TraditionalVoice v : values()) {
            if (v.value.equals(wanted)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
