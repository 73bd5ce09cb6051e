package org.yizhan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients that send slowly, sit idle or open too much cannot keep a kiosk from taking a number. */
class SlowClientsTest {
    @TempDir
    Path data;
    HallServer server;
    final List<Socket> sockets = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    void start(ServerLimits limits) throws Exception {
        Files.writeString(data.resolve("queues.json"), HostileRequestsTest.HALL);
        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data, Clock.systemUTC(), limits);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> takeNumber() throws Exception {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve("queue/tickets"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + server.hallSecret()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"queue\":\"huji\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A connection from {@code from} that has sent the start of a request, and sends no more. */
    private Socket halfRequest(InetAddress from) throws IOException {
        Socket socket = RawHttp.connect(from, server.port());
        sockets.add(socket);
        socket.getOutputStream().write("POST /queue/tickets HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static boolean closedByServer(Socket socket, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int b = in.read();
                if (b == -1) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Test
    void slowAndIdleClientsDoNotStarveTheKiosks() throws Exception {
        start(ServerLimits.DEFAULTS);
        // 64 clients sending a header line a second was enough to stop the JDK's server; here, 200 of each kind.
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            slow.add(halfRequest(InetAddress.getByName("127.0.0.2")));
            Socket idle = RawHttp.connect(InetAddress.getByName("127.0.0.3"), server.port());
            sockets.add(idle);
        }
        CompletableFuture<Void> dribble = CompletableFuture.runAsync(() -> {
            try {
                for (int second = 0; second < 3; second++) {
                    for (Socket socket : slow) {
                        socket.getOutputStream().write("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> ticket = takeNumber();
            assertEquals(201, ticket.statusCode(), ticket.body());
        }
        dribble.get();
    }

    @Test
    void headersThatTakeTooLongCloseTheConnection() throws Exception {
        start(ServerLimits.DEFAULTS.withHeaderTime(Duration.ofSeconds(2)));
        Socket slow = halfRequest(InetAddress.getLoopbackAddress());
        OutputStream out = slow.getOutputStream();
        long started = System.nanoTime();
        boolean closed = false;
        for (int i = 0; i < 20 && !closed; i++) {
            try {
                out.write("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (SocketException gone) {
                closed = true;
                break;
            }
            closed = closedByServer(slow, Duration.ofMillis(500));
        }
        assertTrue(closed, "a client still sending its headers after 10 s was left open");
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 1_500, "closed before its time was up");
        assertEquals(201, takeNumber().statusCode());
    }

    @Test
    void oneAddressGetsAtMostItsShareOfConnections() throws Exception {
        start(ServerLimits.DEFAULTS.withPerAddress(20));
        InetAddress greedy = InetAddress.getByName("127.0.0.4");
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            held.add(halfRequest(greedy));
        }
        Thread.sleep(300);
        for (Socket socket : held) {
            assertFalse(closedByServer(socket, Duration.ofMillis(20)), "one of the first 20 was closed");
        }
        Socket extra = halfRequest(greedy);
        assertTrue(closedByServer(extra, Duration.ofSeconds(5)), "the 21st connection from one address was kept");
        assertEquals(201, takeNumber().statusCode(), "another address is served meanwhile");
        held.get(0).close();
        Thread.sleep(300);
        Socket again = RawHttp.connect(greedy, server.port());
        sockets.add(again);
        again.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        RawHttp.Answer freed = RawHttp.read(again.getInputStream());
        assertEquals(200, freed.status(), "a freed place can be taken again: " + freed.head());
    }

    @Test
    void aStopLetsTheRequestUnderWayFinish() throws Exception {
        start(ServerLimits.DEFAULTS);
        Socket socket = RawHttp.connect(InetAddress.getLoopbackAddress(), server.port());
        sockets.add(socket);
        byte[] body = "{\"queue\":\"huji\"}".getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /queue/tickets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + server.hallSecret()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, 5);
        out.flush();
        Thread.sleep(300);
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
        Thread.sleep(500);
        out.write(body, 5, body.length - 5);
        out.flush();
        RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
        assertEquals(201, answer.status(), answer.head() + answer.body());
        stopping.get();
        assertTrue(refused(server.port()), "a stopped server still takes connections");
    }

    private static boolean refused(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void theAccessLogHasALineARequestAndNothingSecret() throws Exception {
        start(ServerLimits.DEFAULTS);
        HttpResponse<String> ticket = http.send(HttpRequest.newBuilder(server.baseUri().resolve("queue/tickets?x=1"))
                        .header("Authorization", "Bearer " + server.hallSecret()).header("Content-Type", "application/json")
                        .header("X-Yizhan-Kiosk", "kiosk-07")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"queue\":\"huji\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String code = org.yizhan.json.Json.mapper().readTree(ticket.body()).get("code").asText();
        http.send(HttpRequest.newBuilder(server.baseUri().resolve("t/" + code)).build(), HttpResponse.BodyHandlers.ofString());
        http.send(HttpRequest.newBuilder(server.baseUri().resolve("status/lookup"))
                        .header("Authorization", "Bearer " + server.hallSecret()).header("Content-Type", "application/json")
                        .header("X-Yizhan-Kiosk", "kiosk 07;forged")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"number\":\"GD-2026-000123\",\"check\":\"4821\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String secret = server.hallSecret();
        server.close();
        String log = accessLog();
        List<String> lines = log.lines().toList();
        assertEquals(3, lines.size(), log);
        assertTrue(lines.get(0).matches("\\S+ 127\\.0\\.0\\.1 POST /queue/tickets 201 \\d+ \\d+ kiosk-07"), lines.get(0));
        assertTrue(lines.get(1).matches("\\S+ 127\\.0\\.0\\.1 GET /t/\\* 200 \\d+ \\d+ -"), lines.get(1));
        assertTrue(lines.get(2).matches("\\S+ 127\\.0\\.0\\.1 POST /status/lookup 404 \\d+ \\d+ \\?"), lines.get(2));
        for (String secretWord : new String[] {secret, code, "GD-2026", "4821", "x=1", "forged"}) {
            assertFalse(log.contains(secretWord), secretWord + " in " + log);
        }
    }

    @Test
    void behindAProxyTheForwardedAddressIsTheClients() throws Exception {
        assertEquals("10.20.30.40", loggedAddress(true));
    }

    @Test
    void withoutAProxyAForwardedHeaderIsIgnored() throws Exception {
        assertEquals("127.0.0.1", loggedAddress(false));
    }

    /** The address the access log gives a request that says it was forwarded for 10.20.30.40. */
    private String loggedAddress(boolean behindProxy) throws Exception {
        start(ServerLimits.DEFAULTS.withBehindProxy(behindProxy));
        http.send(HttpRequest.newBuilder(server.baseUri().resolve("health")).header("X-Forwarded-For", "10.20.30.40")
                .build(), HttpResponse.BodyHandlers.ofString());
        server.close();
        String log = accessLog();
        List<String> lines = log.lines().toList();
        assertEquals(1, lines.size(), log);
        assertTrue(lines.get(0).matches("\\S+ \\S+ GET /health 200 .*"), lines.get(0));
        return lines.get(0).split(" ")[1];
    }

    /** The server's one access log, read whole (after the server closed). */
    private String accessLog() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("logs"))) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().startsWith("access-")).toList();
            assertEquals(1, logs.size(), logs.toString());
            return Files.readString(logs.get(0));
        }
    }
}
