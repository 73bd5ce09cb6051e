package org.yizhan.catalog;

import java.util.List;

/** A catalog file that breaks the rules of {@code docs/catalog-format.md}, with every problem found. */
public final class CatalogFormatException extends Exception {
    private static final int PROBLEMS_IN_MESSAGE = 3;

    private final List<String> problems;

    public CatalogFormatException(List<String> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a format exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public CatalogFormatException(String problem) {
        this(List.of(problem));
    }

    /** Every problem, one line each, in document order. */
    public List<String> problems() {
        return problems;
    }

    private static String summary(List<String> problems) {
        String shown = String.join("; ", problems.subList(0, Math.min(PROBLEMS_IN_MESSAGE, problems.size())));
        int more = problems.size() - PROBLEMS_IN_MESSAGE;
        return more > 0 ? shown + " (and " + more + " more)" : shown;
    }
}
