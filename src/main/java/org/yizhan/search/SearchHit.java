package org.yizhan.search;

import java.util.List;
import java.util.Objects;

/**
 * One search result.
 *
 * @param serviceId  the service's id in the catalog
 * @param name       the service's name as the catalog spells it
 * @param score      higher is better; the tier of the match (see docs/search.md)
 * @param highlights character ranges of {@code name} to highlight; empty when the match was on a
 *                   keyword, the department or a material
 */
public record SearchHit(String serviceId, String name, int score, List<Highlight> highlights) {

    public SearchHit {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(name, "name");
        highlights = List.copyOf(highlights);
    }

    /** Characters {@code start} (inclusive) to {@code end} (exclusive) of the name, as in {@link String#substring}. */
    public record Highlight(int start, int end) {
        public Highlight {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad range " + start + ".." + end);
            }
        }
    }
}
