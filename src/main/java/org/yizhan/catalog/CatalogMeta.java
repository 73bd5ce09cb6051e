package org.yizhan.catalog;

import java.time.Instant;

import org.yizhan.model.Catalog;

/** The top-level scalar fields of a cached catalog. */
record CatalogMeta(long version, Instant generatedAt, String title, boolean sample, String notice) {
    static CatalogMeta of(Catalog catalog) {
        return new CatalogMeta(catalog.version(), catalog.generatedAt(), catalog.title(), catalog.sample(),
                catalog.notice());
    }
}
