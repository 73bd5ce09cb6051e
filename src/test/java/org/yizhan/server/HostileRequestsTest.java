package org.yizhan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
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
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.yizhan.json.Json;

/**
 * Every POST route, with and without the hall secret, sent bodies of every wrong shape: each gets a 4xx in the
 * error shape (or 503 busy), at most one WARN line and no stack trace, and the server stays healthy.
 */
class HostileRequestsTest {
    static final String HALL = """
            {"hall": "测试大厅", "queues": [
              {"id": "huji", "prefix": "A", "name": "户籍", "hours": {"mon-sun": ["00:00-24:00"]},
               "dailyCap": 99999, "priorityLane": true, "location": "一楼"}]}
            """;
    static final List<String> ROUTES = List.of("/queue/tickets", "/queue/tickets/A001/printed",
            "/queue/tickets/A001/void", "/queue/windows/1/sign-in", "/queue/windows/1/transfer",
            "/queue/windows/1/call-next", "/status/lookup", "/status/cases", "/kiosk/heartbeat",
            "/fleet/kiosk-01/forget");
    static final List<String> MEMBERS = List.of("queue", "priority", "reason", "queues", "number", "check", "kioskId");
    static final List<String> WRONG_VALUES = List.of("null", "true", "0", "-1.5e308", "1e999999", "\"\"", "\"x\"",
            "[]", "[null]", "[1,{}]", "{}", "{\"a\":null}", "9".repeat(2000), "\"" + "长".repeat(1000) + "\"");

