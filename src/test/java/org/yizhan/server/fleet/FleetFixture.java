package org.yizhan.server.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.bundle.Ed25519Keys;
import org.yizhan.fleet.Heartbeat;
import org.yizhan.json.Json;
import org.yizhan.model.Catalog;
import org.yizhan.server.BundlePublisher;
import org.yizhan.server.HallServer;
import org.yizhan.server.queue.HallSecret;
import org.yizhan.testing.SetClock;
import org.yizhan.testing.TestCatalogs;

/** A hall server on loopback over a test's data directory and clock, and the fleet's requests to it. */
public final class FleetFixture implements AutoCloseable {
    public final Path data;
    public final SetClock clock;
    public final HallServer server;
    public final String secret;
    private final HttpClient http = HttpClient.newHttpClient();

    public FleetFixture(Path data, SetClock clock) throws Exception {
        this.data = data;
        this.clock = clock;
        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data, clock);
        secret = HallSecret.read(HallServer.secretFile(data));
    }

    public record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() throws Exception {
            return Json.mapper().readTree(body);
        }

        public String error() throws Exception {
            return json().path("error").asText();
        }
    }

    /** Publishes a small catalog of {@code version} into DATA/catalog, as `yizhan publish` does. */
    public void publish(long version) throws Exception {
        KeyPair key = Ed25519Keys.generate();
        Catalog small = TestCatalogs.small();
        Path file = Files.createTempFile(data, "catalog-", ".json");
        CatalogJson.write(new Catalog(version, small.generatedAt(), small.title(), false, "", small.themes(),
                small.departments(), small.services()), file);
        BundlePublisher.publish(file, key.getPrivate(), data.resolve(HallServer.CATALOG_DIR), "", Duration.ofDays(30),
                java.time.Clock.systemUTC());
        Files.delete(file);
    }

    /** A kiosk's heartbeat as its outbox sends it: the secret, its identity headers, a key. */
    public Answer beat(Heartbeat heartbeat, String key) throws Exception {
        return post("kiosk/heartbeat", heartbeat.json(), "Bearer " + secret, heartbeat.kioskId(), heartbeat.hallId(), key);
    }

    /** POST with any of the headers left out (null). */
    public Answer post(String path, String json, String authorization, String kiosk, String hall, String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        List<String[]> headers = List.of(new String[] {"Authorization", authorization},
                new String[] {"X-Yizhan-Kiosk", kiosk}, new String[] {"X-Yizhan-Hall", hall == null || hall.isEmpty() ? null : hall},
                new String[] {"Idempotency-Key", key});
        for (String[] h : headers) {
            if (h[1] != null) {
                request.header(h[0], h[1]);
            }
        }
        return send(request);
    }

    /** GET /fleet with the secret and {@code query} (e.g. "?staleMinutes=10", or ""). */
    public Answer fleet(String query) throws Exception {
        return get("fleet" + query, "Bearer " + secret);
    }

    public Answer get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), response.headers());
    }

    @Override
    public void close() {
        server.close();
    }
}
