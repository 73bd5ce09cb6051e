package org.yizhan.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.config.PinHash;
import org.yizhan.testing.SetClock;

/**
 * The counter page's server side over HTTP: the PIN sign-in and its limits, the session cookie, the page-only
 * writes, actions once per key, two windows calling at once, pause, and the display's state.
 */
class CounterRoutesTest {
    private static final String PIN_3 = "314159";
    private static final String PIN_5 = "2718";

    @TempDir
    Path dir;
    private QueueFixture hall;

    private QueueFixture start(String windowsJson) throws Exception {
        Files.createDirectories(dir);
        if (windowsJson != null) {
            Files.writeString(dir.resolve(WindowsFile.FILE), windowsJson);
        }
        hall = new QueueFixture(dir, new SetClock(SetClock.shanghai("2026-11-30T10:00")), QueueFixture.ALL_DAY);
        return hall;
    }

    static String windows() {
        return "{\"windows\": [{\"id\": \"3\", \"name\": \"3号窗口\", \"pin\": \"" + PinHash.of(PIN_3) + "\"},"
                + " {\"id\": \"5\", \"name\": \"5号窗口\", \"pin\": \"" + PinHash.of(PIN_5) + "\"}]}";
    }

    @AfterEach
    void stop() {
        if (hall != null) {
            hall.close();
        }
    }

