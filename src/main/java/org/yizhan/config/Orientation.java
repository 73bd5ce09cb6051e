package org.yizhan.config;

import java.util.Locale;
import java.util.Optional;

/** How the kiosk's screen stands: {@code display.orientation} in kiosk.properties. */
public enum Orientation {
    PORTRAIT("portrait"),
    LANDSCAPE("landscape");

    private final String value;

    Orientation(String value) {
        this.value = value;
    }

    /** The word used in kiosk.properties, e.g. {@code portrait}. */
    public String value() {
        return value;
    }

    /** Reads the word from kiosk.properties, ignoring case. */
    public static Optional<Orientation> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Orientation o : values()) {
            if (o.value.equals(wanted)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
