package org.yizhan.server.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.json.Json;
import org.yizhan.status.CaseAnswer;
import org.yizhan.status.CaseStep;
import org.yizhan.storage.Database;
import org.yizhan.storage.StoreLocation;

/** The case store's methods, each written and read back, and what its file holds. */
class CaseStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    @TempDir
    Path data;

    private Database open() throws Exception {
        return location().open(CaseSchema.FILE, CaseSchema.SCHEMA, CaseSchema.POSTGRES, CaseSchema.PRAGMAS, false);
    }

    /** Where the store under test is: the data dir here, the county namespace in CaseStorePostgresTest. */
    StoreLocation location() {
        return StoreLocation.sqlite(data);
    }

    private static IncomingCase incoming(String json) throws Exception {
        return CaseFeed.read(Json.mapper().readTree(json));
    }

    @Test
    void aCaseIsWrittenAndReadBackWhole() throws Exception {
        Database db = open();
        IncomingCase c = incoming(Cases.open("YX2026113000001", 2));
        CheckHash.Hashed hashed = CheckHash.of(c.check());
        db.inTransaction(conn -> {
            CaseStore.put(conn, c, hashed, NOW);
            return null;
        });
        CaseAnswer answer = db.inReadTransaction(conn -> CaseStore.answer(conn, "YX2026113000001")).orElseThrow();
        assertEquals(c.answer(), answer);
        assertEquals("赵*孙", answer.applicant());
        assertEquals(List.of(new CaseStep("步骤1", "2026-11-20T09:00:00+08:00", "县政务服务中心", null, false),
                new CaseStep("步骤2", "2026-11-21T09:00:00+08:00", "县政务服务中心", null, true)), answer.steps());

        CaseStore.StoredCheck check = db.inReadTransaction(conn -> CaseStore.check(conn, "YX2026113000001")).orElseThrow();
        assertEquals("phone4", check.kind());
        assertArrayEquals(hashed.salt(), check.hashed().salt());
        assertArrayEquals(hashed.hash(), check.hashed().hash());
        assertEquals(CheckHash.ITERATIONS, check.hashed().iterations());
        assertTrue(CheckHash.matches(check.hashed(), "7531"));
        assertFalse(CheckHash.matches(check.hashed(), "7532"));

        assertEquals(Optional.of(new IncomingCase.Progress(Instant.parse("2026-11-21T01:00:00Z"), 2)),
                db.inReadTransaction(conn -> CaseStore.progress(conn, "YX2026113000001")));
        assertEquals(1, db.inReadTransaction(CaseStore::count));
        assertEquals(Optional.empty(), db.inReadTransaction(conn -> CaseStore.answer(conn, "YX2026113000002")));
        assertEquals(Optional.empty(), db.inReadTransaction(conn -> CaseStore.check(conn, "YX2026113000002")));

        IncomingCase newer = incoming(Cases.open("YX2026113000001", 3));
        db.inTransaction(conn -> {
            CaseStore.put(conn, newer, CheckHash.of(newer.check()), NOW);
            return null;
        });
        assertEquals(1, db.inReadTransaction(CaseStore::count), "put replaces the case with its number");
        assertEquals(3, db.inReadTransaction(conn -> CaseStore.answer(conn, "YX2026113000001")).orElseThrow().steps().size());

        boolean deleted = db.<Boolean>inTransaction(conn -> CaseStore.delete(conn, "YX2026113000001"));
        boolean again = db.<Boolean>inTransaction(conn -> CaseStore.delete(conn, "YX2026113000001"));
        assertTrue(deleted);
        assertFalse(again);
        assertEquals(0, db.inReadTransaction(CaseStore::count));
    }

    @Test
    void onlyFinishedCasesBeforeTheCutOffArePurged() throws Exception {
        Database db = open();
        for (IncomingCase c : List.of(incoming(Cases.finished("YX2026113000009", "2026-08-01T10:00:00+08:00")),
                incoming(Cases.finished("YX2026113000008", "2026-11-01T10:00:00+08:00")),
                incoming(Cases.open("YX2026113000001", 1)))) {
            db.inTransaction(conn -> {
                CaseStore.put(conn, c, CheckHash.of(c.check()), NOW);
                return null;
            });
        }
        int old = db.<Integer>inTransaction(conn -> CaseStore.purgeFinishedBefore(conn, Instant.parse("2026-09-01T00:00:00Z")));
        assertEquals(1, old);
        assertEquals(2, db.inReadTransaction(CaseStore::count));
        int recent = db.<Integer>inTransaction(conn -> CaseStore.purgeFinishedBefore(conn, NOW));
        assertEquals(1, recent);
        assertTrue(db.inReadTransaction(conn -> CaseStore.answer(conn, "YX2026113000001")).isPresent());
    }

    @Test
    void theFileHoldsNoCheckNoPhoneNoIdNumberAndNoFullName() throws Exception {
        try (CaseService cases = CaseService.open(data, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC), true)) {
            ImportReport report = cases.take(FeedFormat.lines(Cases.open("YX2026113000001", 2) + "\n"
                    + Cases.finished("YX2026113000009", "2026-11-29T10:00:00+08:00")));
            assertEquals(2, report.added());
        }
        byte[] bytes = concat(data.resolve("cases.db"), data.resolve("cases.db-wal"));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String secret : List.of("7531", "13911117531", "86420X", "53012319800186420X", "赵钱孙", "钱多多",
                // the demo's: phones, ID numbers, checks and full names
                "13800001234", "1234", "12345X", "53012319900112345X", "张三丰", "欧阳娜娜", "5678", "13900005678",
                "139-0000-5678", "13700004321", "4321", "李四", "530123198805060011", "060011", "王小明")) {
            String latin = new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(latin), "the case store holds " + secret);
        }
        assertTrue(text.contains(new String("赵*孙".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)),
                "the masked name is there, so the search above looks at the right bytes");
    }

    @Test
    void namesAreMaskedByCodePoint() {
        assertEquals("张*", ApplicantMask.mask("张三", "person"));
        assertEquals("张*丰", ApplicantMask.mask("张三丰", "person"));
        assertEquals("欧**娜", ApplicantMask.mask("欧阳娜娜", "person"));
        assertEquals("阿******提", ApplicantMask.mask("阿依古丽·买买提", "person"));
        assertEquals("*", ApplicantMask.mask("张", "person"));
        assertEquals("𠮷*", ApplicantMask.mask("𠮷三", "person"));
        assertEquals("云溪县青禾农业科技有限公司", ApplicantMask.mask(" 云溪县青禾农业科技有限公司 ", "company"));
    }

    @Test
    void numbersAndChecksAreNormalisedAsTheContractSays() {
        assertEquals(Optional.of("YX2026112300123"), CaseNumbers.number(" ｙｘ２０２６112300123\u3000"));
        assertEquals(Optional.of("AB-123456"), CaseNumbers.number("ab-123456"));
        assertEquals(Optional.empty(), CaseNumbers.number("AB_123456"));
        assertEquals(Optional.empty(), CaseNumbers.number("AB12"));
        assertEquals(Optional.empty(), CaseNumbers.number("A".repeat(41)));
        assertEquals(Optional.of("12345X"), CaseNumbers.check("１２３４５ｘ"));
        assertEquals(Optional.of("1234"), CaseNumbers.check("1234"));
        assertEquals(Optional.empty(), CaseNumbers.check("123X"));
        assertEquals(Optional.empty(), CaseNumbers.check("12345"));
        assertTrue(CaseNumbers.fits("1234", "phone4"));
        assertFalse(CaseNumbers.fits("1234", "id6"));
    }

    @Test
    void feedRecordsAreCheckedFieldByFieldWithoutRepeatingValues() throws Exception {
        String good = Cases.open("YX2026113000001", 2);
        record Bad(String json, String reason) {
        }
        for (Bad bad : List.of(
                new Bad(good.replace("\"phone\":\"13911117531\"", "\"phone\":\"13x\""), "phone must be 7 to 15 digits"),
                new Bad(good.replace("\"phone\":\"13911117531\",", ""), "give either phone or check for checkKind phone4, exactly one"),
                new Bad(good.replace("YX2026113000001", "YX<b>"), "number must be 6 to 40 letters, digits or hyphens"),
                new Bad(good.replace("\"applicant\":\"赵钱孙\",", ""), "applicant is missing"),
                new Bad(good.replace("2026-11-20T09:00:00+08:00\",\"promisedBy", "yesterday\",\"promisedBy"),
                        "submittedAt must be a time with offset, e.g. 2026-11-23T09:12:00+08:00"),
                new Bad(good.replace("\"promisedBy\":\"2026-12-10\"", "\"promisedBy\":\"12/10\""), "promisedBy must be a date yyyy-MM-dd"),
                new Bad(good.replace("\"steps\":[", "\"phonee\":1,\"steps\":["), "unknown field \"phonee\"; the fields are in docs/status.md"),
                new Bad(good.replace("2026-11-21T09", "2026-11-19T09"), "steps[2].at is earlier than the step before it; steps go in time order"),
                new Bad(good.replace("\"steps\":[", "\"result\":\"maybe\",\"steps\":["),
                        "result must be approved (准予), refused (不予) or supplement (补正), or absent"))) {
            FeedProblem problem = org.junit.jupiter.api.Assertions.assertThrows(FeedProblem.class, () -> incoming(bad.json()));
            assertEquals(bad.reason(), problem.getMessage());
        }
        JsonNode id = Json.mapper().readTree(Cases.finished("YX2026113000009", "2026-11-29T10:00:00+08:00"));
        IncomingCase c = CaseFeed.read(id);
        assertEquals("86420X", c.check());
        assertEquals("approved", c.answer().result());
        assertEquals(Instant.parse("2026-11-29T02:00:00Z"), c.finishedAt());
        assertFalse(c.toString().contains("86420X"));
    }

    @Test
    void csvRowsBecomeTheSameCases() throws Exception {
        String csv = "\uFEFFnumber,serviceId,serviceName,department,applicant,applicantKind,checkKind,phone,idNumber,"
                + "submittedAt,promisedBy,steps,result,resultNote,collectWhere,collectWhen,materialsToAdd,finished\r\n"
                + "YX2026113000001,gaj-sfz-hl,居民身份证换领,云溪县公安局,赵钱孙,person,phone4,13911117531,,"
                + "2026-11-20T09:00:00+08:00,2026-12-10,\"步骤1|2026-11-20T09:00:00+08:00|县政务服务中心;"
                + "步骤2|2026-11-21T09:00:00+08:00|县政务服务中心\",,,,,,false\r\n"
                + "YX2026113000002,gaj,\"名称, 带逗号\",部门,X,person,phone4,123,,2026-11-20T09:00:00+08:00,,"
                + "受理|2026-11-20T09:00:00+08:00|窗口,,,,,,\r\n";
        List<FeedEntry> entries = CsvFeed.read(csv);
        assertEquals(2, entries.size());
        assertEquals(3, entries.get(1).line(), "the header is line 1");
        assertEquals(incoming(Cases.open("YX2026113000001", 2)).answer(), CaseFeed.read(entries.get(0).node()).answer());
        FeedProblem problem = org.junit.jupiter.api.Assertions.assertThrows(FeedProblem.class,
                () -> CaseFeed.read(entries.get(1).node()));
        assertEquals("phone must be 7 to 15 digits", problem.getMessage());
        assertEquals(4, CsvFeed.rows("a,b\n\"x\ny\",z\nc,d").get(2).line(), "a quoted line break stays in its row");
    }

    private static byte[] concat(Path... files) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Path file : files) {
            if (Files.exists(file)) {
                out.write(Files.readAllBytes(file));
            }
        }
        return out.toByteArray();
    }
}
