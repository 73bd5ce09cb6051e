package org.yizhan.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.yizhan.config.UiLanguage;
import org.yizhan.language.Traditional;

/** User-facing text, from the {@code messages} bundle (UTF-8 properties). Plain Java: ViewModels use it without the toolkit. */
public final class Messages {

    public static final String BUNDLE = "org.yizhan.ui.messages";

    /**
     * No fallback to the machine's own locale: on a PC set to English, 简体 must not come out in English. The base
     * bundle is 简体; {@code messages_zh_Hant} and {@code messages_en} hold every key too (MessagesTest).
     */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;
    private final UiLanguage language;

    public Messages(Locale locale) {
        this(languageOf(locale));
    }

    public Messages(UiLanguage language) {
        this.language = language;
        this.locale = language.locale();
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    public static Messages simplifiedChinese() {
        return new Messages(UiLanguage.ZH_HANS);
    }

    private static UiLanguage languageOf(Locale locale) {
        if (locale.getLanguage().equals("en")) {
            return UiLanguage.EN;
        }
        boolean traditional = locale.getScript().equals("Hant") || locale.getCountry().equals("TW")
                || locale.getCountry().equals("HK") || locale.getCountry().equals("MO");
        return traditional ? UiLanguage.ZH_HANT : UiLanguage.ZH_HANS;
    }

    public UiLanguage language() {
        return language;
    }

    /**
     * Chinese text that comes from elsewhere than this bundle (the hall's name, its queues, a case's steps), as this
     * language shows it: in 繁體 converted, otherwise as it is.
     */
    public String chinese(String simplified) {
        return language == UiLanguage.ZH_HANT ? Traditional.of(simplified) : simplified;
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
