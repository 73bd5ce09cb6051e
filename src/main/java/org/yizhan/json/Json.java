package org.yizhan.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The one configured Jackson mapper, for every place JSON crosses a boundary: catalog files, the signed
 * bundle index, the hall server and what talks to it. Reading is strict, because these files come from
 * publishers' editors and networks, and a mistake must be reported, not guessed around.
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            // A repeated key would otherwise silently keep the last value and hide the first.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Text after the value (two files run together, a hand edit) is an error, not ignored.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Whoever opened a stream closes it: a catalog is read and written inside larger streams (gzip, HTTP).
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Without it, emoji are written as escaped surrogate pairs instead of UTF-8.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads a message between a kiosk and its hall server into {@code type}. Members it does not know are
     * skipped, not errors: a newer kiosk or server may add some, and the other side reads what it knows.
     */
    public static <T> T readMessage(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
    }
}
