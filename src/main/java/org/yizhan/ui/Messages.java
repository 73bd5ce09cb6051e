package org.yizhan.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-facing text, from the {@code messages} bundle (UTF-8 properties). Plain Java: ViewModels use it without the toolkit. */
public final class Messages {

    public static final String BUNDLE = "org.yizhan.ui.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public static Messages simplifiedChinese() {
        return new Messages(Locale.SIMPLIFIED_CHINESE);
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing key must not take a citizen's screen down; tests check every key exists.
            return key;
        }
    }

    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    public Locale locale() {
        return locale;
    }

    ResourceBundle bundle() {
        return bundle;
    }
}
