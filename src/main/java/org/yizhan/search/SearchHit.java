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
 * @param reason     why it matched
 */
public record SearchHit(String serviceId, String name, int score, List<Highlight> highlights, Reason reason) {

    public SearchHit {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        highlights = List.copyOf(highlights);
    }

    /** A hit on the name as typed. */
    public SearchHit(String serviceId, String name, int score, List<Highlight> highlights) {
        this(serviceId, name, score, highlights, Reason.LITERAL);
    }

    /** How a hit matched, from the best way to the least. */
    public enum Kind {
        /** The name holds what was typed: characters, or pinyin in the reading usual in place. */
        LITERAL,
        /** An everyday word of the dictionary: via = the everyday word and the catalog's wording. */
        SYNONYM,
        /** Only through an unusual reading of a polyphone (行 read hang in 行政): via = the part of the name. */
        READING,
        /** The typed characters in order with gaps, or most of them: via = the parts of the name that matched. */
        LOOSE,
        /** A keyword of the service: via = the keyword. */
        KEYWORD,
        /** The department's name: via = the department. */
        DEPARTMENT,
        /** A material's name: via = the material. */
        MATERIAL
    }

    /**
     * Why a hit matched: its kind and, for a synonym, the everyday word ({@link #everyday}) and the
     * wording it stands for ({@link #via}).
     */
    public record Reason(Kind kind, String everyday, String via) {
        public static final Reason LITERAL = new Reason(Kind.LITERAL, "", "");

        public Reason {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(everyday, "everyday");
            Objects.requireNonNull(via, "via");
        }

        /** For a technician: literal, synonym 社保 → 社会保险, loose 学历…证明. */
        @Override
        public String toString() {
            String k = kind.name().toLowerCase(java.util.Locale.ROOT);
            if (kind == Kind.SYNONYM) {
                return k + " " + everyday + " → " + via;
            }
            return via.isEmpty() ? k : k + " " + via;
        }
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
