package org.yizhan.server.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.yizhan.json.Json;
import org.yizhan.server.HallServer;
import org.yizhan.server.queue.HallSecret;
import org.yizhan.testing.SetClock;

/** A hall server on loopback over a test's data directory and a clock the test moves; plain HTTP to it. */
final class StatusFixture implements AutoCloseable {
    /** Monday 2026-11-30, 10:00 in Beijing: the week the demo cases were written for. */
    static final Instant MONDAY_10 = Instant.parse("2026-11-30T02:00:00Z");

    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(body);
        }
    }

    final Path data;
    final SetClock clock;
    final HallServer server;
    final String secret;
    private final HttpClient http = HttpClient.newHttpClient();

    StatusFixture(Path data) throws Exception {
        this.data = data;
        this.clock = new SetClock(MONDAY_10);
        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data, clock);
        secret = HallSecret.read(HallServer.secretFile(data));
    }

    Answer lookup(String number, String check) throws Exception {
        return lookup(number, check, "kiosk-1");
    }

    Answer lookup(String number, String check, String kiosk) throws Exception {
        var body = Json.mapper().createObjectNode().put("number", number).put("check", check);
        return post("status/lookup", body.toString(), "application/json", "Bearer " + secret, kiosk);
    }

    Answer post(String path, String body, String contentType, String authorization, String kiosk) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (kiosk != null) {
            request.header("X-Yizhan-Kiosk", kiosk);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), response.headers());
    }

    Answer push(String body) throws Exception {
        return post("status/cases", body, "application/x-ndjson", "Bearer " + secret, null);
    }

    @Override
    public void close() {
        server.close();
    }
}
