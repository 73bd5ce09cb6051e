package org.yizhan.server.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yizhan.json.Json;
import org.yizhan.server.HallServer;
import org.yizhan.server.ServerLimits;
import org.yizhan.storage.ServerStore;
import org.yizhan.testing.SetClock;

/** A hall server on loopback over a test's data directory and clock, and plain HTTP to it. */
final class QueueFixture implements AutoCloseable {
    /** Two queues open all day, every day: huji (A, priority lane, cap 5) and shebao (B, no lane). */
    static final String ALL_DAY = """
            {"hall": "测试大厅", "queues": [
              {"id": "huji", "prefix": "A", "name": "户籍", "description": "身份证",
               "services": {"departments": ["gaj"]}, "hours": {"mon-sun": ["00:00-24:00"]},
               "dailyCap": 5, "priorityLane": true, "location": "一楼 A 区"},
              {"id": "shebao", "prefix": "B", "name": "社保", "hours": {"mon-sun": ["00:00-24:00"]},
               "dailyCap": 500, "location": "一楼 B 区"}]}
            """;

    final Path data;
    final SetClock clock;
    final HallServer server;
    final String secret;
    private final HttpClient http = HttpClient.newHttpClient();

    QueueFixture(Path data, SetClock clock, String queuesJson) throws Exception {
        this(data, clock, queuesJson, ServerStore.SQLITE);
    }

    /** As above, with the stores in {@code store} (its caller closes it). */
    QueueFixture(Path data, SetClock clock, String queuesJson, ServerStore store) throws Exception {
        this.data = data;
        this.clock = clock;
        if (queuesJson != null) {
            Files.createDirectories(data);
            Files.writeString(data.resolve(QueuesFile.FILE), queuesJson);
        }
        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data, clock,
                ServerLimits.DEFAULTS, java.util.Optional.empty(), store);
        secret = HallSecret.read(HallServer.secretFile(data));
    }

    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(body);
        }

        String error() throws Exception {
            return json().path("error").asText();
        }
    }

    Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(server.baseUri().resolve(path)).GET());
    }

    /** POST with the hall secret. */
    Answer post(String path, String json) throws Exception {
        return post(path, json, "Bearer " + secret);
    }

    Answer post(String path, String json, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), response.headers());
    }

    /** Takes a number in {@code queue} and says it was printed; returns the ticket JSON. */
    JsonNode take(String queue, boolean priority) throws Exception {
        Answer issued = post("queue/tickets", "{\"queue\":\"" + queue + "\",\"priority\":" + priority + "}");
        if (issued.status() != 201) {
            throw new AssertionError("issue in " + queue + ": " + issued.status() + " " + issued.body());
        }
        Answer printed = post("queue/tickets/" + issued.json().get("code").asText() + "/printed", null);
        if (printed.status() != 200) {
            throw new AssertionError("printed: " + printed.status() + " " + printed.body());
        }
        return printed.json();
    }

    Answer window(String window, String action, String json) throws Exception {
        return post("queue/windows/" + window + "/" + action, json);
    }

    @Override
    public void close() {
        server.close();
    }
}
