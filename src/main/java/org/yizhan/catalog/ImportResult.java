package org.yizhan.catalog;

import java.util.List;
import java.util.Objects;

import org.yizhan.model.Catalog;

/**
 * A catalog made from someone else's data, and what could not be carried over.
 *
 * @param report human-readable lines for a console: counts first, then what was left out, grouped
 */
public record ImportResult(Catalog catalog, List<String> report) {
    public ImportResult {
        Objects.requireNonNull(catalog, "catalog");
        report = List.copyOf(report);
    }
}
