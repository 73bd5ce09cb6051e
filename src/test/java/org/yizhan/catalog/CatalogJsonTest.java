package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.model.Audience;
import org.yizhan.model.Catalog;
import org.yizhan.model.Location;
import org.yizhan.model.MaterialForm;
import org.yizhan.model.Necessity;
import org.yizhan.model.Service;
import org.yizhan.model.TimeLimit;
import org.yizhan.model.TimeUnit;

class CatalogJsonTest {

    @Test
    void writeThenReadGivesAnEqualCatalog() throws Exception {
        Catalog catalog = TestCatalogs.rich(3);
        assertEquals(catalog, CatalogJson.read(new ByteArrayInputStream(bytes(catalog))));
    }

    @Test
    void writeThenReadKeepsAMinimalCatalog() throws Exception {
        Catalog catalog = new Catalog(1, Instant.parse("2026-01-01T00:00:00Z"), null, false, null, List.of(),
                List.of(TestCatalogs.POLICE), List.of(TestCatalogs.minimal("a", "甲", "gaj")));
        assertEquals(catalog, CatalogJson.read(new ByteArrayInputStream(bytes(catalog))));
    }

    @Test
    void writesTheDocumentedShape() throws Exception {
        String json = new String(bytes(TestCatalogs.rich(3)), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\n  \"format\": \"yizhan-catalog/1\",\n  \"version\": 3,\n"), json);
        assertTrue(json.endsWith("}\n"));
        assertFalse(json.contains("null"), "no nulls for optional fields");
        assertTrue(json.contains("\"unit\": \"natural_days\""));
        assertTrue(json.contains("\"form\": \"paper_or_electronic\""));
        assertTrue(json.contains("\"audiences\": [\n"));
        assertTrue(json.contains("居民身份证换领"), "Chinese is written as UTF-8, not escaped");
        assertTrue(json.contains(TestCatalogs.EMOJI), "emoji are written as UTF-8, not as escaped surrogates");
    }

    @Test
    void leavesOutOptionalFieldsThatHoldTheirDefault() throws Exception {
        Catalog catalog = new Catalog(1, Instant.parse("2026-01-01T00:00:00Z"), "", false, "", List.of(),
                List.of(TestCatalogs.POLICE), List.of(TestCatalogs.minimal("a", "甲", "gaj")));
        String json = new String(bytes(catalog), StandardCharsets.UTF_8);
        for (String absent : List.of("title", "notice", "code", "themeIds", "variants", "materials", "fee",
                "location", "visits", "onlineUrl", "legalTimeLimit", "consultPhone")) {
            assertFalse(json.contains("\"" + absent + "\""), absent);
        }
    }

    @Test
    void readsTheValidFixtureWithItsDefaults() throws Exception {
        Catalog catalog = read("valid-catalog.json");
        assertEquals(7, catalog.version());
        assertEquals(2, catalog.services().size());
        Service idCard = catalog.services().get(0);
        assertEquals(List.of(Audience.PERSON), idCard.audiences());
        assertEquals(new TimeLimit(60, TimeUnit.NATURAL_DAYS), idCard.legalTimeLimit());
        assertEquals(MaterialForm.PAPER, idCard.materials().get(0).form(), "form defaults to paper");
        assertEquals(Necessity.DEFERRABLE, idCard.materials().get(1).necessity());
        assertEquals("损坏换领", idCard.materials().get(1).variant());
        assertEquals("", idCard.variants().get(1).description());
        assertEquals(new TimeLimit(48, TimeUnit.HOURS), idCard.steps().get(1).timeLimit());
        Service minimal = catalog.services().get(1);
        assertEquals(null, minimal.fee(), "a fee the file does not state is unknown, not free");
        assertEquals(Location.UNKNOWN, minimal.location());
        assertEquals(null, minimal.legalTimeLimit());
        assertEquals(null, minimal.visits());
        assertFalse(minimal.onlineApply());
    }

    @Test
    void theExampleInTheFormatDocIsValid() throws Exception {
        Path doc = Path.of("docs/catalog-format.md");
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(doc, StandardCharsets.UTF_8));
        assertTrue(block.find(), "the doc has a json example");
        Catalog catalog = CatalogJson.read(new ByteArrayInputStream(block.group(1).getBytes(StandardCharsets.UTF_8)));
        assertEquals("居民身份证换领", catalog.services().get(0).name());
    }

    @Test
    void acceptsAnInstantWithAnOffset() throws Exception {
        String json = new String(bytes(TestCatalogs.rich(1)), StandardCharsets.UTF_8)
                .replace("2026-11-01T08:00:00.123456789Z", "2026-11-01T16:00:00+08:00");
        Catalog catalog = CatalogJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Instant.parse("2026-11-01T08:00:00Z"), catalog.generatedAt());
    }

    @Test
    void refusesToWriteACatalogThatCouldNotBeReadBack() {
        Catalog versionZero = new Catalog(0, Instant.EPOCH, "", false, "", List.of(), List.of(), List.of());
        CatalogFormatException e = assertThrows(CatalogFormatException.class,
                () -> CatalogJson.write(versionZero, new ByteArrayOutputStream()));
        assertEquals(List.of("version must be an integer ≥ 1, got 0"), e.problems());

        Catalog dangling = new Catalog(1, Instant.EPOCH, "", false, "", List.of(), List.of(),
                List.of(TestCatalogs.minimal("a", "甲", "nowhere")));
        assertThrows(CatalogFormatException.class, () -> CatalogJson.write(dangling, new ByteArrayOutputStream()));
    }

    @Test
    void writesAFileThroughATemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalog.json");
        Files.writeString(file, "old");
        CatalogJson.write(TestCatalogs.rich(4), file);
        assertEquals(TestCatalogs.rich(4), CatalogJson.read(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aRefusedWriteLeavesTheOldFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalog.json");
        CatalogJson.write(TestCatalogs.rich(4), file);
        Catalog invalid = new Catalog(0, Instant.EPOCH, "", false, "", List.of(), List.of(), List.of());
        assertThrows(CatalogFormatException.class, () -> CatalogJson.write(invalid, file));
        assertEquals(TestCatalogs.rich(4), CatalogJson.read(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void doesNotCloseTheCallersStreams() throws Exception {
        class Tracking extends ByteArrayOutputStream {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        Tracking out = new Tracking();
        CatalogJson.write(TestCatalogs.rich(1), out);
        assertFalse(out.closed);
    }

    @Test
    void textAfterTheCatalogIsRefusedWholeOrStreamed() throws Exception {
        byte[] catalog = bytes(TestCatalogs.rich(1));
        int lines = new String(catalog, StandardCharsets.UTF_8).split("\n").length;
        byte[] twice = (new String(catalog, StandardCharsets.UTF_8) + "{}\n").getBytes(StandardCharsets.UTF_8);
        String expected = "unexpected text after the end of the JSON value, at line " + (lines + 1)
                + ", column 1; was the file concatenated or edited by hand?";
        assertEquals(expected, assertThrows(CatalogFormatException.class,
                () -> CatalogJson.read(new ByteArrayInputStream(twice))).getMessage());
        assertEquals(expected, assertThrows(CatalogFormatException.class,
                () -> CatalogJson.scan(new ByteArrayInputStream(twice))).getMessage());

        byte[] blankLines = (new String(catalog, StandardCharsets.UTF_8) + "\n\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(TestCatalogs.rich(1), CatalogJson.read(new ByteArrayInputStream(blankLines)));
        assertEquals(1, CatalogJson.scan(new ByteArrayInputStream(blankLines)).version());
    }

    static byte[] bytes(Catalog catalog) throws IOException, CatalogFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogJson.write(catalog, out);
        return out.toByteArray();
    }

    static Catalog read(String resource) throws IOException, CatalogFormatException {
        try (InputStream in = CatalogJsonTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return CatalogJson.read(in);
        }
    }
}
