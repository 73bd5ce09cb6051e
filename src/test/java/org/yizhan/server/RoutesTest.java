package org.yizhan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The route table on a real server on loopback: what every endpoint answers when a request goes wrong. */
class RoutesTest {
    record Rating(String kiosk, int stars) {
    }

    Server server;
    URI base;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Routes routes = new Routes()
                .post("/echo", 64, exchange -> Responses.json(exchange, 200, JsonBody.read(exchange, JsonNode.class, 64)))
                .post("/ratings", 1024, exchange -> {
                    Rating rating = JsonBody.read(exchange, Rating.class, 1024);
                    Responses.json(exchange, 201, rating);
                })
                .get("/shelf/*", exchange -> Responses.json(exchange, 200, "{\"shelf\":true}"))
                .get("/shelf/special", exchange -> Responses.json(exchange, 200, "{\"special\":true}"))
                .post("/shelf/*", 1024, exchange -> {
                    throw ErrorAnswer.badRequest("nothing goes on this shelf");
                })
                .get("/broken", exchange -> {
                    throw new IllegalStateException("a bug with a secret in it");
                });
        server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.setHandler(routes);
        server.setErrorHandler(new JsonErrors(8192));
        server.start();
        base = URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}", response.body());
        assertEquals(Optional.of("application/json; charset=utf-8"), response.headers().firstValue("Content-Type"));
        assertEquals(Optional.of("no-store"), response.headers().firstValue("Cache-Control"));
    }

    @Test
    void aJsonBodyIsReadAndAnswered() throws Exception {
        HttpResponse<String> echo = send("POST", "echo", "application/json", "{\"取号\": [1, 2]}");
        assertEquals(200, echo.statusCode());
        assertEquals("{\"取号\":[1,2]}", echo.body());
        HttpResponse<String> rating = send("POST", "ratings", "application/json; charset=utf-8",
                "{\"kiosk\": \"kiosk-07\", \"stars\": 5, \"comment\": \"a later kiosk's member\"}");
        assertEquals(201, rating.statusCode());
        assertEquals("{\"kiosk\":\"kiosk-07\",\"stars\":5}", rating.body());
    }

    @Test
    void aBodyOverTheCapIs413() throws Exception {
        assertError(send("POST", "echo", "application/json", "{\"text\": \"" + "x".repeat(100) + "\"}"), 413,
                "too_large", "the body is larger than the 64 bytes this endpoint accepts");
    }

    @Test
    void malformedJsonOrAnotherContentTypeIs400() throws Exception {
        HttpResponse<String> malformed = send("POST", "echo", "application/json", "{\"text\": ");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().startsWith("{\"error\":\"bad_request\",\"message\":\"the body is not valid JSON: "),
                malformed.body());
        assertEquals(400, send("POST", "echo", "application/json", "{} {}").statusCode(), "trailing tokens");
        assertTrue(send("POST", "ratings", "application/json", "{\"stars\": \"many\"}").body()
                .startsWith("{\"error\":\"bad_request\",\"message\":\"the body is not a Rating: "));
        assertError(send("POST", "echo", "text/plain", "{}"), 400, "bad_request",
                "the body must be JSON, sent with Content-Type: application/json, not text/plain");
        assertError(send("POST", "echo", null, "{}"), 400, "bad_request",
                "the body must be JSON, sent with Content-Type: application/json");
        assertError(send("POST", "echo", "application/json", null), 400, "bad_request",
                "the body is empty; JSON was expected");
    }

    @Test
    void aKnownPathAskedWithAnotherMethodIs405WithAllow() throws Exception {
        HttpResponse<String> get = send("GET", "echo", null, null);
        assertError(get, 405, "method_not_allowed", "GET is not allowed here; use POST");
        assertEquals(Optional.of("POST"), get.headers().firstValue("Allow"));
        HttpResponse<String> delete = send("DELETE", "shelf/a", null, null);
        assertError(delete, 405, "method_not_allowed", "DELETE is not allowed here; use GET or POST");
        assertEquals(Optional.of("GET, HEAD, POST"), delete.headers().firstValue("Allow"));
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        assertError(send("GET", "tickets", null, null), 404, "not_found", "no such endpoint: /tickets");
        assertError(send("GET", "shelf", null, null), 404, "not_found", "no such endpoint: /shelf");
        assertError(send("GET", "echo/more", null, null), 404, "not_found", "no such endpoint: /echo/more");
    }

    @Test
    void aFolderTakesEveryPathUnderItAndAnExactPathComesFirst() throws Exception {
        assertEquals("{\"shelf\":true}", send("GET", "shelf/a/b", null, null).body());
        assertEquals("{\"special\":true}", send("GET", "shelf/special", null, null).body());
        HttpResponse<String> head = send("HEAD", "shelf/a", null, null);
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertError(send("POST", "shelf/a", "application/json", "{}"), 400, "bad_request", "nothing goes on this shelf");
    }

    @Test
    void aHandlerThatThrowsIs500WithoutItsStackTrace() throws Exception {
        HttpResponse<String> broken = send("GET", "broken", null, null);
        assertError(broken, 500, "internal", "the server failed: IllegalStateException");
        assertFalse(broken.body().contains("secret") || broken.body().contains("at org.yizhan"), broken.body());
    }

    @Test
    void aRouteIsDeclaredOnce() {
        assertThrows(IllegalStateException.class, () -> new Routes().post("/echo", 64, e -> {
        }).post("/echo", 64, e -> {
        }));
    }
}