    @TempDir
    static Path data;
    static HallServer server;
    static String secret;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static ListAppender<ILoggingEvent> log;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(data.resolve("queues.json"), HALL);
        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data);
        secret = server.hallSecret();
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        server.close();
    }

    private static HttpResponse<String> post(String path, String contentType, byte[] body, boolean withSecret)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (withSecret) {
            request.header("Authorization", "Bearer " + secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The answer is an error in the protocol's shape, logged in at most one WARN line and without a stack trace. */
    private static void assertRefused(String what, int status, String contentType, String body, int logBefore) throws Exception {
        assertTrue(status >= 400 && status < 500 || status == 503, what + " answered " + status + ": " + body);
        assertEquals("application/json; charset=utf-8", contentType, what);
        JsonNode json = Json.mapper().readTree(body);
        assertTrue(json.path("error").isTextual() && json.path("message").isTextual(), what + ": " + body);
        List<ILoggingEvent> events = events(logBefore);
        assertTrue(events.stream().filter(e -> e.getLevel() == Level.WARN).count() <= 1, what + ": " + events);
        assertFalse(events.stream().anyMatch(e -> e.getLevel() == Level.ERROR || e.getThrowableProxy() != null),
                what + ": " + events);
    }

    private static synchronized List<ILoggingEvent> events(int from) {
        return new ArrayList<>(log.list.subList(from, log.list.size()));
    }

    private static int logSize() {
        return log.list.size();
    }

    /** The wrong shapes every route gets, as bodies sent with Content-Type: application/json. */
    static List<byte[]> wrongBodies() {
        List<String> bodies = new ArrayList<>(List.of("", "null", "true", "1", "\"text\"", "[]", "[1,2]", "{",
                "{}}", "{} {}", "{\"queue\":\"huji\",\"queue\":\"huji\"}", "{\"number\":\"1\",\"number\":\"2\"}",
                "[".repeat(10_000) + "]".repeat(10_000), "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
                "{\"priority\":" + "9".repeat(5000) + "}", "{\"queue\":\"huji\u0000\"}", "{\"queue\":\"\\u0000\"}",
                "\u0000", "{\"queue\":\"huji\",\"priority\":true,\"extra\":[" + "1,".repeat(1000) + "1]}"));
        for (String member : MEMBERS) {
            for (String value : WRONG_VALUES) {
                bodies.add("{\"" + member + "\":" + value + "}");
            }
        }
        List<byte[]> bytes = new ArrayList<>(bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList());
        bytes.add(new byte[] {'{', '"', 'q', 'u', 'e', 'u', 'e', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'});
        bytes.add(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'});
        bytes.add(new byte[] {'{', '"', 'n', 'u', 'm', 'b', 'e', 'r', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'});
        return bytes;
    }

    @Test
    void everyPostRouteRefusesEveryWrongBodyCleanly() throws Exception {
        List<byte[]> bodies = wrongBodies();
        for (String route : ROUTES) {
            for (boolean withSecret : new boolean[] {false, true}) {
                for (byte[] body : bodies) {
                    int before = logSize();
                    HttpResponse<String> answer = post(route, "application/json", body, withSecret);
                    String what = route + (withSecret ? " with" : " without") + " the secret, body "
                            + LogText.text(new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8));
                    if (answer.statusCode() < 300 && withSecret) {
                        continue; // {"queue":"huji", …extra}: a fine number, or a call with nothing to call
                    }
                    assertRefused(what, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                            answer.body(), before);
                    if (!withSecret) {
                        assertEquals(401, answer.statusCode(), what);
                    }
                }
            }
        }
        assertHealthy();
    }

    @Test
    void aNullBodyIsA400NotA500() throws Exception {
        for (String route : List.of("/queue/tickets", "/queue/tickets/A001/void", "/queue/windows/1/sign-in",
                "/queue/windows/1/transfer", "/status/lookup")) {
            int before = logSize();
            HttpResponse<String> answer = post(route, "application/json", "null".getBytes(StandardCharsets.UTF_8), true);
            assertEquals(400, answer.statusCode(), route + ": " + answer.body());
            assertRefused(route, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                    answer.body(), before);
        }
    }

    @Test
    void wrongContentTypesAreRefused() throws Exception {
        for (String route : ROUTES) {
            for (String type : new String[] {null, "text/plain", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/jsonx", "application/json\u00e9"}) {
                int before = logSize();
                HttpResponse<String> answer;
                try {
                    answer = post(route, type, "{\"queue\":\"huji\"}".getBytes(StandardCharsets.UTF_8), true);
                } catch (IllegalArgumentException notSendable) {
                    continue; // the JDK client will not send that header; RawHttp below covers odd bytes
                }
                if (route.endsWith("/printed") || route.endsWith("/call-next")) {
                    continue; // these take no body, so its type does not matter
                }
                assertRefused(route + " as " + type, answer.statusCode(),
                        answer.headers().firstValue("Content-Type").orElse(""), answer.body(), before);
            }
        }
    }

    @Test
    void aHundredMegabytesDeclaredAndSentGetA413AtOnce() throws Exception {
        byte[] body = new byte[100 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        for (String route : List.of("/queue/tickets", "/status/cases", "/status/lookup")) {
            int before = logSize();
            RawHttp.Answer answer = RawHttp.send(server.port(), "POST " + route + " HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + secret + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n", body);
            assertRefused(route, answer.status(), answer.header("Content-Type"), answer.body(), before);
            assertEquals(route.equals("/status/lookup") ? 400 : 413, answer.status(), route + ": " + answer.body());
        }
        assertHealthy();
    }

    @Test
    void oddPathsAreRefusedInTheErrorShape() throws Exception {
        for (String path : new String[] {"/catalog/%2e%2e/hall.secret", "/%2e%2e/%2e%2e/etc/passwd", "/queue/%00",
                "/t/%00", "/queue/tickets/%2F%2F", "/" + "a".repeat(10_000), "/queue/tickets/" + "A".repeat(10_000),
                "/catalog/..%2fhall.secret", "/status/%ZZ", "/queue/tickets/%C3%28/void", "//queue//tickets"}) {
            for (String method : new String[] {"GET", "POST"}) {
                int before = logSize();
                RawHttp.Answer answer = RawHttp.send(server.port(), method + " " + path + " HTTP/1.1\r\nHost: x\r\n"
                        + "Authorization: Bearer " + secret + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n",
                        "{}".getBytes(StandardCharsets.UTF_8));
                assertRefused(method + " " + LogText.path(path), answer.status(), answer.header("Content-Type"),
                        answer.body(), before);
                assertFalse(answer.body().contains("passwd") || answer.body().contains("AAAAAAAAAA"), answer.body());
            }
        }
        assertHealthy();
    }

    @Test
    void badHttpIsRefusedInTheErrorShape() throws Exception {
        for (String head : new String[] {"POST /queue/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n",
                "POST /queue/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n",
                "POST /queue/tickets HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n",
                "POST /queue/tickets HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n",
                "GET /health HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n"}) {
            int before = logSize();
            RawHttp.Answer answer = RawHttp.send(server.port(), head, new byte[0]);
            assertRefused(LogText.text(head.substring(0, 40)), answer.status(), answer.header("Content-Type"),
                    answer.body(), before);
        }
        assertHealthy();
    }

    /** Thousands of generated bodies, from a fixed seed so a failure can be run again. */
    @Test
    void generatedBodiesNeverGetA500() throws Exception {
        Random random = new Random(20261206);
        String[] tokens = {"{", "}", "[", "]", ":", ",", "\"queue\"", "\"priority\"", "\"reason\"", "\"queues\"",
                "\"number\"", "\"check\"", "\"huji\"", "true", "false", "null", "0", "-1", "1e400", "\"\\u0000\"",
                "\"\\ud800\"", "\"1234\"", "\"ABC-2026-000001\"", " ", "\"长者\"", "\"\\\"\""};
        for (int i = 0; i < 3_000; i++) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (random.nextInt(10) == 0) {
                byte[] noise = new byte[random.nextInt(64)];
                random.nextBytes(noise);
                body.write(noise);
            } else {
                body.write('{');
                for (int t = random.nextInt(12); t > 0; t--) {
                    body.write(tokens[random.nextInt(tokens.length)].getBytes(StandardCharsets.UTF_8));
                }
            }
            String route = ROUTES.get(random.nextInt(ROUTES.size()));
            int before = logSize();
            HttpResponse<String> answer = post(route, "application/json", body.toByteArray(), random.nextInt(8) > 0);
            if (answer.statusCode() < 300) {
                continue;
            }
            assertRefused("body " + i + " to " + route, answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(""), answer.body(), before);
        }
        assertHealthy();
    }

    @Test
    void aLookupNeverRepeatsWhatItWasSent() throws Exception {
        for (String body : new String[] {"{\"number\":\"ZZ-SECRET-77\",\"check\":\"9137\"}",
                "{\"number\":\"ZZ-SECRET-77\"}", "{\"number\":[\"ZZ-SECRET-77\"],\"check\":9137}",
                "{\"number\":\"ZZ-SECRET-77\",\"check\":\"9137\",\"number\":\"x\"}", "{\"ZZ-SECRET-77\"", "null"}) {
            HttpResponse<String> answer = post("/status/lookup", "application/json", body.getBytes(StandardCharsets.UTF_8), true);
            assertTrue(answer.statusCode() >= 400, body);
            assertFalse(answer.body().contains("ZZ-SECRET") || answer.body().contains("9137"), answer.body());
        }
    }

    private static void assertHealthy() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.baseUri().resolve("health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        HttpResponse<String> ticket = post("/queue/tickets", "application/json",
                "{\"queue\":\"huji\"}".getBytes(StandardCharsets.UTF_8), true);
        assertEquals(201, ticket.statusCode(), ticket.body());
        assertTrue(URI.create(server.baseUri().toString()).getPort() > 0);
    }
}
