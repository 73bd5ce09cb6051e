package org.yizhan.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.yizhan.json.Json;

/** JSON files as they arrive: strict UTF-8 text, checked before it is parsed. */
public final class JsonText {
    /** Jackson's "[Source: REDACTED (…); line: 2, column: 13]" inside a message, reworded for people. */
    private static final Pattern JACKSON_SOURCE =
            Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16_BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    private static final byte[] UTF16_LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    private JsonText() {
    }

    /**
     * Parses strict UTF-8 JSON text into a tree, with a message a publisher can act on for each way a
     * file goes wrong in practice: a BOM from a Windows editor, UTF-16, GBK bytes, an empty or truncated
     * download, text after the closing brace.
     *
     * @param bomAllowed true to skip a UTF-8 BOM (for foreign files we import), false to reject it
     */
    public static JsonNode parse(byte[] bytes, boolean bomAllowed) throws CatalogFormatException {
        int start = 0;
        if (startsWith(bytes, UTF8_BOM)) {
            if (!bomAllowed) {
                throw new CatalogFormatException(
                        "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM");
            }
            start = UTF8_BOM.length;
        } else if (startsWith(bytes, UTF16_BE_BOM) || startsWith(bytes, UTF16_LE_BOM)) {
            throw new CatalogFormatException("the file is UTF-16 (it starts with a UTF-16 byte order mark); "
                    + "save it as UTF-8 without BOM");
        }
        String text = decodeUtf8(bytes, start);
        if (text.isBlank()) {
            throw new CatalogFormatException("the file is empty");
        }
        if (text.indexOf('\0') >= 0) {
            throw new CatalogFormatException(
                    "the file contains NUL characters; it is probably UTF-16 or binary, not UTF-8 text");
        }
        try {
            return Json.mapper().readTree(text);
        } catch (MismatchedInputException e) {
            // A tree takes any JSON value, so the one mismatch is the mapper's FAIL_ON_TRAILING_TOKENS.
            throw textAfterTheValue(e.getLocation());
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    private static String decodeUtf8(byte[] bytes, int start) throws CatalogFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new CatalogFormatException(String.format(
                    "the file is not valid UTF-8: byte 0x%02X at offset %d (is it GBK or another legacy encoding?)",
                    bytes[offset] & 0xFF, offset));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** What a reader of the file can act on when Jackson gives up: where, and Jackson's reason without its source dump. */
    static CatalogFormatException notJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return new CatalogFormatException("not valid JSON" + (at == null ? "" : " at " + where(at)) + ": "
                + JACKSON_SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2"));
    }

    /** The document's one value is complete, and more follows it at {@code extra}. */
    static CatalogFormatException textAfterTheValue(JsonLocation extra) {
        return new CatalogFormatException("unexpected text after the end of the JSON value, at " + where(extra)
                + "; was the file concatenated or edited by hand?");
    }

    private static String where(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
