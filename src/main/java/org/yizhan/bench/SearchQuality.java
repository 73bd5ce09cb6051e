package org.yizhan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.yizhan.catalog.CatalogFormatException;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.gd.GdServicesImport;
import org.yizhan.model.Catalog;
import org.yizhan.model.Service;
import org.yizhan.search.SearchHit;
import org.yizhan.search.SearchIndex;

/**
 * {@code bench search-quality}: queries citizens type (a TSV of query, a text a right answer's name
 * contains, what it exercises) against an imported catalog; how many find a right answer in the first
 * five and first; and how often a search comes back empty for those queries and for service names
 * typed with one character changed.
 */
public final class SearchQuality {

    /** One query of the file and the five names it got. */
    public record Outcome(String query, String expected, String exercises, int rank, List<SearchHit> top) {
        /** 1-based place of the first right answer among the top five, 0 when none. */
        public boolean inTop5() {
            return rank >= 1;
        }
    }

    /** One measure of empty results: how many queries, how many empty, how many found the service in the top 5. */
    public record Typos(String what, int queries, int empty, int top5) {
        public String line() {
            return String.format(java.util.Locale.ROOT, "%s: %d queries, %d empty (%.1f %%), right service in top 5: %d (%.1f %%)",
                    what, queries, empty, 100.0 * empty / Math.max(1, queries), top5, 100.0 * top5 / Math.max(1, queries));
        }
    }

    public record Result(List<Outcome> outcomes, int emptyEval, List<Typos> typos) {
        public int top5() {
            return (int) outcomes.stream().filter(Outcome::inTop5).count();
        }

        public int top1() {
            return (int) outcomes.stream().filter(o -> o.rank() == 1).count();
        }

        public String line() {
            return "search quality queries=" + outcomes.size() + " top5=" + top5() + " top1=" + top1();
        }
    }

    private SearchQuality() {
    }

    /** Runs the eval file against the provincial list, and the typo measures on it and on {@code demo} (may be null). */
    public static Result run(Path evalFile, Path provincialList, Path demo) throws IOException, CatalogFormatException {
        Catalog catalog = GdServicesImport.read(provincialList, 1, Instant.EPOCH).catalog();
        SearchIndex index = SearchIndex.build(catalog);
        List<Outcome> outcomes = new ArrayList<>();
        int empty = 0;
        for (String[] row : rows(evalFile)) {
            List<SearchHit> top = index.search(row[0], 5);
            if (top.isEmpty()) {
                empty++;
            }
            int rank = 0;
            for (int i = 0; i < top.size() && rank == 0; i++) {
                if (top.get(i).name().contains(row[1])) {
                    rank = i + 1;
                }
            }
            outcomes.add(new Outcome(row[0], row[1], row.length > 2 ? row[2] : "", rank, top));
        }
        List<Typos> typos = new ArrayList<>();
        typos.add(typos("province names, one character changed", catalog, index, 300));
        if (demo != null) {
            Catalog d = CatalogJson.read(demo);
            typos.add(typos("demo catalog names, one character changed", d, SearchIndex.build(d), 300));
        }
        return new Result(outcomes, empty, typos);
    }

    /**
     * Names of up to {@code count} services (fixed seed) with one Chinese character replaced by another
     * character of the catalog, as a citizen mistyping it would: empty results and right answers.
     */
    static Typos typos(String what, Catalog catalog, SearchIndex index, int count) {
        List<Service> services = catalog.services();
        StringBuilder pool = new StringBuilder();
        for (Service s : services) {
            pool.append(s.name());
        }
        String chars = pool.codePoints().filter(c -> c >= 0x4E00 && c <= 0x9FFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        Random random = new Random(20261130L);
        int queries = 0;
        int empty = 0;
        int found = 0;
        for (int attempt = 0; queries < Math.min(count, services.size()) && attempt < count * 10; attempt++) {
            Service s = services.get(random.nextInt(services.size()));
            String name = s.name().replaceAll("[(（].*$", ""); // what a citizen types: the main name, no variant
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) >= 0x4E00 && name.charAt(i) <= 0x9FFF) {
                    at.add(i);
                }
            }
            if (at.size() < 3 || chars.isEmpty()) {
                continue;
            }
            int i = at.get(random.nextInt(at.size()));
            char other = chars.charAt(random.nextInt(chars.length()));
            if (other == name.charAt(i)) {
                continue;
            }
            String typed = name.substring(0, i) + other + name.substring(i + 1);
            queries++;
            List<SearchHit> hits = index.search(typed, 5);
            if (hits.isEmpty()) {
                empty++;
            } else if (hits.stream().anyMatch(h -> h.name().startsWith(name))) {
                found++;
            }
        }
        return new Typos(what, queries, empty, found);
    }

    private static List<String[]> rows(Path evalFile) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(evalFile, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
                throw new IOException(evalFile + ": a line needs a query, a tab and what a right answer's name contains: " + line);
            }
            rows.add(cols);
        }
        return rows;
    }
}
