package org.yizhan.server.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The status endpoints on a real hall server on loopback, with an injected clock (docs/protocol.md). */
class StatusServerTest {
    static final String IN_PROGRESS = "YX2026112300123";
    static final String FINISHED = "YX2026111800456";

    @TempDir
    Path data;
    StatusFixture hall;

    @BeforeEach
    void start() throws Exception {
        hall = new StatusFixture(data);
    }

    @AfterEach
    void stop() {
        hall.close();
    }

    @Test
    void theDemoCaseIsFoundWithItsCheckAndShownMasked() throws Exception {
        StatusFixture.Answer answer = hall.lookup(IN_PROGRESS, "1234");
        assertEquals(200, answer.status(), answer.body());
        JsonNode c = answer.json();
        assertEquals(IN_PROGRESS, c.get("number").asText());
        assertEquals("gaj-sfz-sl", c.get("serviceId").asText());
        assertEquals("张*丰", c.get("applicant").asText());
        assertEquals("2026-11-23T09:12:00+08:00", c.get("submittedAt").asText());
        assertEquals("2026-12-18", c.get("promisedBy").asText());
        assertEquals(2, c.get("steps").size());
        assertFalse(c.get("steps").get(0).get("current").asBoolean());
        assertTrue(c.get("steps").get(1).get("current").asBoolean());
        assertEquals("审查", c.get("steps").get(1).get("name").asText());
        assertTrue(c.get("result").isNull());
        assertFalse(c.get("finished").asBoolean());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));

        JsonNode done = hall.lookup(" ｙｘ2026111800456 ", "12345x").json();
        assertEquals("欧**娜", done.get("applicant").asText());
        assertEquals("approved", done.get("result").asText());
        assertTrue(done.get("finished").asBoolean());
        assertTrue(done.get("collectWhere").asText().contains("5号窗口"));
        done.get("steps").forEach(step -> assertFalse(step.get("current").asBoolean()));

        JsonNode company = hall.lookup("YX2026112000789", "5678").json();
        assertEquals("云溪县青禾农业科技有限公司", company.get("applicant").asText());
        assertEquals("supplement", company.get("result").asText());
        assertEquals(2, company.get("materialsToAdd").size());
        assertEquals("李*", hall.lookup("YX2026110200321", "4321").json().get("applicant").asText());
    }

    @Test
    void aWrongCheckAndAnUnknownNumberGetTheSameAnswer() throws Exception {
        StatusFixture.Answer wrong = hall.lookup(IN_PROGRESS, "9999");
        StatusFixture.Answer unknown = hall.lookup("YX2099010100001", "1234");
        StatusFixture.Answer wrongKind = hall.lookup(IN_PROGRESS, "001234");
        assertEquals(404, wrong.status());
        assertEquals("not_found", wrong.json().get("error").asText());
        assertEquals(wrong.status(), unknown.status());
        assertEquals(wrong.body(), unknown.body());
        assertEquals(wrong.body(), wrongKind.body());
        assertFalse(wrong.body().contains(IN_PROGRESS) || wrong.body().contains("9999"));
    }

    @Test
    void anUnknownNumberTakesAsLongAsAWrongCheck() throws Exception {
        // Warm up both paths (JIT, SQLite's statement cache) before measuring.
        for (int i = 0; i < 3; i++) {
            hall.lookup(i % 2 == 0 ? FINISHED : "YX2026112000789", "9999", "warm-" + i);
            hall.lookup("YX2099010100001", "9999", "warm-" + i);
        }
        List<Long> wrong = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int i = t;
            // Interleaved, each from a fresh kiosk and number so no limit is reached; a busy machine slows both alike.
            wrong.add(timed(() -> hall.lookup(i % 2 == 0 ? IN_PROGRESS : "YX2026110200321", "000" + i, "t-w" + i)));
            unknown.add(timed(() -> hall.lookup("YX20990101000" + (10 + i), "000" + i, "t-u" + i)));
        }
        long wrongMedian = median(wrong);
        long unknownMedian = median(unknown);
        assertTrue(wrongMedian > 5_000_000, "the slow hash runs for a wrong check: " + wrongMedian + " ns");
        assertTrue(unknownMedian * 2 >= wrongMedian,
                "unknown " + unknownMedian / 1_000_000 + " ms vs wrong check " + wrongMedian / 1_000_000 + " ms");
        assertTrue(wrongMedian * 2 >= unknownMedian,
                "unknown " + unknownMedian / 1_000_000 + " ms vs wrong check " + wrongMedian / 1_000_000 + " ms");
    }

    @Test
    void fiveFailuresForOneNumberLockItForFifteenMinutes() throws Exception {
        for (int i = 0; i < LookupLimits.PER_NUMBER; i++) {
            assertEquals(404, hall.lookup(IN_PROGRESS, "000" + i, "kiosk-" + i).status());
            hall.clock.advance(Duration.ofMinutes(1));
        }
        StatusFixture.Answer refused = hall.lookup(IN_PROGRESS, "1234", "another-kiosk");
        assertEquals(429, refused.status(), "even the right check waits");
        assertEquals("too_many_tries", refused.json().get("error").asText());
        // The first failure was 5 minutes ago: it leaves the 15-minute window in 10 minutes.
        assertEquals(600, refused.json().get("retryAfterSeconds").asLong());
        assertEquals("600", refused.headers().firstValue("Retry-After").orElse(""));
        assertEquals(429, hall.lookup(" yx2026112300123", "1234").status(), "the same number, however typed");
        assertEquals(200, hall.lookup(FINISHED, "12345X").status(), "other numbers are not locked");

        hall.clock.advance(Duration.ofMinutes(10));
        assertEquals(200, hall.lookup(IN_PROGRESS, "1234").status());
    }

    @Test
    void twentyFailuresFromOneKioskLockThatKiosk() throws Exception {
        for (int i = 0; i < LookupLimits.PER_KIOSK; i++) {
            assertEquals(404, hall.lookup(String.format("YX20990101%05d", i), "1234", "kiosk-7").status());
        }
        StatusFixture.Answer refused = hall.lookup(IN_PROGRESS, "1234", "kiosk-7");
        assertEquals(429, refused.status());
        assertEquals(900, refused.json().get("retryAfterSeconds").asLong());
        assertEquals(200, hall.lookup(IN_PROGRESS, "1234", "kiosk-8").status());
        hall.clock.advance(LookupLimits.WINDOW);
        assertEquals(200, hall.lookup(IN_PROGRESS, "1234", "kiosk-7").status());
    }

    @Test
    void lookupsWithoutAKioskNameCountTogether() throws Exception {
        for (int i = 0; i < LookupLimits.PER_KIOSK; i++) {
            hall.lookup(String.format("YX20990101%05d", i), "1234", null);
        }
        assertEquals(429, hall.lookup(IN_PROGRESS, "1234", null).status());
    }

    @Test
    void malformedInputIsA400ThatRepeatsNothing() throws Exception {
        String[][] inputs = {
                {"YX20261123ABCDE", "12a4"}, {"X".repeat(500), "1234"}, {IN_PROGRESS, "1".repeat(500)},
                {"YX2026' OR '1'='1", "1234"}, {"YX2026\"; DROP TABLE cases; --", "1234"},
                {"<script>alert(1)</script>", "1234"}, {IN_PROGRESS, "<b>12</b>"}, {"YX2026😀112300123", "1234"},
                {IN_PROGRESS, "12😀4"}, {"YX2026112300123\u0000", "1234"}, {IN_PROGRESS, "12\u000034"},
                {"", "1234"}, {IN_PROGRESS, ""}, {"YX20", "1234"}, {IN_PROGRESS, "12345"}, {IN_PROGRESS, "1234567"}};
        for (String[] input : inputs) {
            StatusFixture.Answer answer = hall.lookup(input[0], input[1]);
            assertEquals(400, answer.status(), Arrays.toString(input));
            assertEquals("bad_request", answer.json().get("error").asText());
            assertEquals(StatusRoutes.MALFORMED, answer.json().get("message").asText(), "one fixed text");
        }
        for (String body : new String[] {"{\"number\":", "not json", "[1,2]", "{\"number\":123,\"check\":1234}",
                "{\"number\":\"" + IN_PROGRESS + "\"}", "{\"number\":\"YX\u0000\",\"check\":\"1234\"}",
                "{\"number\":\"" + "Y".repeat(2000) + "\",\"check\":\"1234\"}", "null"}) {
            StatusFixture.Answer answer = hall.post("status/lookup", body, "application/json", "Bearer " + hall.secret, "k");
            assertEquals(400, answer.status(), body);
            assertEquals(StatusRoutes.MALFORMED, answer.json().get("message").asText(), body);
        }
        assertEquals(400, hall.post("status/lookup", "{}", "text/plain", "Bearer " + hall.secret, "k").status());
        assertEquals(200, hall.lookup(IN_PROGRESS, "1234").status(), "malformed input counts as no failure");
    }

    @Test
    void withoutTheHallSecretBothEndpointsAre401() throws Exception {
        String lookup = "{\"number\":\"" + IN_PROGRESS + "\",\"check\":\"1234\"}";
        for (String authorization : new String[] {null, "Bearer wrong", hall.secret, "Bearer " + hall.secret + "x"}) {
            StatusFixture.Answer answer = hall.post("status/lookup", lookup, "application/json", authorization, "k");
            assertEquals(401, answer.status());
            assertEquals("unauthorized", answer.json().get("error").asText());
            assertFalse(answer.body().contains("张"));
            assertEquals(401, hall.post("status/cases", Cases.open("YX2026113000001", 1), "application/x-ndjson",
                    authorization, null).status());
        }
    }

    @Test
    void thePushTakesTheGoodRecordsAndReportsTheBadOnesByLine() throws Exception {
        String body = String.join("\n", Cases.open("YX2026113000001", 1), "{broken", "",
                Cases.open("YX2026113000002", 2).replace("\"phone4\"", "\"phone5\""), Cases.open("YX2026113000003", 2));
        StatusFixture.Answer answer = hall.push(body);
        assertEquals(200, answer.status(), answer.body());
        JsonNode report = answer.json();
        assertEquals(2, report.get("added").asInt());
        assertEquals(2, report.get("rejected").size());
        assertEquals(2, report.get("rejected").get(0).get("line").asInt());
        assertEquals(4, report.get("rejected").get(1).get("line").asInt());
        assertEquals("checkKind must be phone4 or id6", report.get("rejected").get(1).get("reason").asText());
        assertFalse(answer.body().contains("13911117531") || answer.body().contains("赵钱孙"));
        assertEquals("赵*孙", hall.lookup("YX2026113000001", "7531").json().get("applicant").asText());

        JsonNode again = hall.push(body).json();
        assertEquals(0, again.get("added").asInt());
        assertEquals(2, again.get("unchanged").asInt());

        JsonNode newer = hall.push("[" + Cases.open("YX2026113000001", 3) + ",\n" + Cases.open("YX2026113000003", 1)
                + "]").json();
        assertEquals(1, newer.path("updated").asInt(), newer.toString());
        assertEquals(1, newer.get("unchanged").asInt(), "an older version changes nothing");
        assertEquals(3, hall.lookup("YX2026113000001", "7531").json().get("steps").size());
        assertEquals(2, hall.lookup("YX2026113000003", "7531").json().get("steps").size());

        assertEquals(400, hall.push("[{\"number\":").status());
        assertEquals(400, hall.push("").status());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= StatusRoutes.PUSH_RECORDS; i++) {
            many.append("{}\n");
        }
        assertEquals(413, hall.push(many.toString()).status());
        assertEquals(413, hall.push("x".repeat(StatusRoutes.PUSH_CAP + 1)).status());
    }

    @Test
    void finishedCasesArePurgedAfterTheRetentionPeriod() throws Exception {
        hall.push(Cases.finished("YX2026113000009", "2026-11-29T10:00:00+08:00") + "\n" + Cases.open("YX2026113000001", 1));
        assertEquals(200, hall.lookup("YX2026113000009", "86420X").status());
        int before = hall.server.cases().count();
        hall.clock.advance(CaseService.RETENTION.minusDays(1));
        assertEquals(2, hall.server.cases().purge(), "the two finished demo cases, a week older");
        assertEquals(200, hall.lookup("YX2026113000009", "86420X").status());
        hall.clock.advance(Duration.ofDays(2));
        assertEquals(1, hall.server.cases().purge());
        assertEquals(before - 3, hall.server.cases().count());
        assertEquals(404, hall.lookup("YX2026113000009", "86420X", "k2").status());
        assertEquals(200, hall.lookup("YX2026113000001", "7531", "k2").status(), "an open case stays");
        JsonNode late = hall.push(Cases.finished("YX2026113000009", "2026-11-29T10:00:00+08:00")).json();
        assertEquals(1, late.get("skipped").asInt(), "a case finished too long ago is not taken again");
    }

    @Test
    void noLogLineCarriesTheNumberOrTheCheck() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            hall.lookup(IN_PROGRESS, "1234");
            hall.lookup(IN_PROGRESS, "8765");
            hall.lookup("YX2099010100777", "8765");
            hall.lookup("YX2099010100777<>", "8765");
            for (int i = 0; i < 6; i++) {
                hall.lookup(FINISHED, "87650" + i);
            }
            hall.push(Cases.open("YX2026113000001", 1) + "\n{\"number\":\"YX2026113000002\",\"phone\":\"13911117531\"}");
        } finally {
            root.detachAppender(logs);
        }
        assertFalse(logs.list.isEmpty(), "failures are logged, without values");
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage() + " " + Arrays.toString(event.getArgumentArray());
            for (String secret : List.of(IN_PROGRESS, FINISHED, "YX2099010100777", "YX2026113000001", "1234", "8765",
                    "876500", "13911117531", "7531", "赵钱孙")) {
                assertFalse(line.contains(secret), secret + " in: " + line);
            }
        }
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static long timed(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
