package org.yizhan.config;

import java.util.Locale;
import java.util.Optional;

/** The language of the screens: {@code ui.language} in kiosk.properties. */
public enum UiLanguage {
    ZH_HANS("zh-Hans"),
    ZH_HANT("zh-Hant"),
    EN("en");

    private final String tag;

    UiLanguage(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag used in kiosk.properties, e.g. {@code zh-Hans}. */
    public String tag() {
        return tag;
    }

    /** The locale for resource bundles and formatting. */
    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** Reads the tag from kiosk.properties, ignoring case ({@code zh-hans} is {@code zh-Hans}). */
    public static Optional<UiLanguage> parse(String text) {
        String wanted = text.strip();
        for (UiLanguage l : values()) {
            if (l.tag.equalsIgnoreCase(wanted)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
