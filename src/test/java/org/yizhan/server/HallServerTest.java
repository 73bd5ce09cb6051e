package org.yizhan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hall server's static files over real HTTP on loopback. */
class HallServerTest {
    @TempDir
    Path data;
    HallServer server;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(data.resolve("catalog"));
        Files.writeString(data.resolve("catalog/index.json"), "{\"x\": \"" + "索引".repeat(400) + "\"}\n");
        Files.write(data.resolve("catalog/catalog-v1.json.gz"), new byte[] {31, (byte) 139, 8, 0});
        Files.writeString(data.resolve("secret.txt"), "not served");
        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theIndexHasAnETagAndA304() throws Exception {
        HttpResponse<byte[]> first = send("GET", "catalog/index.json");
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(Optional.of("no-cache"), first.headers().firstValue("Cache-Control"));
        assertEquals(Files.readString(data.resolve("catalog/index.json")), new String(first.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> second = send("GET", "catalog/index.json", "If-None-Match", etag);
        assertEquals(304, second.statusCode());
        assertEquals(0, second.body().length);
        Files.writeString(data.resolve("catalog/index.json"), "{}");
        assertEquals(200, send("GET", "catalog/index.json", "If-None-Match", etag).statusCode(), "a changed file has a new ETag");
    }

    @Test
    void aWeakTagOrAStarMatchesAndA304KeepsItsCacheControl() throws Exception {
        String etag = send("GET", "catalog/index.json").headers().firstValue("ETag").orElseThrow();
        for (String tag : new String[] {"W/" + etag, "\"other\", *", "\"other\", " + etag}) {
            HttpResponse<byte[]> r = send("GET", "catalog/index.json", "If-None-Match", tag);
            assertEquals(304, r.statusCode(), tag);
            assertEquals(Optional.of("no-cache"), r.headers().firstValue("Cache-Control"), tag);
            assertEquals(Optional.of(etag), r.headers().firstValue("ETag"), tag);
        }
        HttpResponse<byte[]> gz = send("GET", "catalog/index.json", "Accept-Encoding", "gzip");
        String gzTag = gz.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, send("GET", "catalog/index.json", "If-None-Match", gzTag, "Accept-Encoding", "gzip").statusCode(),
                "the tag of the compressed answer matches too");
        assertEquals(304, send("HEAD", "catalog/catalog-v1.json.gz", "If-None-Match", "*").statusCode());
    }

    @Test
    void jsonIsGzippedOnlyWhenAsked() throws Exception {
        HttpResponse<byte[]> gz = send("GET", "catalog/index.json", "Accept-Encoding", "gzip");
        assertEquals(Optional.of("gzip"), gz.headers().firstValue("Content-Encoding"));
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(Files.readString(data.resolve("catalog/index.json")), text);
        assertEquals(Optional.empty(), send("GET", "catalog/index.json", "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding"));
    }

    @Test
    void theCatalogFileIsServedAsItIsAndCachedForLong() throws Exception {
        HttpResponse<byte[]> r = send("GET", "catalog/catalog-v1.json.gz", "Accept-Encoding", "gzip");
        assertEquals(200, r.statusCode());
        assertEquals(4, r.body().length);
        assertEquals(Optional.empty(), r.headers().firstValue("Content-Encoding"));
        assertEquals(Optional.of("application/gzip"), r.headers().firstValue("Content-Type"));
        assertTrue(r.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
    }

    @Test
    void onlyTheCatalogDirectoryIsServed() throws Exception {
        for (String path : new String[] {"catalog/../secret.txt", "catalog/%2e%2e/secret.txt", "secret.txt", "catalog/",
                "catalog/nothing.json", "catalog/.hidden"}) {
            HttpResponse<byte[]> r = send("GET", path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("\"error\":\"not_found\""), path);
        }
    }

    @Test
    void writesAreRefusedAndHeadWorks() throws Exception {
        HttpResponse<byte[]> put = send("PUT", "catalog/index.json");
        assertEquals(405, put.statusCode());
        assertEquals(Optional.of("GET, HEAD"), put.headers().firstValue("Allow"));
        assertEquals("{\"error\":\"method_not_allowed\",\"message\":\"PUT is not allowed here; use GET\"}",
                new String(put.body(), StandardCharsets.UTF_8));
        assertEquals(405, send("POST", "catalog/nothing").statusCode(), "the method is checked before the file");
        HttpResponse<byte[]> head = send("HEAD", "catalog/index.json");
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
    }

    @Test
    void healthNamesThePublishedVersion() throws Exception {
        HttpResponse<byte[]> r = send("GET", "health");
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"ok\",\"catalogVersion\":null}", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/"), server.baseUri());
        assertEquals(405, send("POST", "health").statusCode());
        assertEquals(404, send("GET", "healthz").statusCode());
        assertEquals(404, send("GET", "health/more").statusCode());
        assertEquals("{\"error\":\"not_found\",\"message\":\"no such endpoint: /catalog\"}",
                new String(send("GET", "catalog").body(), StandardCharsets.UTF_8));
    }
}
