package org.yizhan.catalog.bundle;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.yizhan.json.Json;

/**
 * The small signed file that announces a published catalog ({@code index.json}, docs/protocol.md).
 * The signature covers {@link #signedText()}, a fixed line-per-field rendering, so that no JSON
 * canonicalisation is needed and any reformatting of the JSON leaves the signature valid.
 *
 * @param hall       the hall the bundle is for, or "" for any hall
 * @param file       the compressed catalog's file name, beside index.json
 * @param length     the compressed file's length in bytes
 * @param sha256     the compressed file's SHA-256, 64 lowercase hex digits
 * @param jsonLength the catalog's length in bytes once decompressed
 * @param keyId      {@link Ed25519Keys#keyId} of the signing key
 * @param signature  Base64 Ed25519 signature of {@link #signedText()}; "" before signing
 */
public record BundleIndex(
        long catalogVersion,
        Instant publishedAt,
        Instant expiresAt,
        String hall,
        String file,
        long length,
        String sha256,
        long jsonLength,
        String keyId,
        String signature) {

    public static final String FORMAT = "yizhan-bundle/1";
    public static final String FILE_NAME = "index.json";
    private static final Pattern CATALOG_FILE = Pattern.compile("catalog-v[0-9]{1,19}\\.json\\.gz");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HALL = Pattern.compile("|[A-Za-z0-9_-]{1,32}");
    private static final List<String> FIELDS = List.of("format", "catalogVersion", "publishedAt", "expiresAt",
            "hall", "file", "length", "sha256", "jsonLength", "keyId", "signature");

    public BundleIndex {
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(hall, "hall");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
    }

    /** The catalog file name for a version. */
    public static String catalogFile(long version) {
        return "catalog-v" + version + ".json.gz";
    }

    /** Exactly the bytes the signature covers: the format, then one {@code name=value} line per field. */
    public String signedText() {
        return FORMAT + "\n"
                + "catalogVersion=" + catalogVersion + "\n"
                + "publishedAt=" + publishedAt + "\n"
                + "expiresAt=" + expiresAt + "\n"
                + "hall=" + hall + "\n"
                + "file=" + file + "\n"
                + "length=" + length + "\n"
                + "sha256=" + sha256 + "\n"
                + "jsonLength=" + jsonLength + "\n"
                + "keyId=" + keyId + "\n";
    }

    public BundleIndex signedWith(PrivateKey key) {
        try {
            Signature signer = Signature.getInstance(Ed25519Keys.ALGORITHM);
            signer.initSign(key);
            signer.update(signedText().getBytes(StandardCharsets.UTF_8));
            return new BundleIndex(catalogVersion, publishedAt, expiresAt, hall, file, length, sha256, jsonLength,
                    keyId, Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + key.getAlgorithm(), e);
        }
    }

    /** Whether the signature is {@code key}'s signature of {@link #signedText()}. */
    public boolean signatureValid(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(Ed25519Keys.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public byte[] toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("format", FORMAT);
        node.put("catalogVersion", catalogVersion);
        node.put("publishedAt", publishedAt.toString());
        node.put("expiresAt", expiresAt.toString());
        node.put("hall", hall);
        node.put("file", file);
        node.put("length", length);
        node.put("sha256", sha256);
        node.put("jsonLength", jsonLength);
        node.put("keyId", keyId);
        node.put("signature", signature);
        try {
            return (Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ObjectNode always serialises", e);
        }
    }

    /** Reads an index, strictly: every field present, of its type and shape, and no other field. */
    public static BundleIndex parse(byte[] json) throws BundleException {
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (MismatchedInputException e) {
            // A tree takes any JSON value, so the one mismatch is the mapper's FAIL_ON_TRAILING_TOKENS.
            JsonLocation at = e.getLocation();
            throw new BundleException("the index is not valid JSON: unexpected text after its end, at line "
                    + at.getLineNr() + ", column " + at.getColumnNr());
        } catch (JsonProcessingException e) {
            throw new BundleException("the index is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reading from bytes cannot fail", e);
        }
        if (node == null || !node.isObject()) {
            throw new BundleException("the index is not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BundleException("the index has an unknown field \"" + name + "\"");
            }
        }
        String format = text(node, "format");
        if (!FORMAT.equals(format)) {
            throw new BundleException("the index has format \"" + format + "\"; this kiosk reads " + FORMAT);
        }
        BundleIndex index = new BundleIndex(
                number(node, "catalogVersion", 1),
                instant(node, "publishedAt"),
                instant(node, "expiresAt"),
                matching(node, "hall", HALL),
                matching(node, "file", CATALOG_FILE),
                number(node, "length", 1),
                matching(node, "sha256", HEX64),
                number(node, "jsonLength", 1),
                text(node, "keyId"),
                text(node, "signature"));
        if (!index.file().equals(catalogFile(index.catalogVersion()))) {
            throw new BundleException("the index names file " + index.file() + " for catalog version "
                    + index.catalogVersion());
        }
        return index;
    }

    private static String text(JsonNode node, String field) throws BundleException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new BundleException("the index's \"" + field + "\" is missing or not text");
        }
        return value.textValue();
    }

    private static String matching(JsonNode node, String field, Pattern pattern) throws BundleException {
        String value = text(node, field);
        if (!pattern.matcher(value).matches()) {
            throw new BundleException("the index's \"" + field + "\" is not in the expected form: \""
                    + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "\"");
        }
        return value;
    }

    private static long number(JsonNode node, String field, long min) throws BundleException {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong() || value.longValue() < min) {
            throw new BundleException("the index's \"" + field + "\" must be a whole number ≥ " + min);
        }
        return value.longValue();
    }

    private static Instant instant(JsonNode node, String field) throws BundleException {
        String value = text(node, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BundleException("the index's \"" + field + "\" is not an ISO-8601 instant");
        }
    }
}
