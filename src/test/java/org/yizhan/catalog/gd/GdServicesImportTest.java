package org.yizhan.catalog.gd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yizhan.catalog.CatalogFormatException;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.CatalogValidator;
import org.yizhan.catalog.ImportResult;
import org.yizhan.model.Audience;
import org.yizhan.model.Catalog;
import org.yizhan.model.Department;
import org.yizhan.model.Location;
import org.yizhan.model.Material;
import org.yizhan.model.MaterialForm;
import org.yizhan.model.MaterialSource;
import org.yizhan.model.Necessity;
import org.yizhan.model.Service;
import org.yizhan.model.Theme;
import org.yizhan.model.TimeLimit;
import org.yizhan.model.TimeUnit;

class GdServicesImportTest {
    private static final Instant GENERATED = Instant.parse("2026-11-01T08:00:00Z");
    private static ImportResult result;
    private static List<Service> services;

    @BeforeAll
    static void importSample() throws Exception {
        result = importResource("gd-sample.json");
        services = result.catalog().services();
    }

    @Test
    void keepsEveryRecordAndSkipsWhatIsNotARecord() {
        assertEquals(4, services.size());
        assertTrue(result.report().contains("Array entries that are not records, skipped: 1"), report());
        assertTrue(result.report().contains("  [4] \"oops\""), report());
    }

