package org.yizhan.catalog.gd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import could not carry over, for a person at a console: a few summary lines, then groups,
 * each either counted by value (most frequent first) or listing the records concerned.
 */
final class ImportReport {
    private static final int RECORDS_SHOWN = 30;

    private final List<String> summary = new ArrayList<>();
    private final Map<String, Map<String, Integer>> counted = new LinkedHashMap<>();
    private final Map<String, List<String>> listed = new LinkedHashMap<>();

    void summary(String line) {
        summary.add(line);
    }

    void count(String group, String value) {
        counted.computeIfAbsent(group, g -> new LinkedHashMap<>()).merge(value, 1, Integer::sum);
    }

    void record(String group, String line) {
        listed.computeIfAbsent(group, g -> new ArrayList<>()).add(line);
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>(summary);
        counted.forEach((group, counts) -> {
            lines.add(group + ": " + counts.values().stream().mapToInt(Integer::intValue).sum());
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                    .forEach(entry -> lines.add(String.format("  %5d  %s", entry.getValue(), entry.getKey())));
        });
        listed.forEach((group, records) -> {
            lines.add(group + ": " + records.size());
            records.stream().limit(RECORDS_SHOWN).forEach(record -> lines.add("  " + record));
            if (records.size() > RECORDS_SHOWN) {
                lines.add("  … and " + (records.size() - RECORDS_SHOWN) + " more");
            }
        });
        return lines;
    }
}
