package org.yizhan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.config.PinHash;
import org.yizhan.fleet.Heartbeat;
import org.yizhan.fleet.LastSync;
import org.yizhan.json.Json;
import org.yizhan.rating.Rating;
import org.yizhan.rating.RatingAbout;
import org.yizhan.rating.RatingLevel;
import org.yizhan.rating.RatingReason;
import org.yizhan.server.queue.HallSecret;
import org.yizhan.testing.SetClock;

/**
 * Two halls on one server on loopback (docs/deployment.md, "A county's server"): every hall-scoped route refuses
 * hall A's secret, session and ticket code on hall B, and B's answers never carry A's data; an unknown hall is a 404
 * that names no hall; the cases are the county's.
 */
class MultiHallTest {
    private static final String PIN_A = "314159";
    private static final String PIN_B = "271828";

    @TempDir
    Path data;
    private HallServer server;
    final SetClock clock = new SetClock(SetClock.shanghai("2026-11-30T10:00"));
    private final HttpClient http = HttpClient.newHttpClient();
    private String secretA;
    private String secretB;

    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(body);
        }
    }

    static String queues(String name) {
        return "{\"hall\": \"" + name + "\", \"queues\": ["
                + "{\"id\": \"huji\", \"prefix\": \"A\", \"name\": \"户籍\", \"hours\": {\"mon-sun\": [\"00:00-24:00\"]},"
                + " \"dailyCap\": 50, \"location\": \"一楼\"}]}";
    }

    private static void hall(Path dir, String name, String pin) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("queues.json"), queues(name));
        Files.writeString(dir.resolve("windows.json"), "{\"windows\": [{\"id\": \"3\", \"name\": \"3号窗口\", \"pin\": \""
                + PinHash.of(pin) + "\"}]}");
    }

    /** A county's server: halls a (甲镇) and b (乙镇) under halls/, and no hall of its own. */
    private void county() throws Exception {
        hall(data.resolve("halls/a"), "甲镇便民服务中心", PIN_A);
        hall(data.resolve("halls/b"), "乙镇便民服务中心", PIN_B);
        start();
    }

    private void start() throws Exception {
        server = startServer();
        secretA = HallSecret.read(data.resolve("halls/a/hall.secret"));
        secretB = HallSecret.read(data.resolve("halls/b/hall.secret"));
    }

    /** The server on {@code data}, its stores in SQLite files (MultiHallPostgresTest: one PostgreSQL database). */
    HallServer startServer() throws java.io.IOException {
        return HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data, clock);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** {@code hall} "a" or "b": by its header; "/halls/a" style: by the path; null: neither. */
    private Answer send(String method, String hall, String path, String json, String secret, String... headers)
            throws Exception {
        boolean byPath = hall != null && hall.startsWith("/");
        URI uri = server.baseUri().resolve((byPath ? hall.substring(1) + "/" : "") + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (hall != null && !byPath) {
            request.header("X-Yizhan-Hall", hall);
        }
        if (secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), response.headers());
    }

    private Answer get(String hall, String path, String secret) throws Exception {
        return send("GET", hall, path, null, secret);
    }

    private JsonNode issue(String hall, String secret) throws Exception {
        Answer answer = send("POST", hall, "queue/tickets", "{\"queue\":\"huji\",\"priority\":false}", secret,
                "X-Yizhan-Kiosk", "kiosk-" + hall.replace("/", ""));
        assertEquals(201, answer.status(), answer.body());
        return answer.json();
    }

    private static void assertRefused(int status, Answer answer, String... absent) {
        assertEquals(status, answer.status(), answer.body());
        for (String text : absent) {
            assertFalse(answer.body().contains(text), "\"" + text + "\" in " + answer.body());
        }
    }

    @Test
    void aKioskOfHallACannotTakeReadOrMoveHallBsNumbers() throws Exception {
        county();
        JsonNode ticketA = issue("a", secretA);
        String code = ticketA.get("code").asText();
        String number = ticketA.get("number").asText();
        assertEquals("/halls/a/t/" + code, ticketA.get("statusPath").asText(), "the QR opens hall a's page");
        assertEquals("/halls/a/t/" + code, get("a", "queue/tickets/" + code, null).json().get("statusPath").asText());
        assertEquals("/t/" + code, get("/halls/a", "queue/tickets/" + code, null).json().get("statusPath").asText(),
                "asked under the prefix, the path is relative to it (a kiosk whose server.url ends in /halls/a/)");
        // issue: A's secret on B, by the header and by the path
        assertRefused(401, send("POST", "b", "queue/tickets", "{\"queue\":\"huji\"}", secretA));
        assertRefused(401, send("POST", "/halls/b", "queue/tickets", "{\"queue\":\"huji\"}", secretA));
        // ticket read: B knows no such code
        assertRefused(404, get("b", "queue/tickets/" + code, null), code, number);
        assertRefused(404, get("/halls/b", "queue/tickets/" + code, null), code, number);
        // ticket actions: with A's secret refused; with B's own, A's code is unknown and nothing moves
        for (String action : List.of("printed", "void")) {
            assertRefused(401, send("POST", "b", "queue/tickets/" + code + "/" + action, null, secretA,
                    "Idempotency-Key", "k" + action + "0000000000000000"));
            assertRefused(404, send("POST", "/halls/b", "queue/tickets/" + code + "/" + action, null, secretB,
                    "Idempotency-Key", "q" + action + "0000000000000000"), code);
        }
        assertEquals("issued", get("a", "queue/tickets/" + code, null).json().get("state").asText(),
                "A's ticket is where A left it");
        // board: B's shows its own hall and nobody waiting
        JsonNode boardB = get("b", "queue/queues", null).json();
        assertEquals("乙镇便民服务中心", boardB.get("hall").asText(), boardB.toString());
        assertFalse(boardB.toString().contains("甲镇"), boardB.toString());
        JsonNode boardA = get("/halls/a", "queue/queues", null).json();
        assertEquals("甲镇便民服务中心", boardA.get("hall").asText());
        assertFalse(boardA.toString().contains("乙镇"));
        // the phone's page: A's code is A's alone
        Answer page = get("/halls/a", "t/" + code, null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains(number) && page.body().contains("甲镇"), page.body());
        assertRefused(404, get("/halls/b", "t/" + code, null), number, "甲镇");
        assertRefused(404, get(null, "t/" + code, null), number, "甲镇", "乙镇");
    }

    @Test
    void aCounterOfHallACannotCallHallBsNumbers() throws Exception {
        county();
        JsonNode ticketA = issue("a", secretA);
        String numberA = ticketA.get("number").asText();
        assertEquals(200, send("POST", "a", "queue/tickets/" + ticketA.get("code").asText() + "/printed", null, secretA)
                .status());
        // windows through the API, with the hall secret
        assertRefused(401, send("POST", "b", "queue/windows/3/sign-in", "{\"queues\":[\"huji\"]}", secretA));
        assertEquals(200, send("POST", "a", "queue/windows/3/sign-in", "{\"queues\":[\"huji\"]}", secretA).status());
        for (String action : List.of("call-next", "recall", "start", "done", "no-show", "pause", "resume", "sign-out")) {
            assertRefused(401, send("POST", "/halls/b", "queue/windows/3/" + action, "{}", secretA));
        }
        Answer windowsB = get("b", "queue/windows", null);
        assertEquals(200, windowsB.status());
        assertFalse(windowsB.json().toString().contains("huji"), "B's window 3 is not signed in: " + windowsB.body());
        // B's own counter, with B's secret, finds nobody waiting: A's number is not in B's queue
        send("POST", "b", "queue/windows/3/sign-in", "{\"queues\":[\"huji\"]}", secretB);
        assertEquals(204, send("POST", "b", "queue/windows/3/call-next", "{}", secretB).status());
        // the counter page: A's PIN does not open B's window 3; A's session is no session at B
        assertRefused(401, counterPost("/halls/b", "counter/sign-in", "{\"window\":\"3\",\"pin\":\"" + PIN_A + "\"}",
                null));
        Answer signedIn = counterPost("/halls/a", "counter/sign-in", "{\"window\":\"3\",\"pin\":\"" + PIN_A + "\"}",
                null);
        assertEquals(200, signedIn.status(), signedIn.body());
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("Path=/halls/a/counter;"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertEquals(200, send("GET", "/halls/a", "counter/state", null, null, "Cookie", cookie).status());
        assertRefused(401, send("GET", "/halls/b", "counter/state", null, null, "Cookie", cookie), numberA, "甲镇");
        assertRefused(401, counterPost("/halls/b", "counter/action/call-next", "{}", cookie), numberA);
        Answer called = counterPost("/halls/a", "counter/action/call-next", "{}", cookie);
        assertEquals(200, called.status(), called.body());
        assertEquals(numberA, called.json().path("ticket").path("number").asText());
        // display: each shows its own calls only
        JsonNode displayA = get("/halls/a", "display/state", null).json();
        JsonNode displayB = get("/halls/b", "display/state", null).json();
        assertTrue(displayA.toString().contains(numberA), displayA.toString());
        assertEquals("乙镇便民服务中心", displayB.get("hall").asText());
        assertEquals(0, displayB.get("calls").size(), displayB.toString());
        assertFalse(displayB.toString().contains("甲镇"));
        // report: B's day has no number; its page names B alone
        JsonNode reportB = send("GET", "/halls/b", "report", null, null, "Accept", "application/json").json();
        JsonNode reportA = send("GET", "a", "report", null, null, "Accept", "application/json").json();
        assertEquals(0, reportB.path("total").path("issued").asInt(-1), reportB.toString());
        assertEquals(1, reportA.path("total").path("issued").asInt(-1), reportA.toString());
        Answer reportPage = get("/halls/b", "report", null);
        assertTrue(reportPage.body().contains("乙镇") && !reportPage.body().contains("甲镇"));
        // events: B's stream carries none of A's
        String streamB = stream("/halls/b");
        assertFalse(streamB.contains(numberA), streamB);
        assertTrue(stream("/halls/a").contains(numberA));
    }

    private Answer counterPost(String hall, String path, String json, String cookie) throws Exception {
        String key = Long.toHexString(System.nanoTime()) + "0000000000000000";
        return cookie == null
                ? send("POST", hall, path, json, null, "X-Yizhan-Counter", "1", "Idempotency-Key", key)
                : send("POST", hall, path, json, null, "X-Yizhan-Counter", "1", "Idempotency-Key", key, "Cookie", cookie);
    }

    /** What a hall's event stream sends from the day's start until the heartbeat after it. */
    private String stream(String hall) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve(hall.substring(1) + "/queue/events"))
                .header("Last-Event-ID", "0").build();
        CompletableFuture<HttpResponse<InputStream>> answer = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response = answer.get(5, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            Thread beat = new Thread(() -> {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                server.heartbeatNow();
            });
            beat.start();
            for (String line = in.readLine(); line != null && !line.equals(": heartbeat"); line = in.readLine()) {
                lines.add(line);
            }
        }
        return String.join("\n", lines);
    }

    @Test
    void eachHallsKiosksAndRatingsAreItsOwn() throws Exception {
        county();
        String now = clock.instant().toString();
        Heartbeat beat = new Heartbeat("kiosk-a1", "a", "0.4.0", 1, new LastSync("not_modified", "", now), now, "READY",
                3600, 20L * 1024 * 1024 * 1024, 0, 0, "", now);
        assertRefused(401, send("POST", "b", "kiosk/heartbeat", beat.json().replace("\"a\"", "\"b\""), secretA,
                "X-Yizhan-Kiosk", "kiosk-a1", "Idempotency-Key", "beat00000000000000000"));
        Answer taken = send("POST", "a", "kiosk/heartbeat", beat.json(), secretA, "X-Yizhan-Kiosk", "kiosk-a1",
                "Idempotency-Key", "beat00000000000000001");
        assertEquals(200, taken.status(), taken.body());
        assertTrue(get("a", "fleet", secretA).body().contains("kiosk-a1"));
        assertRefused(401, get("b", "fleet", secretA), "kiosk-a1");
        assertRefused(401, get("/halls/b", "fleet", secretA), "kiosk-a1");
        Answer fleetB = get("/halls/b", "fleet", secretB);
        assertEquals(200, fleetB.status());
        assertFalse(fleetB.body().contains("kiosk-a1"), fleetB.body());
        assertRefused(401, send("POST", "b", "fleet/kiosk-a1/forget", null, secretA));

        Rating low = new Rating(RatingLevel.DISSATISFIED, List.of(RatingReason.UNCLEAR_MATERIALS), "",
                RatingAbout.ticket("A001", "huji", null), clock.instant().toString());
        assertRefused(401, send("POST", "b", "kiosk/rating", low.json(), secretA, "X-Yizhan-Kiosk", "kiosk-a1",
                "Idempotency-Key", "rate00000000000000000"));
        assertEquals(200, send("POST", "a", "kiosk/rating", low.json(), secretA, "X-Yizhan-Kiosk", "kiosk-a1",
                "Idempotency-Key", "rate00000000000000001").status());
        assertRefused(401, get("b", "ratings/summary", secretA));
        assertRefused(401, get("b", "ratings/low", secretA), "A001");
        assertEquals(0, get("b", "ratings/summary", secretB).json().path("all").path("total").asInt(-1));
        assertEquals(1, get("a", "ratings/summary", secretA).json().path("all").path("total").asInt(-1));
        Answer lowB = get("/halls/b", "ratings/low", secretB);
        assertEquals(200, lowB.status());
        assertFalse(lowB.body().contains("A001"), lowB.body());
        assertTrue(get("/halls/a", "ratings/low", secretA).body().contains("A001"));
    }

    @Test
    void anUnknownHallIsA404ThatNamesNoHall() throws Exception {
        county();
        for (Answer answer : List.of(get("/halls/zz", "queue/queues", null), get("zz", "queue/queues", null),
                get(null, "queue/queues", null), get("/halls/A", "queue/queues", null),
                get("/halls/%2e%2e", "queue/queues", null), get("../a", "queue/queues", null),
                get(null, "halls/a", null), send("POST", "/halls/zz", "queue/tickets", "{}", secretA))) {
            assertEquals(404, answer.status(), answer.body());
            assertTrue(answer.json().has("error"), answer.body());
            for (String named : List.of("甲镇", "乙镇", "\"a\"", "\"b\"", "halls/a", "halls/b")) {
                assertFalse(answer.body().contains(named), answer.body());
            }
        }
        assertEquals("unknown_hall", get("/halls/zz", "queue/queues", null).json().get("error").asText());
        assertEquals(200, get(null, "health", null).status(), "the county's health needs no hall");
        assertEquals(200, get("/halls/b", "health", null).status());
    }

    @Test
    void theTopLevelHallAnswersWhatNamesNoAddedHall() throws Exception {
        Files.writeString(data.resolve("queues.json"), queues("云溪县政务服务中心"));
        hall(data.resolve("halls/b"), "乙镇便民服务中心", PIN_B);
        server = startServer();
        secretB = HallSecret.read(data.resolve("halls/b/hall.secret"));
        String secretTop = server.hallSecret();
        assertEquals("云溪县政务服务中心", get(null, "queue/queues", null).json().get("hall").asText());
        assertEquals("云溪县政务服务中心", get("yunxi", "queue/queues", null).json().get("hall").asText(),
                "a one-hall server's kiosks keep working whatever their hall.id");
        assertEquals("乙镇便民服务中心", get("b", "queue/queues", null).json().get("hall").asText());
        JsonNode top = issue("yunxi", secretTop);
        assertEquals("/t/" + top.get("code").asText(), top.get("statusPath").asText());
        assertRefused(401, send("POST", "b", "queue/tickets", "{\"queue\":\"huji\"}", secretTop));
        assertRefused(401, send("POST", null, "queue/tickets", "{\"queue\":\"huji\"}", secretB));
        assertRefused(404, get("/halls/b", "t/" + top.get("code").asText(), null), top.get("number").asText());

        // One case store for the county: a case pushed at the county is found at the village, and the tries
        // that failed at one hall count at the other.
        String record = "{\"number\":\"YX-2026-000777\",\"serviceId\":\"gaj-sfz-hl\",\"serviceName\":\"居民身份证换领\","
                + "\"department\":\"云溪县公安局\",\"applicant\":\"赵钱孙\",\"checkKind\":\"phone4\","
                + "\"phone\":\"13911117531\",\"submittedAt\":\"2026-11-20T09:00:00+08:00\","
                + "\"steps\":[{\"name\":\"受理\",\"at\":\"2026-11-20T09:00:00+08:00\",\"office\":\"县政务服务中心\"}]}";
        Answer pushed = send("POST", null, "status/cases", record, secretTop);
        assertEquals(200, pushed.status(), pushed.body());
        String right = "{\"number\":\"YX-2026-000777\",\"check\":\"7531\"}";
        String wrong = "{\"number\":\"YX-2026-000777\",\"check\":\"0000\"}";
        assertRefused(401, send("POST", "b", "status/lookup", right, secretTop));
        assertEquals(200, send("POST", "b", "status/lookup", right, secretB, "X-Yizhan-Kiosk", "kiosk-b1").status());
        for (int i = 0; i < 5; i++) {
            assertEquals(404, send("POST", null, "status/lookup", wrong, secretTop, "X-Yizhan-Kiosk", "kiosk-1").status());
        }
        assertEquals(429, send("POST", "/halls/b", "status/lookup", right, secretB, "X-Yizhan-Kiosk", "kiosk-b1")
                .status(), "five failures at the county stop the number at the village too");
    }

    @Test
    void aHallWithABrokenFileIsLeftOutAndTheOthersServe() throws Exception {
        hall(data.resolve("halls/a"), "甲镇便民服务中心", PIN_A);
        hall(data.resolve("halls/b"), "乙镇便民服务中心", PIN_B);
        Files.writeString(data.resolve("halls/b/queues.json"), "{\"hall\": \"乙镇\"");
        server = startServer();
        assertEquals("甲镇便民服务中心", get("a", "queue/queues", null).json().get("hall").asText());
        Answer broken = get("/halls/b", "queue/queues", null);
        assertEquals(503, broken.status(), broken.body());
        assertEquals("hall_unavailable", broken.json().get("error").asText());
        assertFalse(broken.body().contains("queues.json"), "the reason is in the server's log, not the answer");
        assertEquals(503, get("b", "queue/queues", null).status());
        assertFalse(Files.exists(data.resolve("queues.json")), "no demo hall written on a county's server");
    }
}
