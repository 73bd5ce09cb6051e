package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.json.Json;
import org.yizhan.model.Catalog;
import org.yizhan.model.Service;
import org.yizhan.model.Translations;

/** The catalog's own translations: written where they belong, read back whole, kept in the cache, checked. */
class TranslationsTest {

    @TempDir
    Path dir;

    private static byte[] json(Catalog catalog) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogJson.write(catalog, out);
        return out.toByteArray();
    }

    @Test
    void theyAreWrittenOnTheObjectTheyTranslateAndReadBackWhole() throws Exception {
        Catalog translated = TestCatalogs.translated(4);
        JsonNode tree = Json.mapper().readTree(json(translated));
        assertEquals("Renewing a resident ID card", tree.at("/services/0/translations/en/name").textValue());
        assertEquals("Bring the damaged card", tree.at("/services/0/materials/1/translations/en/notes").textValue());
        assertEquals("雲溪縣公安局", tree.at("/departments/0/translations/zh-Hant/name").textValue());
        assertEquals("88 Renmin Road, Yunxi", tree.at("/services/0/location/translations/en/address").textValue());
        assertEquals("Yunxi County catalog of services", tree.at("/translations/en/title").textValue());
        assertTrue(tree.at("/services/1/translations").isMissingNode(), "a service without any has no member");

        assertEquals(translated, CatalogJson.read(new ByteArrayInputStream(json(translated))));
        assertEquals(List.of(), CatalogValidator.validate(translated));
    }

    @Test
    void theCacheKeepsThemWhetherStreamedOrReplaced() throws Exception {
        Catalog translated = TestCatalogs.translated(4);
        CatalogCache streamed = CatalogCache.open(dir.resolve("streamed.db"));
        streamed.writeFrom(new ByteArrayInputStream(json(translated)));
        assertEquals(Optional.of(translated), streamed.load());

        CatalogCache replaced = CatalogCache.open(dir.resolve("replaced.db"));
        replaced.replace(translated);
        assertEquals(Optional.of(translated), replaced.load());
        replaced.replace(TestCatalogs.rich(5));
        assertEquals(Translations.NONE, replaced.load().orElseThrow().translations(), "a new catalog brings its own, or none");
    }

    @Test
    void theDirectoryInstallsThemWithTheCatalog() throws Exception {
        CatalogDirectory directory = CatalogDirectory.open(dir.resolve("catalog"));
        directory.install(TestCatalogs.translated(6));
        assertEquals(Optional.of(TestCatalogs.translated(6)), CatalogDirectory.open(dir.resolve("catalog")).load());
    }

    private static List<String> problems(String path, String member, String json) throws Exception {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(json(TestCatalogs.rich(1)));
        ((ObjectNode) root.at(path)).set(member, Json.mapper().readTree(json));
        return CatalogValidator.validate(root);
    }

    @Test
    void eachWrongTranslationIsNamedWithWhereItIs() throws Exception {
        assertEquals(List.of(), problems("/services/0", "translations", "{\"en\": {\"name\": \"Renewal\"}}"));
        assertProblem(problems("/services/0", "translations", "{\"fr\": {\"name\": \"Renouvellement\"}}"),
                "translations.fr", "is not a language the kiosk shows; use one of zh-Hant, en");
        assertProblem(problems("/services/0", "translations", "{\"zh-Hans\": {\"name\": \"换领\"}}"), "translations.zh-Hans",
                "simplified Chinese");
        assertProblem(problems("/services/0", "translations", "{\"en\": {\"consultPhone\": \"0871\"}}"),
                "translations.en.consultPhone", "cannot be translated here");
        assertProblem(problems("/services/0", "translations", "{\"en\": {\"name\": \"  \"}}"), "translations.en.name",
                "must not be blank");
        assertProblem(problems("/services/0", "translations", "{\"en\": {\"name\": 7}}"), "translations.en.name",
                "must be a string");
        assertProblem(problems("/services/0", "translations", "[\"Renewal\"]"), "translations", "must be an object");
        assertProblem(problems("/services/0/materials/0", "translations", "{\"en\": {\"notes\": \"Bring it\"}}"),
                "materials[0].translations.en.notes", "translates a text this object does not have");
        assertProblem(problems("/departments/0", "translations", "{\"en\": {\"id\": \"police\"}}"),
                "translations.en.id", "cannot be translated here");
        assertProblem(problems("", "translations", "{\"en\": {\"version\": \"one\"}}"), "translations.en.version",
                "cannot be translated here");
        assertProblem(problems("/services/0", "translations", "{\"en\": {\"name\": \"" + "x".repeat(CatalogValidator.MAX_TRANSLATION + 1) + "\"}}"),
                "translations.en.name", "at most");
    }

    @Test
    void theStreamedCheckFindsTheSameProblems() throws Exception {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(json(TestCatalogs.rich(1)));
        ((ObjectNode) root.at("/services/0")).set("translations", Json.mapper().readTree("{\"fr\": {\"name\": \"x\"}}"));
        ((ObjectNode) root).set("translations", Json.mapper().readTree("{\"en\": {\"notice\": \"\"}}"));
        try {
            CatalogJson.scan(new ByteArrayInputStream(Json.mapper().writeValueAsBytes(root)));
            throw new AssertionError("accepted");
        } catch (CatalogFormatException e) {
            assertEquals(CatalogValidator.validate(root).stream().sorted().toList(), e.problems().stream().sorted().toList());
            assertEquals(2, e.problems().size(), e.problems().toString());
        }
    }

    private static void assertProblem(List<String> problems, String where, String what) {
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(where) && problems.get(0).contains(what), problems.get(0));
    }

    @Test
    void aSnapshotInAnotherLanguageShowsTheCatalogsTranslationsAndElseWhatItIsGiven() {
        Catalog translated = TestCatalogs.translated(4);
        CatalogText english = (key, simplified) -> translated.translations().text(key, "en").orElse("[" + simplified + "]");
        CatalogSnapshot snapshot = new CatalogSnapshot(translated).in(english);
        Service s = snapshot.service("gaj-sfz-hl").orElseThrow();
        assertEquals("Renewing a resident ID card", s.name());
        assertEquals("Card expiring", s.variants().get(0).name());
        assertEquals("Card expiring", s.materials().get(2).variant(), "a material names its variant as the variant reads");
        assertEquals("Bring the damaged card", s.materials().get(1).notes());
        assertEquals("[原居民身份证]", s.materials().get(0).name());
        assertEquals("", s.materials().get(0).notes(), "nothing stays nothing");
        assertEquals("20 yuan", s.fee().standard());
        assertEquals("88 Renmin Road, Yunxi", s.location().address());
        assertEquals("gaj-sfz-hl", s.id());
        assertEquals("Yunxi County Public Security Bureau", snapshot.departmentName("gaj"));
        assertEquals("ID documents", snapshot.theme("person-090").orElseThrow().name());
        assertEquals("Closed on National Day " + TestCatalogs.EMOJI, snapshot.notice());
        assertEquals(snapshot.service("gaj-sfz-hl").orElseThrow(), s);
        assertEquals(translated.services().size(), snapshot.serviceCountOfDepartment("gaj", org.yizhan.model.Audience.PERSON)
                + snapshot.serviceCountOfDepartment("scjgj", org.yizhan.model.Audience.PERSON));
        assertEquals("居民身份证换领", new CatalogSnapshot(translated).service("gaj-sfz-hl").orElseThrow().name(),
                "the catalog itself is untouched");
    }

    @Test
    void theStoreRoundTripsEveryTextAndDeletes(@TempDir Path db) throws Exception {
        var database = StoreFixture.database(db);
        TranslationStore store = new TranslationStore();
        Map<String, Map<String, String>> texts = Map.of("services/a/name", Map.of("en", "A " + TestCatalogs.EMOJI, "zh-Hant", "甲"),
                "notice", Map.of("en", TestCatalogs.LONG_TEXT));
        database.inTransaction(c -> {
            store.insertAll(c, texts);
            return null;
        });
        assertEquals(new Translations(texts), database.inReadTransaction(store::readAll));
        database.inTransaction(c -> {
            store.deleteAll(c);
            return null;
        });
        assertEquals(Translations.NONE, database.inReadTransaction(store::readAll));
    }
}
