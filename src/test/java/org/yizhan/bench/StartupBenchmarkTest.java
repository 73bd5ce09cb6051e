package org.yizhan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.app.FirstFrame;
import org.yizhan.model.Catalog;

class StartupBenchmarkTest {

    @Test
    void readsTheLineTheChildPrints() {
        // bench may not use app, so it keeps its own copy of the marker.
        assertEquals(FirstFrame.MARKER, StartupBenchmark.MARKER);
    }

    @Test
    void theCachedCatalogHasAsManyServicesAsAskedEachWithItsOwnId() throws Exception {
        Catalog c = StartupBenchmark.catalog(3000);
        assertEquals(3000, c.services().size());
        assertEquals(3000, c.services().stream().map(s -> s.id()).distinct().count());
    }

    @Test
    void theLineIsTheMediansAndTheirRatio() {
        StartupBenchmark.Result r = new StartupBenchmark.Result(List.of(500L, 400L, 600L), List.of(900L, 800L, 1300L),
                List.of(1L));
        assertEquals("startup first_frame_ms=900 hello_first_frame_ms=500 ratio=1.80", r.line());
    }
}
