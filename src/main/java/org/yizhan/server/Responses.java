package org.yizhan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import org.yizhan.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** JSON answers, including the error shape of docs/protocol.md: {"error": code, "message": text}. */
public final class Responses {
    private Responses() {
    }

    /** {@code json}, already JSON text, as it is. */
    public static void json(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** {@code value} (a record, a JsonNode …) as JSON. */
    public static void json(HttpExchange exchange, int status, Object value) throws IOException {
        String json;
        try {
            json = Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName() + " as JSON", e);
        }
        json(exchange, status, json);
    }

    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("error", code);
        node.put("message", message);
        json(exchange, status, node.toString());
    }
}
