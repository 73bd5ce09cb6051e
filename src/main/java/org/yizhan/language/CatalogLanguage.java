package org.yizhan.language;

import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.catalog.CatalogText;
import org.yizhan.config.UiLanguage;
import org.yizhan.model.Translations;

/**
 * The catalog in the screen's language: its own translation of a text where it has one; else, for 繁體, the text
 * converted ({@link Traditional}); else, for English, the Chinese as it is (the interface around it is English).
 */
public final class CatalogLanguage {

    private CatalogLanguage() {
    }

    public static CatalogText text(UiLanguage language, Translations translations) {
        return switch (language) {
            case ZH_HANS -> CatalogText.AS_IS;
            case ZH_HANT -> (key, simplified) -> translations.text(key, language.tag()).orElseGet(() -> Traditional.of(simplified));
            case EN -> (key, simplified) -> translations.text(key, language.tag()).orElse(simplified);
        };
    }

    /** {@code catalog} as read in {@code language}; the same snapshot for simplified Chinese. */
    public static CatalogSnapshot of(CatalogSnapshot catalog, UiLanguage language) {
        return language == UiLanguage.ZH_HANS ? catalog : catalog.in(text(language, catalog.catalog().translations()));
    }
}
