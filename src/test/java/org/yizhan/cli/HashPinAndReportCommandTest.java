package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.config.PinHash;

/** {@code hash-pin} prints a hash that knows its PIN and refuses what is no PIN; {@code report} prints a day. */
class HashPinAndReportCommandTest {
    @TempDir
    Path dir;

    private static CommandRun withInput(String input, String... args) {
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return CommandRun.of(args);
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void aPinOnStandardInputBecomesTheLineToPaste() {
        CommandRun run = withInput("314159\n", "hash-pin");
        assertEquals(0, run.code(), run.err());
        assertEquals(1, run.out().size());
        assertTrue(PinHash.parse(run.out().get(0)).orElseThrow().matches("314159"), run.out().get(0));
        assertTrue(!run.out().get(0).contains("314159"));
    }

    @Test
    void somethingThatIsNoPinPrintsNothing() {
        for (String bad : new String[] {"12\n", "abcd\n", ""}) {
            CommandRun run = withInput(bad, "hash-pin");
            assertEquals(1, run.code());
            assertEquals(0, run.out().size());
            assertTrue(run.err().contains("a PIN is 4 to 12 digits"), run.err());
        }
    }

    @Test
    void theReportPrintsTheDayOrSaysWhereTheDataIs() throws Exception {
        CommandRun missing = CommandRun.of("report", "--data", dir.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("has no queues.json"), missing.err());
        Files.writeString(dir.resolve("queues.json"), """
                {"hall": "测试大厅", "queues": [{"id": "zonghe", "prefix": "Z", "name": "综合", "hours":
                 {"mon-sun": ["00:00-24:00"]}, "dailyCap": 10, "location": "一楼"}]}""");
        CommandRun run = CommandRun.of("report", "--data", dir.toString(), "--date", "2026-11-30");
        assertEquals(0, run.code(), run.err());
        assertEquals("测试大厅 2026-11-30", run.out().get(0));
        assertTrue(String.join("\n", run.out()).contains("综合"), run.out().toString());
    }
}
