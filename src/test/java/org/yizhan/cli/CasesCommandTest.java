package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `yizhan cases import`: good records go in, bad ones are named by line, a second run changes nothing. */
class CasesCommandTest {
    @TempDir
    Path dir;

    private static String record(String number, int steps) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < steps; i++) {
            list.append(i == 0 ? "" : ",").append("{\"name\":\"步骤").append(i + 1).append("\",\"at\":\"2026-11-")
                    .append(20 + i).append("T09:00:00+08:00\",\"office\":\"县政务服务中心\"}");
        }
        return "{\"number\":\"" + number + "\",\"serviceId\":\"gaj-sfz-hl\",\"serviceName\":\"居民身份证换领\","
                + "\"department\":\"云溪县公安局\",\"applicant\":\"赵钱孙\",\"checkKind\":\"phone4\","
                + "\"phone\":\"13911117531\",\"submittedAt\":\"2026-11-20T09:00:00+08:00\",\"steps\":[" + list + "]}";
    }

    @Test
    void goodLinesGoInBadOnesAreNamedAndASecondRunChangesNothing() throws Exception {
        Path file = dir.resolve("cases.jsonl");
        Files.writeString(file, String.join("\n", record("YX2026113000001", 1), "not json",
                record("YX2026113000002", 2).replace("\"phone4\"", "\"phone\""), record("YX2026113000003", 2), ""));
        Path data = dir.resolve("server");
        CommandRun first = CommandRun.of("cases", "import", file.toString(), "--data", data.toString());
        assertEquals(1, first.code(), first.err());
        assertEquals(List.of("line 2: not valid JSON (column 1)", "line 3: checkKind must be phone4 or id6",
                "cases import cases.jsonl: 4 records: 2 added, 0 updated, 0 unchanged, 0 finished too long ago to keep, "
                        + "2 rejected"), first.out());
        byte[] stored = Files.readAllBytes(data.resolve("cases.db"));

        CommandRun second = CommandRun.of("cases", "import", file.toString(), "--data", data.toString());
        assertEquals("cases import cases.jsonl: 4 records: 0 added, 0 updated, 2 unchanged, 0 finished too long ago "
                + "to keep, 2 rejected", second.out().get(2));
        assertTrue(java.util.Arrays.equals(stored, Files.readAllBytes(data.resolve("cases.db"))), "not a byte changed");

        Files.writeString(file, record("YX2026113000001", 2));
        CommandRun newer = CommandRun.of("cases", "import", file.toString(), "--data", data.toString());
        assertEquals(0, newer.code());
        assertEquals(List.of("cases import cases.jsonl: 1 records: 0 added, 1 updated, 0 unchanged, 0 finished too long "
                + "ago to keep, 0 rejected"), newer.out());
        assertFalse(String.join("\n", first.out()).contains("13911117531"));
    }

    @Test
    void csvIsReadByItsName() throws Exception {
        Path file = dir.resolve("cases.csv");
        Files.writeString(file, "number,serviceId,serviceName,department,applicant,checkKind,idNumber,submittedAt,steps\n"
                + "YX2026113000005,mzj-jhdj,内地居民结婚登记,云溪县民政局,钱多多,id6,53012319800186420X,"
                + "2026-11-29T10:00:00+08:00,受理|2026-11-29T10:00:00+08:00|婚姻登记处\n");
        CommandRun run = CommandRun.of("cases", "import", file.toString(), "--data", dir.resolve("server").toString());
        assertEquals(0, run.code(), run.err() + run.out());
        assertTrue(run.out().get(0).contains("1 added"));
    }

    @Test
    void aMissingFileOrABrokenArrayImportsNothing() throws Exception {
        CommandRun missing = CommandRun.of("cases", "import", dir.resolve("nope.jsonl").toString(), "--data", dir.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "[" + record("YX2026113000001", 1) + ",");
        CommandRun run = CommandRun.of("cases", "import", broken.toString(), "--data", dir.resolve("server").toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("nothing was imported"), run.err());
    }
}
