package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.testing.SharedData;

/** The technician's commands, run as `java -jar yizhan.jar …` would run them, without a display. */
class CommandsTest {

    private static final Path DEMO = Path.of("assets/catalog/demo-catalog.json");
    private static final String GD = "data/gd-services-2021.json";
    /** A few provincial records in the shape of gd-services-2021.json, always in the repository. */
    private static final Path GD_SAMPLE = Path.of("src/test/resources/org/yizhan/catalog/gd/gd-sample.json");

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    /** The project's version as pom.xml states it, read here independently of the build's filtering. */
    static String pomVersion() throws java.io.IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<artifactId>yizhan</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml names no version");
        return m.group(1);
    }

    @Test
    void versionIsThePomsVersion() throws Exception {
        CommandRun r = run("-V");
        assertEquals(0, r.code());
        assertEquals(List.of("Yizhan " + pomVersion()), r.out());
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
        CommandRun r = run("search", "--catalog", SharedData.require(GD).toString(), "护照");
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
        Path gd = SharedData.require(GD);
        Path out = dir.resolve("gd-catalog.json");
        CommandRun r = run("import", "--from", "gd-json", gd.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2262, CatalogJson.read(out).services().size());
        assertTrue(r.out().get(0).startsWith("imported 2262 services"), r.out().toString());
        assertTrue(r.err().contains("Theme names that match no national theme"), "the report of what could not be mapped");
    }

    /** The one line on standard error of a command that must fail with {@code code}: no trace, nothing on standard output. */
    private static String failure(int code, String... args) {
        CommandRun r = run(args);
        assertEquals(code, r.code(), r.err());
        assertEquals(List.of(), r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        return r.err().strip();
    }

    @Test
    void importAndSearchSayWhatIsWrongWithTheirFilesInOneLine(@TempDir Path dir) throws Exception {
        Path aFile = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertEquals("import: the file to import nope.json does not exist (looked for " + Path.of("nope.json").toAbsolutePath() + ")",
                failure(2, "import", "--from", "gd-json", "nope.json", "--out", dir.resolve("x.json").toString()));
        assertEquals("import: the file to import " + dir + " is a folder, not a file",
                failure(2, "import", "--from", "gd-json", dir.toString(), "--out", dir.resolve("x.json").toString()));
        assertEquals("import: cannot write --out " + aFile.resolve("x.json") + ": " + aFile.toAbsolutePath()
                        + " is a file, not a folder; give a folder",
                failure(2, "import", "--from", "gd-json", GD_SAMPLE.toString(), "--out", aFile.resolve("x.json").toString()));
        assertEquals("import: --out " + dir + " is a folder; give a file name, e.g. " + dir.resolve("catalog.json"),
                failure(2, "import", "--from", "gd-json", GD_SAMPLE.toString(), "--out", dir.toString()));
        assertEquals("search: the catalog file " + dir + " is a folder, not a file; check --catalog",
                failure(2, "search", "--catalog", dir.toString(), "sfz"));
        assertEquals("search: the catalog file nope.json does not exist (looked for " + Path.of("nope.json").toAbsolutePath()
                + "); check --catalog", failure(2, "search", "--catalog", "nope.json", "sfz"));
    }

    @Test
    void importMakesTheFolderItWritesInto(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("yizhan-publish/gd-catalog.json");
        CommandRun r = run("import", "--from", "gd-json", GD_SAMPLE.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(4, CatalogJson.read(out).services().size());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)),
                "a catalog is no secret: a web server or another user may read it, as publish's files");
    }

    @Test
    void importRefusesAnUnknownFormat(@TempDir Path dir) {
        CommandRun r = run("import", "--from", "csv", DEMO.toString(), "--out", dir.resolve("x.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("gd-json"), r.err());
    }
}
