package org.yizhan.catalog.gd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.catalog.CatalogCache;
import org.yizhan.catalog.CatalogDirectory;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.ImportResult;
import org.yizhan.json.Json;
import org.yizhan.model.Catalog;
import org.yizhan.model.Location;
import org.yizhan.model.Service;
import org.yizhan.testing.SharedData;

/** The real provincial export, when {@code ../shared} is at hand (it is not shipped with the product). */
class GdServicesFileTest {
    private static Path SOURCE;
    private static JsonNode source;
    private static ImportResult result;

    @BeforeAll
    static void importTheRealFile() throws Exception {
        SOURCE = SharedData.require("data/gd-services-2021.json");
        source = Json.mapper().readTree(SOURCE.toFile());
        result = GdServicesImport.read(SOURCE, 1, Instant.parse("2021-12-31T00:00:00Z"));
    }

    @Test
    void importsAllRecordsWithUniqueIds() {
        List<Service> services = result.catalog().services();
        assertEquals(2_262, source.size());
        assertEquals(2_262, services.size());
        Set<String> ids = new HashSet<>();
        services.forEach(service -> assertTrue(ids.add(service.id()), service.id()));
    }

    @Test
    void theCatalogSurvivesWritingAndReading() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogJson.write(result.catalog(), out);
        assertEquals(result.catalog(), CatalogJson.read(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void theCatalogSurvivesTheCache(@TempDir Path dir) throws Exception {
        CatalogCache cache = CatalogCache.open(dir.resolve("cache.db"));
        cache.replace(result.catalog());
        assertEquals(Optional.of(result.catalog()), cache.load());
    }

    @Test
    void theCatalogSurvivesStreamingIntoADirectory(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogJson.write(result.catalog(), out);
        CatalogDirectory directory = CatalogDirectory.open(dir);
        assertTrue(directory.installIfNewer(new ByteArrayInputStream(out.toByteArray()), 1, "test-key"));
        assertEquals(Optional.of(result.catalog()), directory.load());
    }

    @Test
    void noneMarkersBecameEmpty() {
        List<Service> services = result.catalog().services();
        int offline = 0;
        for (int i = 0; i < source.size(); i++) {
            if ("无线下办理窗口".equals(source.get(i).path("location").asText())) {
                assertEquals(Location.UNKNOWN, services.get(i).location(), services.get(i).id());
                offline++;
            }
        }
        assertEquals(824, offline);
        assertTrue(services.stream().noneMatch(s -> s.acceptConditions().equals("无。")));
        assertTrue(services.stream().noneMatch(s -> s.complaintPhone().equals("无w")));
    }

    @Test
    void mostTimeLimitsWereRead() {
        List<Service> services = result.catalog().services();
        long legal = services.stream().filter(s -> s.legalTimeLimit() != null).count();
        long promised = services.stream().filter(s -> s.promisedTimeLimit() != null).count();
        assertEquals(1_549, legal, "every non-empty legal time limit in the file");
        assertEquals(1_723, promised, "every non-empty promised time limit in the file");
    }

    @Test
    void themeNamesWithSeparatorsInsideBracketsStayWhole() {
        long socialSecurity = result.catalog().services().stream()
                .filter(s -> s.themeIds().contains("person-085")).count();
        assertEquals(59, socialSecurity, "社会保障（社会保险、社会救助）");
        assertEquals(1_071, result.catalog().services().stream()
                .filter(s -> s.themeIds().contains("person-999")).count(), "其他 is national theme 999");
    }

    @Test
    void producesAReport() {
        List<String> report = result.report();
        assertTrue(report.get(0).startsWith("Read 2262 records: 2262 services, "), report.get(0));
        assertTrue(report.contains("Theme names that match no national theme, left out (services): 391"),
                String.join("\n", report));
        assertTrue(report.contains("     61  人才"), String.join("\n", report));
        Catalog catalog = result.catalog();
        assertEquals(177, catalog.departments().size());
        assertTrue(catalog.departments().stream().allMatch(d -> d.name().equals(d.name().strip())),
                "names lose the spaces five of them have in the source");
    }
}