    private QueueFixture.Answer post(String path, String json, String cookie, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(hall.server.baseUri().resolve(path))
                .header("X-Yizhan-Counter", "1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return hall.send(request);
    }

    private String signIn(String window, String pin) throws Exception {
        QueueFixture.Answer answer = post("counter/sign-in", "{\"window\":\"" + window + "\",\"pin\":\"" + pin + "\"}",
                null, null);
        assertEquals(200, answer.status(), answer.body());
        String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private JsonNode state(String cookie) throws Exception {
        QueueFixture.Answer answer = hall.send(HttpRequest.newBuilder(hall.server.baseUri().resolve("counter/state"))
                .header("Cookie", cookie).GET());
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static int key;

    private static String key() {
        return String.format("test-key-%016d", ++key);
    }

    @Test
    void aRightPinGivesASessionCookieForTheRestOfTheBusinessDay() throws Exception {
        start(windows());
        QueueFixture.Answer answer = post("counter/sign-in", "{\"window\":\"3\",\"pin\":\"" + PIN_3 + "\"}", null, null);
        assertEquals(200, answer.status(), answer.body());
        assertEquals("3号窗口", answer.json().get("name").asText());
        String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.matches("yizhan_counter=[A-Za-z0-9_-]{43}; Path=/counter; Max-Age=50400; HttpOnly; "
                + "SameSite=Strict"), cookie + ": 10:00 to midnight in Beijing is 14 hours");
        JsonNode state = state(cookie.substring(0, cookie.indexOf(';')));
        assertEquals("3号窗口", state.get("name").asText());
        assertFalse(state.get("view").get("signedIn").asBoolean(), "it has chosen no queue yet");
        assertEquals(2, state.get("view").get("queues").size());
    }

    @Test
    void wrongPinsSlowDownThenLockAndAnUnknownWindowReadsTheSame() throws Exception {
        start(windows());
        QueueFixture.Answer unknown = post("counter/sign-in", "{\"window\":\"9\",\"pin\":\"1234\"}", null, null);
        assertEquals(401, unknown.status());
        assertEquals("wrong_pin", unknown.error());
        for (int i = 0; i < PinLimits.FREE; i++) {
            assertEquals(401, post("counter/sign-in", "{\"window\":\"3\",\"pin\":\"0000\"}", null, null).status());
        }
        QueueFixture.Answer slowed = post("counter/sign-in", "{\"window\":\"3\",\"pin\":\"" + PIN_3 + "\"}", null, null);
        assertEquals(429, slowed.status(), "even the right PIN waits: " + slowed.body());
        assertEquals("too_many_tries", slowed.error());
        assertEquals("2", slowed.headers().firstValue("Retry-After").orElseThrow());
        hall.clock.advance(Duration.ofSeconds(3));
        assertEquals(401, post("counter/sign-in", "{\"window\":\"3\",\"pin\":\"0000\"}", null, null).status());
        hall.clock.advance(Duration.ofSeconds(5));
        assertEquals(401, post("counter/sign-in", "{\"window\":\"3\",\"pin\":\"0000\"}", null, null).status());
        QueueFixture.Answer locked = post("counter/sign-in", "{\"window\":\"3\",\"pin\":\"" + PIN_3 + "\"}", null, null);
        assertEquals(429, locked.status());
        assertTrue(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()) > 800, "locked for a while");
        assertEquals(200, post("counter/sign-in", "{\"window\":\"5\",\"pin\":\"" + PIN_5 + "\"}", null, null).status(),
                "another window is not locked by window 3's guesser");
        hall.clock.advance(PinLimits.WINDOW);
        signIn("3", PIN_3);
    }

    @Test
    void withoutAWindowsFileNobodySignsInAndThePageSaysWhy() throws Exception {
        start(null);
        QueueFixture.Answer answer = post("counter/sign-in", "{\"window\":\"3\",\"pin\":\"1234\"}", null, null);
        assertEquals(401, answer.status());
        assertTrue(answer.json().get("message").asText().contains("DATA/windows.json"), answer.body());
        assertEquals(0, hall.get("counter/windows").json().get("windows").size());
    }

    @Test
    void onlyThePageWithItsSessionMayAct() throws Exception {
        start(windows());
        String cookie = signIn("3", PIN_3);
        QueueFixture.Answer noSession = post("counter/action/call-next", "{}", null, key());
        assertEquals(401, noSession.status());
        assertEquals("signed_out", noSession.error());
        assertEquals(401, post("counter/action/call-next", "{}", "yizhan_counter=forged", key()).status());
        assertEquals(401, hall.get("counter/state").status());

        QueueFixture.Answer noHeader = hall.send(HttpRequest.newBuilder(hall.server.baseUri().resolve("counter/action/call-next"))
                .header("Cookie", cookie).header("Idempotency-Key", key()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, noHeader.status(), "a form on another site cannot add the page's header");
        QueueFixture.Answer otherOrigin = hall.send(HttpRequest.newBuilder(hall.server.baseUri().resolve("counter/action/call-next"))
                .header("Cookie", cookie).header("Idempotency-Key", key()).header("X-Yizhan-Counter", "1")
                .header("Origin", "http://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, otherOrigin.status());
        assertEquals("forbidden", otherOrigin.error());
        assertEquals(400, post("counter/action/call-next", "{}", cookie, null).status(), "an action names itself");

        QueueFixture.Answer page = hall.get("counter");
        assertEquals(200, page.status());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
    }

    @Test
    void aClickSentTwiceWithItsKeyCallsOnce() throws Exception {
        start(windows());
        String first = hall.take("huji", false).get("number").asText();
        String second = hall.take("huji", false).get("number").asText();
        String cookie = signIn("3", PIN_3);
        assertEquals(200, post("counter/action/queues", "{\"queues\":[\"huji\"]}", cookie, key()).status());
        String click = key();
        QueueFixture.Answer called = post("counter/action/call-next", "{}", cookie, click);
        assertEquals(first, called.json().get("ticket").get("number").asText());
        assertEquals(200, post("counter/action/no-show", "{}", cookie, key()).status());
        QueueFixture.Answer again = post("counter/action/call-next", "{}", cookie, click);
        assertEquals(called.body(), again.body(), "the lost answer, again; nothing called");
        assertTrue(state(cookie).get("view").get("ticket").isNull(), second + " still waits");
        assertEquals(second, post("counter/action/call-next", "{}", cookie, key()).json().get("ticket").get("number").asText());
        JsonNode view = state(cookie).get("view");
        assertEquals("called", view.get("ticket").get("state").asText());
        assertEquals("2026-11-30T10:00:00+08:00", view.get("since").asText());
        assertEquals(409, post("counter/sign-out", "{}", cookie, null).status(), "its ticket first");
    }

    @Test
    void twoWindowsCallingAtTheSameMomentGetDifferentTickets() throws Exception {
        start(windows());
        for (int i = 0; i < 20; i++) {
            hall.take("shebao", false);
        }
        String three = signIn("3", PIN_3);
        String five = signIn("5", PIN_5);
        post("counter/action/queues", "{\"queues\":[\"shebao\"]}", three, key());
        post("counter/action/queues", "{\"queues\":[\"shebao\"]}", five, key());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> numbers = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                List<Future<String>> calls = new ArrayList<>();
                for (String cookie : List.of(three, five)) {
                    String k = key();
                    Callable<String> call = () -> {
                        String n = post("counter/action/call-next", "{}", cookie, k).json().get("ticket").get("number").asText();
                        post("counter/action/done", "{}", cookie, key());
                        return n;
                    };
                    calls.add(pool.submit(call));
                }
                String a = calls.get(0).get();
                String b = calls.get(1).get();
                assertNotEquals(a, b);
                numbers.add(a);
                numbers.add(b);
            }
            assertEquals(20, numbers.stream().distinct().count(), numbers.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPausedWindowCallsNoOneUntilResumed() throws Exception {
        start(windows());
        hall.take("huji", false);
        String cookie = signIn("3", PIN_3);
        post("counter/action/queues", "{\"queues\":[\"huji\"]}", cookie, key());
        JsonNode paused = post("counter/action/pause", "{}", cookie, key()).json();
        assertTrue(paused.get("paused").asBoolean());
        QueueFixture.Answer refused = post("counter/action/call-next", "{}", cookie, key());
        assertEquals(409, refused.status());
        assertEquals("paused", refused.error());
        assertTrue(hall.get("queue/windows").json().get(0).get("paused").asBoolean(), "the windows list says so");
        assertFalse(post("counter/action/resume", "{}", cookie, key()).json().get("paused").asBoolean());
        assertEquals("A001", post("counter/action/call-next", "{}", cookie, key()).json().get("ticket").get("number").asText());
    }

    @Test
    void theDisplayShowsTheLatestCallsWhoWaitsAndTheWindowsNames() throws Exception {
        start(windows());
        hall.take("huji", false);
        hall.take("huji", false);
        hall.take("shebao", false);
        String cookie = signIn("3", PIN_3);
        post("counter/action/queues", "{\"queues\":[\"huji\"]}", cookie, key());
        post("counter/action/call-next", "{}", cookie, key());
        post("counter/action/recall", "{}", cookie, key());
        JsonNode state = hall.get("display/state").json();
        assertEquals("测试大厅", state.get("hall").asText());
        assertEquals("A001", state.get("calls").get(0).get("number").asText());
        assertEquals("3", state.get("calls").get(0).get("window").asText());
        assertEquals(1, state.get("calls").get(0).get("recalls").asInt());
        assertEquals(1, state.get("queues").get(0).get("waiting").asInt());
        assertEquals(1, state.get("queues").get(1).get("waiting").asInt());
        assertEquals("3号窗口", state.get("windows").get(0).get("name").asText());
        assertFalse(state.toString().contains("code"), "no ticket code on a public answer");
    }

    @Test
    void aWindowsFileWithAPlainPinIsRefusedNamingTheField() throws Exception {
        Files.writeString(dir.resolve(WindowsFile.FILE), "{\"windows\": [{\"id\": \"3\", \"name\": \"3号窗口\", \"pin\": \"1234\"}]}");
        IOException e = assertThrows(IOException.class, () -> WindowsFile.read(dir));
        assertTrue(e.getMessage().endsWith("windows[0].pin is not a PIN hash; a PIN is never written in plain: make the "
                + "line with `yizhan hash-pin` (docs/counter.md)"), e.getMessage());
        Files.writeString(dir.resolve(WindowsFile.FILE), "{\"windows\": [{\"id\": \"3 3\", \"name\": \"x\", \"pin\": \""
                + PinHash.of("1234") + "\"}]}");
        assertTrue(assertThrows(IOException.class, () -> WindowsFile.read(dir)).getMessage().contains("windows[0].id"));
    }

    @Test
    void aPinHashRoundTripsAndKnowsItsPin() {
        PinHash hash = PinHash.of("314159");
        PinHash read = PinHash.parse(hash.toString()).orElseThrow();
        assertTrue(read.matches("314159"));
        assertFalse(read.matches("314158"));
        assertFalse(read.matches(null));
        assertNotEquals(hash.toString(), PinHash.of("314159").toString(), "salted");
        assertTrue(PinHash.parse("1234").isEmpty());
        assertTrue(PinHash.parse(hash.toString().replace("$200000$", "$100$")).isEmpty(), "too few iterations");
        assertThrows(IllegalArgumentException.class, () -> PinHash.of("12"));
    }
}
