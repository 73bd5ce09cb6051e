package org.yizhan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.yizhan.catalog.CatalogFormatException;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.gd.GdServicesImport;
import org.yizhan.model.Catalog;
import org.yizhan.search.SearchHit;
import org.yizhan.search.SearchIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search --catalog FILE QUERY}: the kiosk's search engine from a terminal, top 10 names. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Prints the 10 best service names for QUERY, one a line, best first, with the kiosk's search.")
final class SearchCommand implements Callable<Integer> {

    @Option(names = "--catalog", required = true, paramLabel = "FILE",
            description = "A Yizhan catalog (JSON object) or a provincial list in the shape of gd-services-2021.json (JSON array).")
    Path catalog;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many names (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--explain", description = "Also print why each matched (literal, synonym via which entry, reading, "
            + "loose, keyword, department, material), its score and the marked parts of the name.")
    boolean explain;

    @Parameters(index = "0", paramLabel = "QUERY", arity = "1..*",
            description = "What a citizen types: Chinese, pinyin, initials (sfz) or a mixture.")
    String[] query;

    @Override
    public Integer call() {
        Optional<String> problem = FileProblems.unreadable(catalog, "catalog file");
        if (problem.isPresent()) {
            System.err.println("search: " + problem.get() + "; check --catalog");
            return 2;
        }
        Catalog loaded;
        try {
            loaded = read(catalog);
        } catch (CatalogFormatException e) {
            System.err.println("search: " + catalog + " is not a catalog the kiosk can read:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 1;
        } catch (IOException e) {
            System.err.println("search: cannot read " + catalog + ": " + FileProblems.describe(e));
            return 1;
        }
        SearchIndex index = SearchIndex.build(loaded);
        List<SearchHit> hits = index.search(String.join(" ", query), limit);
        for (int i = 0; i < hits.size(); i++) {
            SearchHit hit = hits.get(i);
            if (!explain) {
                System.out.println(hit.name());
                continue;
            }
            String marked = hit.highlights().stream().map(h -> hit.name().substring(h.start(), h.end()))
                    .collect(java.util.stream.Collectors.joining("…"));
            System.out.printf("%2d. %s%n    score %d  %s%s%n", i + 1, hit.name(), hit.score(), hit.reason(),
                    marked.isEmpty() ? "" : "  [" + marked + "]");
        }
        if (explain && hits.isEmpty()) {
            System.out.println("(nothing found)");
        }
        return 0;
    }

    /** A JSON array is a provincial list (imported on the fly); an object is our catalog format. */
    static Catalog read(Path file) throws IOException, CatalogFormatException {
        if (firstSignificant(file) == '[') {
            return GdServicesImport.read(file, 1, Instant.now()).catalog();
        }
        return CatalogJson.read(file);
    }

    private static int firstSignificant(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            while ((c = in.read()) >= 0) {
                if (c != 0xEF && c != 0xBB && c != 0xBF && !Character.isWhitespace(c)) {
                    return c;
                }
            }
            return -1;
        }
    }
}
