package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogValidatorTest {
    private static final String SFZ = "services[0] (id=gaj-sfz-hl 居民身份证换领): ";

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                bad("missing-name", "services[1] (id=gaj-sfz-hl): name is required"),
                bad("blank-name", "services[0] (id=gaj-sfz-hl): name must not be blank"),
                bad("wrong-type", SFZ + "materials[1].originals must be an integer ≥ 0, got \"one\""),
                bad("unknown-field", SFZ + "matrials is not a known field (did you mean \"materials\"?)"),
                bad("dangling-department", SFZ + "departmentId \"gongan\" is not the id of any department"),
                bad("dangling-theme", SFZ + "themeIds[1] \"person-999\" is not the id of any theme"),
                bad("dangling-variant",
                        SFZ + "materials[0].variant \"补领\" is not the name of any of this service's variants"),
                bad("duplicate-id", "services[1] (id=gaj-sfz-hl 居民身份证补领): id \"gaj-sfz-hl\" is already used by services[0]"),
                bad("duplicate-variant", SFZ + "variants[1].name \"补领\" is already the name of variants[0]"),
                bad("bad-enum", SFZ + "audiences[0] must be one of \"person\", \"legal\", got \"people\"",
                        SFZ + "promisedTimeLimit.unit must be one of \"working_days\", \"natural_days\", \"hours\", got \"days\""),
                bad("negative-count", SFZ + "materials[0].copies must be an integer ≥ 0, got -2"),
                bad("bad-url", SFZ + "onlineUrl must be an http:// or https:// address, got \"www.gdzwfw.gov.cn/guide\""),
                bad("same-phones", SFZ + "complaintPhone must differ from consultPhone, both are \"020-12345\""),
                bad("bad-id", "services[0] (id=公安/身份证 居民身份证换领): id must be 1 to 64 of the characters "
                        + "A-Z a-z 0-9 . _ -, got \"公安/身份证\""),
                bad("no-audience", SFZ + "audiences must list at least one of \"person\", \"legal\""),
                bad("wrong-format", "format must be \"yizhan-catalog/1\", got \"yizhan-catalog/2\"",
                        "version must be an integer ≥ 1, got 0",
                        "generatedAt must be an ISO-8601 instant such as \"2026-11-01T08:00:00Z\", got \"2026-11-01 08:00\""),
                bad("missing-lists", "themes is required", "departments is required",
                        "services must be an array, got {}"),
                bad("null-where-not-allowed", "title must be a string, got null",
                        SFZ + "fee.charged is required",
                        SFZ + "steps[0].timeLimit must be an object such as {\"value\": 20, \"unit\": \"working_days\"}, got null",
                        SFZ + "visits must be an integer ≥ 0 or null, got 1.5"),
                bad("bad-theme", "themes[0] (id=person-090 证件办理): audience must be one of \"person\", \"legal\", got \"citizen\"",
                        "themes[0] (id=person-090 证件办理): colour is not a known field",
                        "themes[1] (id=person-090 重复): id \"person-090\" is already used by themes[0]",
                        "departments[0] must be an object, got \"gaj\""),
                bad("not-an-object", "the catalog must be a JSON object, got an array"),
                bad("bom", "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM"),
                bad("utf16", "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8 without BOM"),
                bad("gbk", "the file is not valid UTF-8: byte 0xD4 at offset 42 (is it GBK or another legacy encoding?)"),
                bad("empty", "the file is empty"),
                bad("not-json", "not valid JSON at line 2, column 15: Unexpected close marker '}': expected ']' "
                        + "(for Array starting at line 2, column 13)"),
                bad("trailing-garbage", "unexpected text after the end of the JSON value, at line 2, column 1; "
                        + "was the file concatenated or edited by hand?"),
                bad("duplicate-key", "not valid JSON at line 2, column 11: Duplicate field 'format'"));
    }

    private static Arguments bad(String file, String... problems) {
        return Arguments.of(file, List.of(problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void rejectsABadDocumentNamingTheRecordAndTheField(String file, List<String> expected) throws IOException {
        CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> read("invalid/" + file + ".json"));
        for (String problem : expected) {
            assertTrue(e.problems().contains(problem), "expected\n  " + problem + "\namong\n  "
                    + String.join("\n  ", e.problems()));
        }
    }

    @Test
    void theValidFixtureHasNoProblems() throws Exception {
        assertEquals(List.of(), CatalogValidator.validate(tree("valid-catalog.json")));
    }

    @Test
    void reportsEveryProblemNotOnlyTheFirst() throws Exception {
        List<String> problems = CatalogValidator.validate(tree("invalid/wrong-format.json"));
        assertEquals(3, problems.size(), String.join("\n", problems));
    }

    @Test
    void listsAtMostAHundredProblemsAndSaysThereAreMore() throws Exception {
        ObjectNode root = (ObjectNode) tree("valid-catalog.json");
        ArrayNode services = (ArrayNode) root.get("services");
        for (int i = 0; i < 150; i++) {
            services.addObject().put("id", "bad id " + i).put("name", "事项" + i).put("departmentId", "gaj")
                    .putArray("audiences").add("person");
        }
        List<String> problems = CatalogValidator.validate(root);
        assertEquals(CatalogValidator.MAX_PROBLEMS + 1, problems.size());
        assertTrue(problems.get(0).startsWith("services[2] (id=bad id 0 事项0): id must be"), problems.get(0));
        assertEquals("stopped after 100 problems; there are more", problems.get(100));
    }

    @Test
    void theExceptionMessageShowsTheFirstProblems() {
        CatalogFormatException e = new CatalogFormatException(List.of("a", "b", "c", "d", "e"));
        assertEquals("a; b; c (and 2 more)", e.getMessage());
        assertEquals("a", new CatalogFormatException("a").getMessage());
    }

    @Test
    void shortensLongNamesInLabels() throws Exception {
        ObjectNode root = (ObjectNode) tree("valid-catalog.json");
        ObjectNode service = (ObjectNode) root.get("services").get(1);
        service.put("name", "关于" + "很长的名字".repeat(20));
        service.put("departmentId", "nowhere");
        String problem = CatalogValidator.validate(root).get(0);
        assertTrue(problem.startsWith("services[1] (id=scjgj.gtgsh_dj-1 关于很长的名字很长的名字"), problem);
        assertTrue(problem.contains("…): departmentId \"nowhere\""), problem);
    }

    private static JsonNode tree(String resource) throws Exception {
        try (InputStream in = CatalogValidatorTest.class.getResourceAsStream(resource)) {
            return JsonText.parse(in.readAllBytes(), false);
        }
    }

    private static void read(String resource) throws IOException, CatalogFormatException {
        CatalogJsonTest.read(resource);
    }
}
