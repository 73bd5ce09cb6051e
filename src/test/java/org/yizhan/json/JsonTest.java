package org.yizhan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void aRepeatedKeyIsAnError() {
        assertThrows(JsonParseException.class, () -> Json.mapper().readTree("{\"a\": 1, \"a\": 2}"));
    }

    @Test
    void textAfterTheValueIsAnErrorButWhitespaceIsNot() throws Exception {
        MismatchedInputException e = assertThrows(MismatchedInputException.class,
                () -> Json.mapper().readTree("{\"a\": 1}\n{\"a\": 2}"));
        assertEquals(2, e.getLocation().getLineNr());
        assertEquals(1, e.getLocation().getColumnNr());
        assertEquals(1, Json.mapper().readTree("{\"a\": 1}\n\n  ").get("a").intValue());
    }

    @Test
    void emojiAreWrittenAsUtf8() throws Exception {
        assertEquals("\"办事🙂\"", Json.mapper().writeValueAsString("办事🙂"));
    }

    @Test
    void leavesTheCallersStreamsOpen() throws Exception {
        class Tracking extends ByteArrayOutputStream {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        Tracking out = new Tracking();
        Json.mapper().writeValue(out, "办事");
        assertFalse(out.closed);

        class TrackingIn extends ByteArrayInputStream {
            boolean closed;

            TrackingIn(byte[] bytes) {
                super(bytes);
            }

            @Override
            public void close() {
                closed = true;
            }
        }
        TrackingIn in = new TrackingIn("{}".getBytes(StandardCharsets.UTF_8));
        Json.mapper().readTree(in);
        assertFalse(in.closed);
    }
}
