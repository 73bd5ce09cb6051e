package org.yizhan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yizhan.testing.SharedData;

/**
 * Search quality on the real province catalog, at the figures reached (docs/performance.md): the
 * issue's queries, queries of the same kinds written here, and names typed with a character wrong.
 */
class SearchQualityTest {

    private static String misses(SearchQuality.Result r) {
        return r.outcomes().stream().filter(o -> o.rank() != 1)
                .map(o -> o.query() + " → #" + o.rank() + " " + o.top().stream().map(h -> h.name()).toList())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void theEvalFileAllInTheTopFiveAndAtTheTop() throws Exception {
        SearchQuality.Result r = SearchQuality.run(SharedData.require("data/search-eval.tsv"),
                SharedData.require("data/gd-services-2021.json"), Path.of("assets/catalog/demo-catalog.json"));
        assertEquals(20, r.outcomes().size());
        assertEquals(20, r.top5(), misses(r));
        assertTrue(r.top1() >= 20, misses(r));
        assertEquals(0, r.emptyEval());
        for (SearchQuality.Typos t : r.typos()) {
            assertTrue(t.empty() * 100 <= t.queries(), t.line());
            assertTrue(t.top5() * 100 >= 98 * t.queries(), t.line());
        }
    }

    @Test
    void queriesOfTheSameKindsNotInTheFile() throws Exception {
        SearchQuality.Result r = SearchQuality.run(Path.of("src/test/resources/search/more-queries.tsv"),
                SharedData.require("data/gd-services-2021.json"), null);
        assertEquals(20, r.top5(), misses(r));
        assertTrue(r.top1() >= 18, misses(r));
    }
}
