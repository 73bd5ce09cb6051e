package org.yizhan.hall;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hall client against a real server on loopback, one misbehaviour per path. */
class HallClientTest {
    private static final URI SERVER = URI.create("http://hall-server.lan:8080/catalog/index.json");
    private static final KioskIdentity KIOSK = new KioskIdentity("kiosk-07", "yunxi", "0.2.0");

    record Greeting(String text, int count) {
    }

    HttpServer server;
    HallClient client;
    final Map<String, String> lastRequest = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hall-client-test-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::answer);
        server.start();
        client = HallClient.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), KIOSK,
                new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(20)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestHeaders().forEach((name, values) -> lastRequest.put(name.toLowerCase(), values.get(0)));
            lastRequest.put("method", exchange.getRequestMethod());
            byte[] request = exchange.getRequestBody().readAllBytes();
            switch (exchange.getRequestURI().getPath()) {
                case "/greeting" -> send(exchange, 200, "application/json", "{\"text\":\"你好\",\"count\":2,\"later\":true}");
                case "/echo" -> send(exchange, 201, "application/json; charset=utf-8", new String(request, StandardCharsets.UTF_8));
                case "/refuse" -> send(exchange, 409, "application/json; charset=utf-8",
                        "{\"error\":\"no_numbers\",\"message\":\"今日号已取完\"}");
                case "/forbidden" -> send(exchange, 403, "text/html", "<html>\n  <b>Forbidden</b>\n</html>");
                case "/fail" -> send(exchange, 503, "text/plain", "down for maintenance");
                case "/big" -> send(exchange, 200, "application/json", "[" + "1,".repeat(600_000) + "1]");
                case "/broken" -> send(exchange, 200, "application/json", "{\"text\": ");
                case "/portal" -> send(exchange, 200, "text/html", "<html>请登录 Wi-Fi</html>");
                case "/nothing" -> {
                    exchange.sendResponseHeaders(204, -1);
                }
                case "/stall" -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, 100);
                    exchange.getResponseBody().write("{\"text\":".getBytes(StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                    sleep(10_000);
                }
                case "/file.gz" -> {
                    if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                        exchange.sendResponseHeaders(304, -1);
                    } else {
                        exchange.getResponseHeaders().set("ETag", "\"v1\"");
                        send(exchange, 200, "application/gzip", "0123456789");
                    }
                }
                case "/gzipped.gz" -> {
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                    send(exchange, 200, "application/gzip", "0123456789");
                }
                default -> send(exchange, 404, "application/json", "{\"error\":\"not_found\",\"message\":\"no such endpoint\"}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aJsonAnswerIsReadIntoARecordAndTheKioskSaysWhoItIs() throws Exception {
        assertEquals(new Greeting("你好", 2), client.getJson("greeting", Greeting.class));
        assertEquals("GET", lastRequest.get("method"));
        assertEquals("kiosk-07", lastRequest.get("x-yizhan-kiosk"));
        assertEquals("yunxi", lastRequest.get("x-yizhan-hall"));
        assertEquals("Yizhan-kiosk/0.2.0", lastRequest.get("user-agent"));
        assertEquals("application/json", lastRequest.get("accept"));
        assertEquals("你好", client.getJson("greeting", JsonNode.class).path("text").asText());
    }

    @Test
    void aPostSendsJsonAndReadsTheAnswer() throws Exception {
        assertEquals(new Greeting("取号", 1), client.postJson("echo", new Greeting("取号", 1), Greeting.class));
        assertEquals("POST", lastRequest.get("method"));
        assertEquals("application/json; charset=utf-8", lastRequest.get("content-type"));
        assertEquals("kiosk-07", lastRequest.get("x-yizhan-kiosk"));
        assertNull(client.postJson("nothing", new Greeting("评价", 5), Void.class));
    }

    @Test
    void anEmptyIdentityLeavesItsHeadersOut() throws Exception {
        HallClient anonymous = HallClient.create(client.serverUrl(), KioskIdentity.NONE);
        anonymous.getJson("greeting", Greeting.class);
        assertEquals("Yizhan-kiosk", lastRequest.get("user-agent"));
        assertTrue(!lastRequest.containsKey("x-yizhan-kiosk") && !lastRequest.containsKey("x-yizhan-hall"));
    }

    @Test
    void a4xxIsRefusedWithTheServersReason() {
        HallFailure.Refused refused = assertThrows(HallFailure.Refused.class,
                () -> client.postJson("refuse", new Greeting("取号", 1), Greeting.class));
        assertEquals(409, refused.status());
        assertEquals(Optional.of("no_numbers"), refused.code());
        assertEquals(Optional.of("今日号已取完"), refused.serverMessage());
        assertEquals("the server answered HTTP 409 for POST /refuse: {\"error\":\"no_numbers\",\"message\":\"今日号已取完\"}",
                refused.getMessage());
    }

    @Test
    void a4xxWithoutAJsonBodyIsRefusedWithItsExcerpt() {
        HallFailure.Refused refused = assertThrows(HallFailure.Refused.class, () -> client.getJson("forbidden", Greeting.class));
        assertEquals(Optional.empty(), refused.code());
        assertEquals(Optional.empty(), refused.serverMessage());
        assertEquals("the server answered HTTP 403 for GET /forbidden: <html> <b>Forbidden</b> </html>", refused.getMessage());
    }

    @Test
    void a5xxIsUnreachable() {
        HallFailure failure = assertThrows(HallFailure.Unreachable.class, () -> client.getJson("fail", Greeting.class));
        assertEquals("the server answered HTTP 503 for GET /fail: down for maintenance", failure.getMessage());
    }

    @Test
    void anAnswerOverTheCapIsBad() {
        HallFailure failure = assertThrows(HallFailure.BadAnswer.class, () -> client.getJson("big", JsonNode.class));
        assertEquals("the server sent more than 1048576 bytes", failure.getMessage());
        HallFailure download = assertThrows(HallFailure.BadAnswer.class, () -> client.download(
                Download.json(client.serverUrl().resolve("greeting"), "the greeting", 10), bytes -> {
                }));
        assertEquals("the server sent more than 10 bytes", download.getMessage());
    }

    @Test
    void malformedJsonIsABadAnswer() {
        HallFailure failure = assertThrows(HallFailure.BadAnswer.class, () -> client.getJson("broken", Greeting.class));
        assertTrue(failure.getMessage().startsWith("the server's answer to GET /broken is not valid JSON: "), failure.getMessage());
        HallFailure mismatch = assertThrows(HallFailure.BadAnswer.class, () -> client.getJson("greeting", Integer.class));
        assertTrue(mismatch.getMessage().startsWith("the server's answer to GET /greeting is not a Integer: "),
                mismatch.getMessage());
    }

    @Test
    void aPageThatIsNotJsonIsABadAnswer() {
        // A hotel-style Wi-Fi login page answers 200 to everything.
        HallFailure failure = assertThrows(HallFailure.BadAnswer.class, () -> client.getJson("portal", Greeting.class));
        assertEquals("the server answered GET /portal with Content-Type: text/html, not JSON", failure.getMessage());
    }

    @Test
    void aBodyThatStallsIsAbandoned() {
        long start = System.nanoTime();
        HallFailure failure = assertThrows(HallFailure.Unreachable.class, () -> client.getJson("stall", Greeting.class));
        assertTrue(failure.getMessage().matches("the download from http://127\\.0\\.0\\.1:[0-9]+/stall stalled: "
                + "no data for 1 s after 8 bytes"), failure.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(8).toNanos(), "the watchdog did not wait for the server");
    }

    @Test
    void aDownloadGoesToTheSinkAndAConditionalOneMayBeNotModified() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        URI file = client.serverUrl().resolve("file.gz");
        HallClient.Answer answer = client.download(Download.file(file, "file.gz", 10, "too long"), bytes -> {
            byte[] chunk = new byte[bytes.remaining()];
            bytes.get(chunk);
            sink.writeBytes(chunk);
        });
        assertEquals(200, answer.status());
        assertEquals(10, answer.bodyBytes());
        assertArrayEquals("0123456789".getBytes(StandardCharsets.UTF_8), sink.toByteArray());
        assertEquals("identity", lastRequest.get("accept-encoding"));
        assertEquals(Optional.of("\"v1\""), answer.header("ETag"));
        HallClient.Answer again = client.download(Download.file(file, "file.gz", 10, "too long")
                .ifNoneMatch(Optional.of("\"v1\"")), bytes -> {
                });
        assertEquals(304, again.status());
        assertEquals("too long", assertThrows(HallFailure.BadAnswer.class,
                () -> client.download(Download.file(file, "file.gz", 9, "too long"), bytes -> {
                })).getMessage());
    }

    @Test
    void aFileServedWithAContentEncodingIsRefusedWhenItsHeadersArrive() {
        HallFailure failure = assertThrows(HallFailure.BadAnswer.class, () -> client.download(
                Download.file(client.serverUrl().resolve("gzipped.gz"), "gzipped.gz", 1 << 20, "too long"), bytes -> {
                }));
        assertEquals("the server sent /gzipped.gz with Content-Encoding: gzip; a .gz file must be served as it is "
                + "(turn gzip off for it)", failure.getMessage());
    }

    @Test
    void aDownloadSaysWhatItWasWhenRefused() {
        HallFailure.Refused refused = assertThrows(HallFailure.Refused.class, () -> client.download(
                Download.json(client.serverUrl().resolve("catalog/index.json"), "the index", 1024), bytes -> {
                }));
        assertEquals(404, refused.status());
        assertEquals("the server answered HTTP 404 for the index: {\"error\":\"not_found\",\"message\":\"no such endpoint\"}",
                refused.getMessage());
    }

    @Test
    void theSinksOwnFailureComesBackAsItWas() {
        IOException full = new IOException("No space left on device");
        assertEquals(full, assertThrows(IOException.class, () -> client.download(
                Download.file(client.serverUrl().resolve("file.gz"), "file.gz", 10, "too long"), bytes -> {
                    throw full;
                })));
    }

    private static String unreachableReason(URI uri) {
        HallClient client = HallClient.create(uri.resolve("/"), KIOSK,
                new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20)));
        return assertThrows(HallFailure.Unreachable.class, () -> client.download(Download.json(uri, "the index", 1024),
                bytes -> {
                })).getMessage();
    }

    @Test
    void aHostNameThatDoesNotResolveIsNamedAsSuch() {
        // .invalid never resolves (RFC 2606), and the final dot keeps resolv.conf's search domains out of it.
        String reason = unreachableReason(URI.create("http://hall-sever.invalid.:8080/catalog/index.json"));
        assertTrue(reason.startsWith("cannot resolve host hall-sever.invalid"), reason);
    }

    @Test
    void aClosedPortIsARefusal() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertEquals("cannot connect to http://127.0.0.1:" + port + ": connection refused",
                unreachableReason(URI.create("http://127.0.0.1:" + port + "/catalog/index.json")));
    }

    /** Each way of not reaching the server gets its own words, because each sends the technician somewhere else. */
    @Test
    void noRouteUnreachableAndTimeoutAreNotRefusals() {
        assertEquals("cannot connect to http://hall-server.lan:8080: no route to host", HallClient.whyNoConnection(SERVER,
                new ConnectException("java.net.NoRouteToHostException: No route to host")
                        .initCause(new NoRouteToHostException("No route to host"))));
        assertEquals("cannot connect to http://hall-server.lan:8080: network unreachable", HallClient.whyNoConnection(SERVER,
                new ConnectException("java.net.SocketException: Network is unreachable")
                        .initCause(new SocketException("Network is unreachable"))));
        assertEquals("cannot connect to http://hall-server.lan:8080: timed out", HallClient.whyNoConnection(SERVER,
                new HttpConnectTimeoutException("HTTP connect timed out")
                        .initCause(new ConnectException("HTTP connect timed out"))));
        assertEquals("cannot connect to http://hall-server.lan:8080: connection refused", HallClient.whyNoConnection(SERVER,
                new ConnectException().initCause(new java.nio.channels.ClosedChannelException())));
    }
}
