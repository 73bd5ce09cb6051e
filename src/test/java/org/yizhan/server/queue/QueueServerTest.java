package org.yizhan.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.testing.SetClock;

/** The queue endpoints on a real hall server on loopback, with an injected clock (docs/protocol.md). */
class QueueServerTest {
    /** Monday 2026-11-30, 10:00 in Beijing. */
    static final Instant MONDAY_10 = SetClock.shanghai("2026-11-30T10:00");

    @TempDir
    Path data;
    QueueFixture hall;

    @AfterEach
    void stop() {
        if (hall != null) {
            hall.close();
        }
    }

    private QueueFixture start(Instant at, String queuesJson) throws Exception {
        hall = new QueueFixture(data, new SetClock(at), queuesJson);
        return hall;
    }

    @Test
    void aFreshDataDirectoryGetsTheDemoQueuesAndAnOwnerOnlySecret() throws Exception {
        start(MONDAY_10, null);
        assertTrue(Files.isRegularFile(data.resolve("queues.json")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("hall.secret"))));
        assertTrue(hall.secret.matches("[A-Za-z0-9_-]{43}"), hall.secret);
        JsonNode board = hall.get("queue/queues").json();
        assertEquals("云溪县政务服务中心", board.get("hall").asText());
        assertEquals("2026-11-30", board.get("businessDate").asText());
        assertEquals("Asia/Shanghai", board.get("timeZone").asText());
        JsonNode huji = board.get("queues").get(0);
        assertEquals("huji", huji.get("id").asText());
        assertTrue(huji.get("open").asBoolean());
        assertEquals("08:30-12:00, 14:00-17:30", huji.get("hoursToday").asText());
        assertTrue(huji.get("estimatedWaitMinutes").isNull(), "no history, no window: no figure");
        assertEquals(0, huji.get("waiting").asInt());
        assertEquals(List.of("gaj", "gaj-crj"), strings(huji.get("services").get("departments")));
    }

    @Test
    void writesNeedTheHallSecret() throws Exception {
        start(MONDAY_10, null);
        String body = "{\"queue\":\"huji\"}";
        for (String authorization : new String[] {null, "Bearer wrong", "Bearer " + hall.secret + "x", hall.secret,
                "Basic " + hall.secret}) {
            QueueFixture.Answer answer = hall.post("queue/tickets", body, authorization);
            assertEquals(401, answer.status(), String.valueOf(authorization));
            assertEquals("unauthorized", answer.error());
        }
        assertEquals(401, hall.post("queue/windows/1/sign-in", "{\"queues\":[\"huji\"]}", null).status());
        assertEquals(401, hall.post("queue/tickets/AAAAAAAAAAAAAAAAAAAAAA/printed", null, null).status());
        assertEquals(201, hall.post("queue/tickets", body).status());
        assertFalse(Files.readString(data.resolve("queues.json")).contains(hall.secret));
    }

    @Test
    void aNumberIsIssuedThenPrintedAndCountsOnlyThen() throws Exception {
        start(MONDAY_10, null);
        QueueFixture.Answer issued = hall.post("queue/tickets", "{\"queue\":\"huji\",\"priority\":false}");
        assertEquals(201, issued.status(), issued.body());
        JsonNode t = issued.json();
        String code = t.get("code").asText();
        assertTrue(code.matches("[A-Za-z0-9_-]{22}"), code);
        assertEquals("A001", t.get("number").asText());
        assertEquals("issued", t.get("state").asText());
        assertEquals("2026-11-30T10:00:00+08:00", t.get("issuedAt").asText());
        assertEquals("/t/" + code, t.get("statusPath").asText());
        assertEquals("一楼 A 区", t.get("location").asText());
        assertEquals(0, hall.get("queue/queues").json().get("queues").get(0).get("waiting").asInt(),
                "an unprinted number waits for nobody");

        JsonNode printed = hall.post("queue/tickets/" + code + "/printed", null).json();
        assertEquals("printed", printed.get("state").asText());
        assertEquals("printed", hall.post("queue/tickets/" + code + "/printed", null).json().get("state").asText(),
                "saying printed twice is fine");
        assertEquals(1, hall.get("queue/queues").json().get("queues").get(0).get("waiting").asInt());
        assertEquals("printed", hall.get("queue/tickets/" + code).json().get("state").asText());
        QueueFixture.Answer late = hall.post("queue/tickets/" + code + "/void", "{\"reason\":\"paper_out\"}");
        assertEquals(409, late.status());
        assertEquals("wrong_state", late.error());

        JsonNode second = hall.take("huji", false);
        assertEquals("A002", second.get("number").asText());
        assertEquals(1, second.get("ahead").asInt());
    }

    @Test
    void aVoidedNumberIsNeverPrintedAndTheNextOneIsNotLost() throws Exception {
        start(MONDAY_10, null);
        String code = hall.post("queue/tickets", "{\"queue\":\"shebao\"}").json().get("code").asText();
        JsonNode voided = hall.post("queue/tickets/" + code + "/void", "{\"reason\":\"paper_out\"}").json();
        assertEquals("voided", voided.get("state").asText());
        assertEquals("voided", hall.post("queue/tickets/" + code + "/void", null).json().get("state").asText());
        QueueFixture.Answer printed = hall.post("queue/tickets/" + code + "/printed", null);
        assertEquals(409, printed.status());
        assertEquals("wrong_state", printed.error());
        assertEquals("B002", hall.take("shebao", false).get("number").asText());
        assertEquals(400, hall.post("queue/tickets/" + code + "/void", "{\"reason\":\"Paper Out!\"}").status());
    }

    @Test
    void aNumberNotConfirmedWithinTwoMinutesIsVoidedBySweep() throws Exception {
        start(MONDAY_10, null);
        String stale = hall.post("queue/tickets", "{\"queue\":\"huji\"}").json().get("code").asText();
        hall.clock.advance(Duration.ofSeconds(119));
        assertEquals(0, hall.server.queues().sweep());
        hall.clock.advance(Duration.ofSeconds(2));
        assertEquals(1, hall.server.queues().sweep());
        assertEquals("voided", hall.get("queue/tickets/" + stale).json().get("state").asText());
        assertEquals(0, hall.get("queue/queues").json().get("queues").get(0).get("waiting").asInt());
    }

    @Test
    void aSweptNumberItsKioskReportsPrintedTheSameDayGoesBackInItsPlace() throws Exception {
        start(MONDAY_10, null);
        String late = issued("huji");
        String next = issued("huji");
        assertEquals(200, hall.post("queue/tickets/" + next + "/printed", null).status());
        hall.clock.advance(Duration.ofMinutes(10));
        assertEquals(1, hall.server.queues().sweep(), "the kiosk's link was down for 10 minutes");
        assertEquals(0, hall.get("queue/tickets/" + next).json().get("ahead").asInt());

        QueueFixture.Answer printed = hall.post("queue/tickets/" + late + "/printed", null);
        assertEquals(200, printed.status(), printed.body());
        assertEquals("printed", printed.json().get("state").asText());
        assertEquals("A001", printed.json().get("number").asText());
        assertEquals(0, printed.json().get("ahead").asInt(), "in its place: issued first, first in the line");
        assertEquals(1, hall.get("queue/tickets/" + next).json().get("ahead").asInt());
        assertEquals(2, hall.get("queue/queues").json().get("queues").get(0).get("waiting").asInt());
        List<Ticket> day = hall.server.queues().ticketsOf(java.time.LocalDate.parse("2026-11-30"));
        assertNull(day.get(0).voidReason(), "no longer voided");
        String events = String.join("\n", events());
        assertTrue(events.contains("\"type\":\"ticket.printed\",\"at\":\"2026-11-30T10:10:00+08:00\",\"queue\":\"huji\","
                + "\"number\":\"A001\",\"priority\":false,\"late\":true"), events);

        assertEquals(200, hall.post("queue/windows/w1/sign-in", "{\"queues\":[\"huji\"]}").status());
        assertEquals("A001", hall.post("queue/windows/w1/call-next", null).json().get("number").asText(),
                "called before the numbers after it");
    }

    @Test
    void aSweptNumberReportedPrintedOnAnotherDayStaysVoidedAndSaysWhy() throws Exception {
        start(MONDAY_10, QueueFixture.ALL_DAY);
        String late = issued("huji");
        hall.clock.advance(Duration.ofDays(1));
        hall.server.queues().sweep();
        QueueFixture.Answer printed = hall.post("queue/tickets/" + late + "/printed", null);
        assertEquals(409, printed.status());
        assertEquals("past_day", printed.error());
        assertTrue(printed.json().get("message").asText().startsWith("A001 of 2026-11-30 was voided"), printed.body());
    }

    @Test
    void aNumberTheKioskVoidedIsNeverPrintedAfterwards() throws Exception {
        start(MONDAY_10, null);
        String code = issued("huji");
        assertEquals(200, hall.post("queue/tickets/" + code + "/void", "{\"reason\":\"paper_out\"}").status());
        QueueFixture.Answer printed = hall.post("queue/tickets/" + code + "/printed", null);
        assertEquals(409, printed.status());
        assertEquals("wrong_state", printed.error());
    }

    @Test
    void theSameIdempotencyKeyIsAnsweredAsBeforeAndChangesNothing() throws Exception {
        start(MONDAY_10, null);
        String code = issued("huji");
        String key = "0123456789abcdef0123456789abcdef";
        QueueFixture.Answer first = keyed("queue/tickets/" + code + "/printed", key, "{}");
        assertEquals(200, first.status(), first.body());
        int events = events().size();
        assertEquals(200, hall.post("queue/windows/w1/sign-in", "{\"queues\":[\"huji\"]}").status());
        assertEquals(200, hall.post("queue/windows/w1/call-next", null).status());

        QueueFixture.Answer again = keyed("queue/tickets/" + code + "/printed", key, "{}");
        assertEquals(200, again.status());
        assertEquals(first.body(), again.body(), "the first answer, word for word");
        assertEquals("called", hall.get("queue/tickets/" + code).json().get("state").asText(), "nothing changed");
        assertEquals(events + 2, events().size(), "sign-in and call: no second printed");

        QueueFixture.Answer reused = keyed("queue/tickets/" + code + "/void", key, "{\"reason\":\"paper_out\"}");
        assertEquals(422, reused.status());
        assertEquals("key_reused", reused.error());
        assertEquals(400, keyed("queue/tickets/" + code + "/printed", "short", "{}").status());
        assertEquals(400, keyed("queue/tickets/" + code + "/printed", "x".repeat(65), "{}").status());
    }

    /** Takes a number and does not say it was printed; its code. */
    private String issued(String queue) throws Exception {
        QueueFixture.Answer issued = hall.post("queue/tickets", "{\"queue\":\"" + queue + "\"}");
        assertEquals(201, issued.status(), issued.body());
        return issued.json().get("code").asText();
    }

    /** The day's events so far, as the stream sends them. */
    private List<String> events() {
        java.util.function.Consumer<List<QueueEvent>> none = batch -> { };
        List<QueueEvent> day = hall.server.queues().events().subscribe(0, none);
        hall.server.queues().events().unsubscribe(none);
        return day.stream().map(QueueEvent::json).toList();
    }

    private QueueFixture.Answer keyed(String path, String key, String body) throws Exception {
        return hall.send(HttpRequest.newBuilder(hall.server.baseUri().resolve(path))
                .header("Authorization", "Bearer " + hall.secret).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void numbersNeverPrintedDoNotHoldTheCapForLong() throws Exception {
        start(MONDAY_10, QueueFixture.ALL_DAY);
        for (int i = 0; i < 5; i++) {
            assertEquals(201, hall.post("queue/tickets", "{\"queue\":\"huji\"}").status());
        }
        assertEquals("cap_reached", hall.post("queue/tickets", "{\"queue\":\"huji\"}").error());
        hall.clock.advance(QueueService.PRINT_TIMEOUT.plusSeconds(1));
        // Taking a number sweeps first: the five were never printed, so they no longer count.
        JsonNode next = hall.take("huji", false);
        assertEquals("A006", next.get("number").asText());
        assertEquals(0, next.get("ahead").asInt());
    }

    @Test
    void midnightInBeijingStartsTheNumbersAgain() throws Exception {
        start(SetClock.shanghai("2026-11-30T23:59"), QueueFixture.ALL_DAY);
        assertEquals("B001", hall.take("shebao", false).get("number").asText());
        JsonNode late = hall.take("shebao", false);
        assertEquals("B002", late.get("number").asText());
        assertEquals("2026-11-30", late.get("businessDate").asText());
        hall.clock.set(SetClock.shanghai("2026-12-01T00:01"));
        JsonNode next = hall.take("shebao", false);
        assertEquals("B001", next.get("number").asText());
        assertEquals("2026-12-01", next.get("businessDate").asText());
        assertEquals(0, next.get("ahead").asInt(), "yesterday's line is not today's");
        assertEquals("2026-12-01", hall.get("queue/queues").json().get("businessDate").asText());
        // Yesterday's tickets are still there, with their numbers.
        assertEquals(2, hall.server.queues().ticketsOf(java.time.LocalDate.parse("2026-11-30")).size());
    }

    @Test
    void eightInTheMorningInBeijingIsNotMidnight() throws Exception {
        // 07:59 and 08:01 in Beijing are 23:59 and 00:01 UTC: a UTC date would start again at 08:00.
        start(SetClock.shanghai("2026-12-01T07:59"), QueueFixture.ALL_DAY);
        assertEquals("2026-11-30T23:59:00Z", hall.clock.instant().toString());
        assertEquals("B001", hall.take("shebao", false).get("number").asText());
        hall.clock.set(SetClock.shanghai("2026-12-01T08:01"));
        JsonNode after = hall.take("shebao", false);
        assertEquals("B002", after.get("number").asText());
        assertEquals("2026-12-01", after.get("businessDate").asText());
    }

    @Test
    void numbersAreTakenOnlyInOpeningHours() throws Exception {
        start(SetClock.shanghai("2026-11-30T08:29"), null);
        assertClosed("huji", "not_open_yet");
        hall.clock.set(SetClock.shanghai("2026-11-30T08:30"));
        assertEquals(201, hall.post("queue/tickets", "{\"queue\":\"huji\"}").status());
        hall.clock.set(SetClock.shanghai("2026-11-30T12:00"));
        assertClosed("huji", "not_open_yet");   // the lunch break: open again at 14:00
        hall.clock.set(SetClock.shanghai("2026-11-30T17:30"));
        assertClosed("huji", "closed_for_today");
        hall.clock.set(SetClock.shanghai("2026-12-05T10:00"));    // a Saturday: huji opens, shebao does not
        assertEquals(201, hall.post("queue/tickets", "{\"queue\":\"huji\"}").status());
        assertClosed("shebao", "closed_today");
        assertEquals("09:00-12:00", queue("huji").get("hoursToday").asText());
        assertEquals("", queue("shebao").get("hoursToday").asText());
        hall.clock.set(SetClock.shanghai("2026-12-06T10:00"));    // a Sunday
        assertClosed("huji", "closed_today");
        hall.clock.set(SetClock.shanghai("2026-10-01T10:00"));    // a Thursday, but a holiday in closedDates
        assertClosed("huji", "closed_today");
    }

    private void assertClosed(String queue, String reason) throws Exception {
        QueueFixture.Answer answer = hall.post("queue/tickets", "{\"queue\":\"" + queue + "\"}");
        assertEquals(409, answer.status(), answer.body());
        assertEquals("closed", answer.error());
        JsonNode info = queue(queue);
        assertFalse(info.get("open").asBoolean());
        assertEquals(reason, info.get("closedReason").asText());
    }

    private JsonNode queue(String id) throws Exception {
        for (JsonNode q : hall.get("queue/queues").json().get("queues")) {
            if (q.get("id").asText().equals(id)) {
                return q;
            }
        }
        throw new AssertionError("no queue " + id);
    }

    @Test
    void theDailyCapCountsEveryNumberButTheVoidedOnes() throws Exception {
        start(MONDAY_10, QueueFixture.ALL_DAY);
        for (int i = 0; i < 4; i++) {
            hall.take("huji", false);
        }
        String voided = hall.post("queue/tickets", "{\"queue\":\"huji\"}").json().get("code").asText();
        QueueFixture.Answer capped = hall.post("queue/tickets", "{\"queue\":\"huji\"}");
        assertEquals(409, capped.status());
        assertEquals("cap_reached", capped.error());
        assertEquals("cap_reached", queue("huji").get("closedReason").asText());
        hall.post("queue/tickets/" + voided + "/void", "{\"reason\":\"paper_out\"}");
        assertEquals("A006", hall.take("huji", false).get("number").asText());
        assertEquals(409, hall.post("queue/tickets", "{\"queue\":\"huji\"}").status());
    }

    @Test
    void thePriorityLaneGoesFirstButNeverMoreThanTwiceInARowWhileOthersWait() throws Exception {
        start(MONDAY_10, QueueFixture.ALL_DAY.replace("\"dailyCap\": 5", "\"dailyCap\": 50"));
        for (int i = 0; i < 3; i++) {
            hall.take("huji", false);               // A001 A002 A003
        }
        for (int i = 0; i < 4; i++) {
            hall.take("huji", true);                // A004 … A007
        }
        JsonNode regular = hall.take("huji", false);   // A008
        assertEquals(7, regular.get("ahead").asInt());
        assertEquals(4, hall.take("huji", true).get("ahead").asInt(), "A009: the four priority tickets before it");
        assertEquals(200, hall.window("1", "sign-in", "{\"queues\":[\"huji\"]}").status());
        List<String> order = new ArrayList<>();
        while (true) {
            QueueFixture.Answer called = hall.window("1", "call-next", null);
            if (called.status() == 204) {
                break;
            }
            order.add(called.json().get("number").asText());
            assertEquals("done", hall.window("1", "done", null).json().get("state").asText());
        }
        assertEquals(List.of("A004", "A005", "A001", "A006", "A007", "A002", "A009", "A003", "A008"), order);
        QueueFixture.Answer noLane = hall.post("queue/tickets", "{\"queue\":\"shebao\",\"priority\":true}");
        assertEquals(409, noLane.status());
        assertEquals("no_priority_lane", noLane.error());
    }

    @Test
    void aCounterMovesATicketThroughEveryState() throws Exception {
        start(MONDAY_10, QueueFixture.ALL_DAY);
        JsonNode a1 = hall.take("huji", false);
        JsonNode a2 = hall.take("huji", false);
        JsonNode a3 = hall.take("huji", false);
        assertEquals("not_signed_in", hall.window("3", "call-next", null).error());
        assertEquals("unknown_queue", hall.window("3", "sign-in", "{\"queues\":[\"nope\"]}").error());
        assertEquals(400, hall.window("3", "sign-in", "{\"queues\":[]}").status());
        JsonNode signedIn = hall.window("3", "sign-in", "{\"queues\":[\"huji\",\"shebao\"]}").json();
        assertEquals(List.of("huji", "shebao"), strings(signedIn.get("queues")));
        assertEquals("no_ticket", hall.window("3", "start", null).error());

        JsonNode called = hall.window("3", "call-next", null).json();
        assertEquals(a1.get("code").asText(), called.get("code").asText());
        assertEquals("called", called.get("state").asText());
        assertEquals("3", called.get("window").asText());
        assertEquals("window_busy", hall.window("3", "call-next", null).error());
        assertEquals("window_busy", hall.window("3", "sign-out", null).error());
        assertEquals("called", hall.window("3", "recall", null).json().get("state").asText());
        JsonNode board = hall.get("queue/windows").json();
        assertEquals("A001", board.get(0).get("number").asText());
        assertFalse(board.toString().contains(a1.get("code").asText()), "the public board shows no code");
        assertEquals("serving", hall.window("3", "start", null).json().get("state").asText());
        assertEquals("wrong_state", hall.window("3", "recall", null).error());
        assertEquals("wrong_state", hall.window("3", "no-show", null).error());
        assertEquals("wrong_state", hall.window("3", "start", null).error());
        assertEquals("done", hall.window("3", "done", null).json().get("state").asText());
        assertEquals("done", hall.get("queue/tickets/" + a1.get("code").asText()).json().get("state").asText());

        assertEquals(a2.get("number").asText(), hall.window("3", "call-next", null).json().get("number").asText());
        assertEquals("no_show", hall.window("3", "no-show", null).json().get("state").asText());

        // A003 goes to shebao: it keeps its number and lines up there by the time it was issued.
        JsonNode b1 = hall.take("shebao", false);
        hall.window("3", "call-next", null);
        assertEquals("same_queue", hall.window("3", "transfer", "{\"queue\":\"huji\"}").error());
        assertEquals("unknown_queue", hall.window("3", "transfer", "{\"queue\":\"nope\"}").error());
        JsonNode moved = hall.window("3", "transfer", "{\"queue\":\"shebao\"}").json();
        assertEquals("transferred", moved.get("state").asText());
        assertEquals("A003", moved.get("number").asText());
        assertEquals("shebao", moved.get("queue").asText());
        assertEquals("社保", moved.get("queueName").asText());
        assertEquals(0, moved.get("ahead").asInt());
        assertEquals(1, hall.get("queue/tickets/" + b1.get("code").asText()).json().get("ahead").asInt());
        assertEquals("A003", hall.window("3", "call-next", null).json().get("number").asText());
        hall.window("3", "done", null);
        assertEquals("B001", hall.window("3", "call-next", null).json().get("number").asText());
        hall.window("3", "done", null);
        assertEquals(204, hall.window("3", "call-next", null).status());
        assertEquals(204, hall.window("3", "sign-out", null).status());
        assertEquals("not_signed_in", hall.window("3", "sign-out", null).error());
        assertEquals(0, hall.get("queue/windows").json().size());
        assertEquals(404, hall.window("w.1", "call-next", null).status());
        assertEquals(404, hall.window("3", "dance", null).status());
        assertEquals(a3.get("code").asText(), moved.get("code").asText());
    }

    @Test
    void theEstimateComesFromThisHallsServiceTimesAndItsOpenWindows() throws Exception {
        start(MONDAY_10, QueueFixture.ALL_DAY);
        for (int i = 0; i < 6; i++) {
            hall.take("shebao", false);
        }
        hall.window("1", "sign-in", "{\"queues\":[\"shebao\"]}");
        assertTrue(queue("shebao").get("estimatedWaitMinutes").isNull(), "a window but no history yet");
        for (int minutes : new int[] {4, 6}) {
            hall.window("1", "call-next", null);
            hall.clock.advance(Duration.ofMinutes(minutes));
            hall.window("1", "done", null);
        }
        // Four wait; 5 min on average; one window.
        assertEquals(4, queue("shebao").get("waiting").asInt());
        assertEquals(20, queue("shebao").get("estimatedWaitMinutes").asInt());
        JsonNode last = hall.take("shebao", false);
        assertEquals(4, last.get("ahead").asInt());
        assertEquals(20, last.get("estimatedWaitMinutes").asInt());
        hall.window("2", "sign-in", "{\"queues\":[\"shebao\",\"huji\"]}");
        assertEquals(10, hall.get("queue/tickets/" + last.get("code").asText()).json().get("estimatedWaitMinutes").asInt());
        assertTrue(queue("huji").get("estimatedWaitMinutes").isNull(), "huji has no history");
    }

    @Test
    void theTicketPageIsPlainEscapedHtmlThatRefreshesItself() throws Exception {
        start(MONDAY_10, QueueFixture.ALL_DAY.replace("测试大厅", "<b>大厅</b>").replace("一楼 A 区", "<script>x</script>"));
        JsonNode first = hall.take("huji", false);
        QueueFixture.Answer page = hall.get("t/" + first.get("code").asText());
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        String html = page.body();
        assertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"30\">"), html);
        assertTrue(html.contains("<p class=\"number\">A001</p>"), html);
        assertTrue(html.contains("等候中"), html);
        assertTrue(html.contains("即将到号"), html);
        assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;b&gt;大厅&lt;/b&gt;"), html);
        for (int i = 0; i < 4; i++) {
            hall.take("huji", false);
        }
        String fifthPage = hall.get("t/" + lastCode()).body();
        assertTrue(fifthPage.contains("前面还有 <b>4</b> 人"), fifthPage);
        assertFalse(fifthPage.contains("即将到号"), fifthPage);
        QueueFixture.Answer unknown = hall.get("t/AAAAAAAAAAAAAAAAAAAAAA");
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("未找到"));
        assertEquals(404, hall.get("t/" + first.get("code").asText() + "/x").status());
        hall.window("2", "sign-in", "{\"queues\":[\"huji\"]}");
        hall.window("2", "call-next", null);
        assertTrue(hall.get("t/" + first.get("code").asText()).body().contains("请到 2 号窗口办理"));
    }

    private String lastCode() throws Exception {
        List<Ticket> tickets = hall.server.queues().ticketsOf(hall.server.queues().businessDate());
        return tickets.stream().filter(t -> t.queue().equals("huji")).reduce((a, b) -> b).orElseThrow().code();
    }

    @Test
    void aTicketIsReachedOnlyByItsCode() throws Exception {
        start(MONDAY_10, null);
        hall.take("huji", false);
        for (String path : new String[] {"queue/tickets/AAAAAAAAAAAAAAAAAAAAAA", "queue/tickets/A001",
                "queue/tickets/1", "queue/tickets/x/y"}) {
            QueueFixture.Answer answer = hall.get(path);
            assertEquals(404, answer.status(), path);
            assertEquals("not_found", answer.error(), path);
        }
        assertEquals(404, hall.post("queue/tickets/A001/printed", null).status());
        assertEquals(404, hall.post("queue/tickets/AAAAAAAAAAAAAAAAAAAAAA/shred", null).status());
        assertEquals(405, hall.get("queue/tickets").status());
    }

    @Test
    void malformedRequestsAreRefusedWithAReason() throws Exception {
        start(MONDAY_10, null);
        assertBadRequest(hall.post("queue/tickets", "{not json"), "not valid JSON");
        assertBadRequest(hall.post("queue/tickets", "{}"), "name the queue");
        assertBadRequest(hall.post("queue/tickets", "[1,2]"), "TicketRequest");
        assertBadRequest(hall.post("queue/tickets", "{\"queue\":\"huji\",\"priority\":\"yes please\"}"), "TicketRequest");
        assertBadRequest(hall.post("queue/tickets", null), "Content-Type");
        QueueFixture.Answer large = hall.post("queue/tickets", "{\"queue\":\"" + "x".repeat(5000) + "\"}");
        assertEquals(413, large.status());
        QueueFixture.Answer unknown = hall.post("queue/tickets", "{\"queue\":\"nope\"}");
        assertEquals(404, unknown.status());
        assertEquals("unknown_queue", unknown.error());
        assertBadRequest(hall.window("1", "sign-in", "{\"queues\":\"huji\"}"), "SignIn");
        assertBadRequest(hall.window("1", "sign-in", "{\"queues\":[\"huji\",\"huji\"]}"), "twice");
        assertEquals(201, hall.post("queue/tickets", "{\"queue\":\"huji\",\"extra\":1}").status(),
                "members a newer kiosk adds are skipped");
    }

    private static void assertBadRequest(QueueFixture.Answer answer, String words) throws Exception {
        assertEquals(400, answer.status(), answer.body());
        assertEquals("bad_request", answer.error());
        assertTrue(answer.json().get("message").asText().contains(words), answer.body());
    }

    @Test
    void aKioskTakesAtMostTheHallsNumbersAMinute() throws Exception {
        start(MONDAY_10, QueueFixture.ALL_DAY);
        HttpRequest.Builder request = HttpRequest.newBuilder(hall.server.baseUri().resolve("queue/tickets"))
                .header("Authorization", "Bearer " + hall.secret).header("Content-Type", "application/json")
                .header("X-Yizhan-Kiosk", "kiosk-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"queue\":\"shebao\"}"));
        for (int i = 0; i < HallQueues.DEFAULT_TICKETS_PER_KIOSK_PER_MINUTE; i++) {
            assertEquals(201, hall.send(request).status());
        }
        QueueFixture.Answer refused = hall.send(request);
        assertEquals(429, refused.status());
        assertEquals("too_many", refused.error());
        assertEquals(201, hall.post("queue/tickets", "{\"queue\":\"shebao\"}").status(), "another caller is not held up");
        hall.clock.advance(Duration.ofSeconds(61));
        assertEquals(201, hall.send(request).status());
    }

    @Test
    void codesAreUnguessableAndDistinct() throws Exception {
        start(MONDAY_10, null);
        String a = hall.take("huji", false).get("code").asText();
        String b = hall.take("huji", false).get("code").asText();
        assertNotEquals(a, b);
        assertEquals(22, a.length());
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
