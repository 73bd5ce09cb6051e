package org.yizhan.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

import org.yizhan.model.Catalog;

/** Reads and writes catalog files ({@code docs/catalog-format.md}). */
public final class CatalogJson {
    public static final String FORMAT = "yizhan-catalog/1";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // A repeated key would otherwise silently keep the last value and hide the first.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Without it, emoji are written as escaped surrogate pairs instead of UTF-8.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    /** Jackson's "[Source: REDACTED (…); line: 2, column: 13]" inside a message, reworded for people. */
    private static final Pattern JACKSON_SOURCE =
            Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16_BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    private static final byte[] UTF16_LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    private CatalogJson() {
    }

    /** Reads, checks and maps one catalog. Does not close {@code in}. */
    public static Catalog read(InputStream in) throws CatalogFormatException, IOException {
        JsonNode tree = parse(in.readAllBytes(), false);
        CatalogValidator.requireValid(tree);
        return CatalogTree.fromTree(tree);
    }

    public static Catalog read(Path file) throws CatalogFormatException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * Writes {@code catalog} as pretty-printed UTF-8 JSON. Refuses (before writing anything) a catalog
     * that {@link #read(InputStream)} would reject, e.g. version 0 or a dangling departmentId.
     * Does not close {@code out}.
     */
    public static void write(Catalog catalog, OutputStream out) throws CatalogFormatException, IOException {
        JsonNode tree = CatalogTree.toTree(catalog);
        CatalogValidator.requireValid(tree);
        MAPPER.writer(PRETTY).writeValue(out, tree);
        out.write('\n');
        out.flush();
    }

    /**
     * Writes {@code catalog} to {@code file} through a temporary file in the same directory and an atomic
     * rename, so a crash or power cut leaves either the old file or the new one, never half of one.
     */
    public static void write(Catalog catalog, Path file) throws CatalogFormatException, IOException {
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                write(catalog, Channels.newOutputStream(channel));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses strict UTF-8 JSON text into a tree, with a message a publisher can act on for each way a
     * file goes wrong in practice: a BOM from a Windows editor, UTF-16, GBK bytes, an empty or truncated
     * download, text after the closing brace.
     *
     * @param bomAllowed true to skip a UTF-8 BOM (for foreign files we import), false to reject it
     */
    static JsonNode parse(byte[] bytes, boolean bomAllowed) throws CatalogFormatException {
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
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode tree = MAPPER.readTree(parser);
            JsonLocation end = parser.currentLocation();
            boolean more;
            try {
                more = parser.nextToken() != null;
            } catch (JsonProcessingException e) {
                more = true;
            }
            if (more) {
                throw new CatalogFormatException("unexpected text after the end of the JSON value, which ends at "
                        + where(end) + "; was the file concatenated or edited by hand?");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new CatalogFormatException("not valid JSON" + (at == null ? "" : " at " + where(at)) + ": "
                    + JACKSON_SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2"));
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
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
