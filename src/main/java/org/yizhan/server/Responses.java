package org.yizhan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yizhan.json.Json;

import java.nio.charset.StandardCharsets;

/** JSON and HTML answers, including the error shape of docs/protocol.md: {"error": code, "message": text}. */
public final class Responses {
    static final String JSON = "application/json; charset=utf-8";

    private Responses() {
    }

    /** {@code json}, already JSON text, as it is. */
    public static void json(Exchange exchange, int status, String json) {
        exchange.setHeader("Cache-Control", "no-store");
        exchange.send(status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code value} (a record, a JsonNode …) as JSON. */
    public static void json(Exchange exchange, int status, Object value) {
        String json;
        try {
            json = Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName() + " as JSON", e);
        }
        json(exchange, status, json);
    }

    /** A page for a browser (a phone's ticket page, later the counter's), which may load nothing from elsewhere. */
    public static void html(Exchange exchange, int status, String html) {
        exchange.setHeader("Cache-Control", "no-store");
        exchange.setHeader("X-Content-Type-Options", "nosniff");
        exchange.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One of the hall's own pages or their script and style (the counter page, the calling display), from the
     * jar: it loads nothing from elsewhere, runs no inline script, and may not be framed by another site.
     */
    public static void page(Exchange exchange, String contentType, byte[] body) {
        exchange.setHeader("Cache-Control", "no-cache");
        exchange.setHeader("X-Content-Type-Options", "nosniff");
        exchange.setHeader("X-Frame-Options", "DENY");
        exchange.setHeader("Referrer-Policy", "no-referrer");
        exchange.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "connect-src 'self'; img-src 'self' data:; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        exchange.send(200, contentType, body);
    }

    /** 204: done, nothing to say. */
    public static void noContent(Exchange exchange) {
        exchange.setHeader("Cache-Control", "no-store");
        exchange.sendEmpty(204);
    }

    static void error(Exchange exchange, int status, String code, String message) {
        json(exchange, status, errorBody(code, message));
    }

    static String errorBody(String code, String message) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("error", code);
        node.put("message", message);
        return node.toString();
    }
}
