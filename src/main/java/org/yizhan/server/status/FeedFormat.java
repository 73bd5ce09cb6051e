package org.yizhan.server.status;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yizhan.json.Json;

/**
 * The feed's two JSON shapes (docs/status.md): JSON lines, one case per line, or one JSON array of cases. Each
 * record keeps the line it starts on, so a report can point at it.
 */
final class FeedFormat {
    private static final ObjectReader ELEMENT = Json.mapper().readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private FeedFormat() {
    }

    /** JSON lines, or an array when the text starts with {@code [}. */
    static List<FeedEntry> json(String text) throws FeedProblem {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return body.stripLeading().startsWith("[") ? array(body) : lines(body);
    }

    static List<FeedEntry> lines(String text) {
        List<FeedEntry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                entries.add(FeedEntry.of(i + 1, Json.mapper().readTree(line)));
            } catch (JsonProcessingException e) {
                entries.add(FeedEntry.unreadable(i + 1, "not valid JSON" + (e.getLocation() == null ? ""
                        : " (column " + e.getLocation().getColumnNr() + ")")));
            }
        }
        return entries;
    }

    /** A whole array; a broken one is one problem for the whole text, since what follows cannot be trusted. */
    static List<FeedEntry> array(String text) throws FeedProblem {
        List<FeedEntry> entries = new ArrayList<>();
        try (JsonParser parser = Json.mapper().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new FeedProblem("the text is not a JSON array");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new FeedProblem("the JSON array is not closed");
                }
                int line = parser.currentTokenLocation().getLineNr();
                // One element of many: the mapper's check for trailing tokens would take the comma for one.
                JsonNode node = ELEMENT.readValue(parser);
                entries.add(FeedEntry.of(line, node));
            }
            if (parser.nextToken() != null) {
                throw new FeedProblem("there is more text after the JSON array");
            }
        } catch (JsonProcessingException e) {
            // A limit (nesting, a number's length) reports no location.
            throw new FeedProblem("the JSON array is not valid JSON" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new FeedProblem("the JSON array could not be read");
        }
        return entries;
    }
}
