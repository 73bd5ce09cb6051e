package org.yizhan.catalog;

/**
 * What a screen shows for one of the catalog's texts in its language: the catalog's own translation of it, or the
 * text converted, or as it is. Keys are those of {@link org.yizhan.model.Translations#key}.
 */
@FunctionalInterface
public interface CatalogText {

    CatalogText AS_IS = (key, simplified) -> simplified;

    /** The text to show for {@code simplified}, the catalog's text at {@code key}; empty stays empty. */
    String of(String key, String simplified);
}
