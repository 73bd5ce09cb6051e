package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.catalog.CatalogJson;
import picocli.CommandLine;

/** The technician's commands, run as `java -jar yizhan.jar …` would run them, without a display. */
class CommandsTest {

    private static final Path DEMO = Path.of("assets/catalog/demo-catalog.json");
    private static final Path GD = Path.of(System.getProperty("yizhan.shared.dir", "../shared"), "data", "gd-services-2021.json");

    private record Run(int code, List<String> out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new YizhanCommand()).execute(args);
            String text = o.toString(StandardCharsets.UTF_8);
            return new Run(code, text.isEmpty() ? List.of() : List.of(text.split("\\R")), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void searchPrintsTheTopTenBestFirst() {
        Run r = run("search", "--catalog", DEMO.toString(), "sfz");
        assertEquals(0, r.code(), r.err());
        assertEquals(10, r.out().size(), r.out().toString());
        assertTrue(r.out().subList(0, 3).stream().allMatch(n -> n.startsWith("居民身份证")), r.out().toString());
    }

    @Test
    void searchReadsTheProvincialShapeDirectly() {
        assumeTrue(Files.exists(GD), "shared data not beside the project");
        Run r = run("search", "--catalog", GD.toString(), "护照");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().get(0).contains("护照"), r.out().toString());
    }

    @Test
    void searchOfAMissingFileSaysSo() {
        Run r = run("search", "--catalog", "no-such-file.json", "sfz");
        assertTrue(r.code() != 0);
        assertTrue(r.err().contains("no-such-file.json"), r.err());
    }

    @Test
    void importWritesAValidCatalogWithEveryRecord(@TempDir Path dir) throws Exception {
        assumeTrue(Files.exists(GD), "shared data not beside the project");
        Path out = dir.resolve("gd-catalog.json");
        Run r = run("import", "--from", "gd-json", GD.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2262, CatalogJson.read(out).services().size());
        assertTrue(r.out().get(0).startsWith("imported 2262 services"), r.out().toString());
        assertTrue(r.err().contains("Theme names that match no national theme"), "the report of what could not be mapped");
    }

    @Test
    void importRefusesAnUnknownFormat(@TempDir Path dir) {
        Run r = run("import", "--from", "csv", DEMO.toString(), "--out", dir.resolve("x.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("gd-json"), r.err());
    }
}
