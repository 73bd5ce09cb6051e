package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.catalog.CatalogJson;

/** The technician's commands, run as `java -jar yizhan.jar …` would run them, without a display. */
class CommandsTest {

    private static final Path DEMO = Path.of("assets/catalog/demo-catalog.json");
    private static final Path GD = Path.of(System.getProperty("yizhan.shared.dir", "../shared"), "data", "gd-services-2021.json");

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void searchPrintsTheTopTenBestFirst() {
        CommandRun r = run("search", "--catalog", DEMO.toString(), "sfz");
        assertEquals(0, r.code(), r.err());
        assertEquals(10, r.out().size(), r.out().toString());
        assertTrue(r.out().subList(0, 3).stream().allMatch(n -> n.startsWith("居民身份证")), r.out().toString());
    }

    @Test
    void searchReadsTheProvincialShapeDirectly() {
        assumeTrue(Files.exists(GD), "shared data not beside the project");
        CommandRun r = run("search", "--catalog", GD.toString(), "护照");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().get(0).contains("护照"), r.out().toString());
    }

    @Test
    void searchOfAMissingFileSaysSo() {
        CommandRun r = run("search", "--catalog", "no-such-file.json", "sfz");
        assertTrue(r.code() != 0);
        assertTrue(r.err().contains("no-such-file.json"), r.err());
    }

    @Test
    void importWritesAValidCatalogWithEveryRecord(@TempDir Path dir) throws Exception {
        assumeTrue(Files.exists(GD), "shared data not beside the project");
        Path out = dir.resolve("gd-catalog.json");
        CommandRun r = run("import", "--from", "gd-json", GD.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2262, CatalogJson.read(out).services().size());
        assertTrue(r.out().get(0).startsWith("imported 2262 services"), r.out().toString());
        assertTrue(r.err().contains("Theme names that match no national theme"), "the report of what could not be mapped");
    }

    @Test
    void importRefusesAnUnknownFormat(@TempDir Path dir) {
        CommandRun r = run("import", "--from", "csv", DEMO.toString(), "--out", dir.resolve("x.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("gd-json"), r.err());
    }
}
