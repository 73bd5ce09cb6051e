package org.yizhan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.sun.net.httpserver.HttpExchange;
import org.yizhan.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;

/** A request's JSON body, read into a record or a JsonNode with a size cap, or the 400 or 413 that says why not. */
public final class JsonBody {
    private JsonBody() {
    }

    public static <T> T read(HttpExchange exchange, Class<T> type, int maxBytes) {
        String contentType = Objects.toString(exchange.getRequestHeaders().getFirst("Content-Type"), "");
        if (!contentType.toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?")) {
            throw ErrorAnswer.badRequest("the body must be JSON, sent with Content-Type: application/json"
                    + (contentType.isEmpty() ? "" : ", not " + contentType));
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw ErrorAnswer.badRequest("the body could not be read: " + e.getMessage());
        }
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (body.length == 0) {
            throw ErrorAnswer.badRequest("the body is empty; JSON was expected");
        }
        try {
            return Json.readMessage(body, type);
        } catch (StreamReadException e) {
            throw ErrorAnswer.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ErrorAnswer.badRequest("the body is not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ErrorAnswer.badRequest("the body could not be read: " + e.getMessage());
        }
    }

    private static ErrorAnswer tooLarge(int maxBytes) {
        return ErrorAnswer.tooLarge("the body is larger than the " + maxBytes + " bytes this endpoint accepts");
    }
}