    @Test
    void theCatalogIsValidAndRoundTrips() throws Exception {
        Catalog catalog = result.catalog();
        assertEquals(List.of(), CatalogValidator.validate(catalog));
        assertEquals(5, catalog.version());
        assertEquals(GENERATED, catalog.generatedAt());
        assertFalse(catalog.sample());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogJson.write(catalog, out);
        assertEquals(catalog, CatalogJson.read(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void idsAreMadeValidAndUnique() {
        assertEquals(List.of("11440000006939756B2440101007000", "11440000MB2D03414Q4440114002000",
                "11440000006939756B2440101007000-2", "44-0000-ABC"), services.stream().map(Service::id).toList());
        assertEquals("11440000006939756B2440101007000", services.get(2).code(), "the code keeps the source id");
        assertEquals("44/0000 ABC", services.get(3).code());
        assertTrue(report().contains("  [2] (id=11440000006939756B2440101007000 无线电频率使用许可（变更）) → "
                + "11440000006939756B2440101007000-2"), report());
    }

    @Test
    void noneMarkersBecomeEmpty() {
        Service notary = services.get(1);
        assertEquals(Location.UNKNOWN, notary.location(), "无线下办理窗口");
        assertEquals("", notary.acceptConditions(), "无。");
        assertEquals("", services.get(2).complaintPhone(), "无w");
        assertEquals(List.of(new Material("照片", 1, 0, MaterialForm.PAPER, Necessity.REQUIRED,
                MaterialSource.APPLICANT, "", false, false, "")), services.get(2).materials(), "a material named 无");
        assertEquals("无条件受理", services.get(0).acceptConditions(), "a sentence starting with 无 is kept");
        assertTrue(report().contains("      1  location \"无线下办理窗口\""), report());
    }

    @Test
    void readsTimeLimits() {
        assertEquals(new TimeLimit(30, TimeUnit.WORKING_DAYS), services.get(0).legalTimeLimit());
        assertEquals(new TimeLimit(7, TimeUnit.WORKING_DAYS), services.get(0).promisedTimeLimit());
        assertTrue(services.get(1).immediate(), "0个工作日 is 即办");
        assertEquals(new TimeLimit(0, TimeUnit.WORKING_DAYS), services.get(1).legalTimeLimit(), "即办");
        assertEquals(new TimeLimit(1, TimeUnit.HOURS), services.get(2).promisedTimeLimit());
        assertEquals(new TimeLimit(20, TimeUnit.NATURAL_DAYS), services.get(3).legalTimeLimit());
        assertEquals(null, services.get(3).promisedTimeLimit());
    }

    @Test
    void anUnreadableTimeLimitIsLeftEmptyAndReportedWithItsRecord() {
        assertEquals(null, services.get(2).legalTimeLimit());
        assertTrue(report().contains("  [2] (id=11440000006939756B2440101007000 无线电频率使用许可（变更）): "
                + "legal_time_limit \"三个月\""), report());
        assertTrue(report().contains("Time limits, legal_time_limit: 3 read, 0 empty, 1 not understood."), report());
    }

    @Test
    void mapsServiceObjectsToAudiences() {
        assertEquals(List.of(Audience.PERSON, Audience.LEGAL), services.get(0).audiences());
        assertEquals(List.of(Audience.PERSON), services.get(1).audiences());
        assertEquals(List.of(Audience.LEGAL), services.get(2).audiences());
        assertEquals(List.of(Audience.PERSON), services.get(3).audiences(), "外国人 is not recognised");
        assertTrue(report().contains("Service objects not recognised, ignored (services): 1"), report());
        assertTrue(report().contains("Records with no recognised service object, shown as for 自然人: 1"), report());
    }

    @Test
    void mapsThemeNamesToNationalThemesOfTheServicesAudiences() {
        assertEquals(List.of("person-999", "legal-999", "person-090"), services.get(0).themeIds());
        assertEquals(List.of("person-120"), services.get(1).themeIds());
        assertEquals(List.of("legal-005"), services.get(2).themeIds(), "户籍办理 exists only for persons");
        assertEquals(List.of(), services.get(3).themeIds());
        assertEquals(List.of("person-090", "person-120", "person-999", "legal-005", "legal-999"),
                result.catalog().themes().stream().map(Theme::id).toList(), "only themes in use, national order");
        List<String> report = result.report();
        int unmatched = report.indexOf("Theme names that match no national theme, left out (services): 3");
        assertTrue(unmatched >= 0, report());
        assertEquals("      2  人才", report.get(unmatched + 1));
        assertEquals("      1  外国人", report.get(unmatched + 2));
        assertTrue(report.contains(
                "Theme names that match only a national theme for the other audience, left out (services): 1"),
                report());
    }

    @Test
    void aStringListingSeveralValuesIsSplitOutsideBrackets() throws Exception {
        String json = """
                [ { "id": "a", "name": "甲", "department": "某厅", "service_objects": "自然人、企业法人",
                    "themes": "社会保障（社会保险、社会救助）；证件办理" } ]
                """;
        Service service = GdServicesImport.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 1,
                GENERATED).catalog().services().get(0);
        assertEquals(List.of(Audience.PERSON, Audience.LEGAL), service.audiences());
        assertEquals(List.of("person-085", "person-090"), service.themeIds());
    }

    @Test
    void aRecordWithoutIdOrNameStillBecomesAService() throws Exception {
        String json = """
                [ { "department": "某厅" }, { "id": "gd-2", "name": "乙", "department": "某厅" } ]
                """;
        ImportResult unnamed = GdServicesImport.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                1, GENERATED);
        assertEquals(List.of("gd-1", "gd-2"), unnamed.catalog().services().stream().map(Service::id).toList());
        assertEquals("未命名事项", unnamed.catalog().services().get(0).name());
        assertTrue(unnamed.report().contains("Records without a name or catalog_name, named 未命名事项 and their id: 1"), unnamed.report().toString());
        assertTrue(unnamed.report().contains("  [0] → gd-1"), unnamed.report().toString());
    }

    @Test
    void departmentsAreOnePerTrimmedNameWithStableIds() throws Exception {
        List<Department> departments = result.catalog().departments();
        assertEquals(List.of("广东省发展和改革委员会", "广东省司法厅", "广东省科学技术厅"),
                departments.stream().map(Department::name).toList());
        assertEquals(services.get(1).departmentId(), services.get(2).departmentId());
        assertTrue(departments.stream().allMatch(d -> d.id().matches("dept-[0-9a-f]{10}")), departments.toString());
        assertEquals(departments, importResource("gd-sample.json").catalog().departments(), "same ids next time");
    }

    @Test
    void readsTheRemainingFields() {
        Service first = services.get(0);
        assertEquals("行政许可", first.type());
        assertEquals("省级", first.level());
        assertEquals(new Location("", "广州市越秀区东风中路305号5号楼808房", "", "", ""), first.location());
        assertEquals("020-34121084", first.consultPhone());
        assertEquals("020-83134173", first.complaintPhone());
        assertEquals(0, first.visits());
        assertTrue(first.onlineApply() && first.booking() && first.courierDelivery());
        assertEquals(List.of("提价申报申请报告", "成本说明 📄"), first.materials().stream().map(Material::name).toList());
        assertEquals(List.of(), first.keywords(), "catalog_name equal to name adds no keyword");

        Service notary = services.get(1);
        assertEquals("020-12345", notary.consultPhone());
        assertEquals("", notary.complaintPhone(), "same as the consult phone");
        assertEquals(1, notary.visits());
        assertFalse(notary.courierDelivery(), "不支持");
        assertEquals("", notary.onlineUrl());

        Service radio = services.get(2);
        assertEquals("无线电频率使用许可（变更）", radio.name(), "an empty name falls back to catalog_name");
        assertEquals(2, radio.visits());
        assertEquals("", radio.onlineUrl(), "not an http(s) address");

        Service foreigners = services.get(3);
        assertEquals(List.of("外国人来华工作许可"), foreigners.keywords(), "a different catalog_name is a keyword");
        assertEquals(null, foreigners.visits(), "一次 is not a number");
        assertFalse(foreigners.courierDelivery());
        assertEquals("http://61.144.19.120/ELSPafv/", foreigners.onlineUrl());
    }

    @Test
    void reportsWhatItCouldNotReadGrouped() {
        List<String> report = result.report();
        assertEquals("Read 5 records: 4 services, 3 departments, 5 of 67 national themes in use.", report.get(0));
        assertTrue(report.contains("Complaint phone equal to consult phone, complaint phone left empty "
                + "(services per number): 1"), report());
        assertTrue(report.contains("      1  020-12345"), report());
        assertTrue(report.contains("Yes/no values not understood, read as no (field and value): 1"), report());
        assertTrue(report.contains("      1  courier_delivery \"可能\""), report());
        assertTrue(report.contains("visits_required values not understood, left unknown: 1"), report());
        assertTrue(report.contains("detail_url values that are not http(s) addresses, left out: 1"), report());
        assertTrue(report.contains("Materials without a name, left out: 1"), report());
    }

    @Test
    void acceptsAByteOrderMarkInTheSource() throws Exception {
        byte[] json = "\uFEFF[]".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, GdServicesImport.read(new ByteArrayInputStream(json), 1, GENERATED).catalog().services().size());
    }

    @Test
    void rejectsASourceThatIsNotAnArray() {
        byte[] json = "{\"services\": []}".getBytes(StandardCharsets.UTF_8);
        CatalogFormatException e = assertThrows(CatalogFormatException.class,
                () -> GdServicesImport.read(new ByteArrayInputStream(json), 1, GENERATED));
        assertEquals("expected a JSON array of service records, got a JSON object", e.getMessage());
    }

    @Test
    void rejectsAVersionBelowOne() {
        assertThrows(IllegalArgumentException.class,
                () -> GdServicesImport.read(new ByteArrayInputStream(new byte[0]), 0, GENERATED));
    }

    private static String report() {
        return String.join("\n", result.report());
    }

    private static ImportResult importResource(String name) throws Exception {
        try (InputStream in = GdServicesImportTest.class.getResourceAsStream(name)) {
            return GdServicesImport.read(in, 5, GENERATED);
        }
    }
}
