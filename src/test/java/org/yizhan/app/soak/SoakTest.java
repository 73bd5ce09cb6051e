package org.yizhan.app.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** bench soak, short and untimed: the driver reaches every screen, and nothing goes wrong on the way. */
class SoakTest {

    @Test
    void fiftyCitizensReachEveryScreenWithoutAnError() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Soak.Result r = Soak.run(50, new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertEquals(0, r.errors(), "errors: " + r.errorExamples());
        assertEquals(Set.of("home", "browse", "services", "guide", "search", "queue", "ticket", "status",
                "status check", "status answer"), r.visited());
        assertEquals(50, r.lookups(), "every citizen's case was found with its check");
        assertTrue(r.tickets() > 0, "numbers were taken: " + r.tickets());
        assertEquals(50, r.tickets() + r.refused(), "each citizen got a number or a calm refusal");
        assertEquals(0, r.scheduledWaiting(), "no scheduled work piles up");
        assertTrue(r.line().matches("soak sessions=50 heap_mb_at_50=\\d+\\.\\d heap_mb_at_50=\\d+\\.\\d growth_pct=-?\\d+\\.\\d "
                + "threads_start=\\d+ threads_end=\\d+ errors=0"), r.line());
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("soak 50/50: "), progress.toString(StandardCharsets.UTF_8));
    }
}
