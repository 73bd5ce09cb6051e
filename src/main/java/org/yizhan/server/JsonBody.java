package org.yizhan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import org.yizhan.json.Json;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * A request's JSON body, read into a record or a JsonNode, or the 400 or 413 that says why not. Every body of
 * the protocol is one JSON object; anything else ({@code null}, an array, a string) is a 400, never a null.
 */
public final class JsonBody {
    private JsonBody() {
    }

    /** The body as {@code type}; {@code maxBytes} is the route's cap, named in the 413. */
    public static <T> T read(Exchange exchange, Class<T> type, int maxBytes) {
        String contentType = Objects.toString(exchange.header("Content-Type"), "");
        if (!contentType.toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?")) {
            throw ErrorAnswer.badRequest("the body must be JSON, sent with Content-Type: application/json"
                    + (contentType.isEmpty() ? "" : ", not " + LogText.text(contentType)));
        }
        if (exchange.bodyTooLarge()) {
            throw ErrorAnswer.tooLarge("the body is larger than the " + maxBytes + " bytes this endpoint accepts");
        }
        byte[] body = exchange.body();
        if (body.length == 0) {
            throw ErrorAnswer.badRequest("the body is empty; JSON was expected");
        }
        if (!startsAnObject(body)) {
            throw ErrorAnswer.badRequest("the body is not a " + type.getSimpleName() + ": a JSON object {…} was expected");
        }
        T value;
        try {
            value = Json.readMessage(body, type);
        } catch (StreamReadException e) {
            throw ErrorAnswer.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ErrorAnswer.badRequest("the body is not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ErrorAnswer.badRequest("the body could not be read: " + e.getMessage());
        }
        return value;
    }

    private static boolean startsAnObject(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }
}
