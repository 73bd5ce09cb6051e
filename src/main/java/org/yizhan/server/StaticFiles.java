package org.yizhan.server;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.yizhan.catalog.bundle.BundleException;
import org.yizhan.catalog.bundle.BundleIndex;
import org.yizhan.catalog.bundle.Sha256;

/**
 * Serves the files of one flat directory as nginx would: GET and HEAD, an ETag per file, 304 to a
 * matching If-None-Match, gzip for text when asked, and long caching for the immutable catalog files.
 */
final class StaticFiles {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final long HASHED_ETAG_MAX = 1 << 20;
    private static final int GZIP_MIN = 512;

    private final Path dir;
    private final String folder;

    /** Serves {@code dir} as the URL path {@code folder}, e.g. {@code /catalog/}. */
    StaticFiles(Path dir, String folder) {
        this.dir = dir;
        this.folder = folder;
    }

    /** For GET and HEAD (the route table refuses other methods). */
    void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        Path file = dir.resolve(name);
        if (!path.equals(folder + name) || !NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
            throw ErrorAnswer.notFound("no such file: " + path);
        }
        // A small file (the index, which publish replaces in place) is read once, so its ETag, length and
        // body always belong together; a large one is immutable, named by its version.
        long size = Files.size(file);
        byte[] small = size <= HASHED_ETAG_MAX ? Files.readAllBytes(file) : null;
        String etag = small != null ? hashTag(small) : sizeTimeTag(file, size);
        var headers = exchange.getResponseHeaders();
        headers.set("ETag", etag);
        headers.set("Cache-Control", name.equals(BundleIndex.FILE_NAME) ? "no-cache" : "public, max-age=31536000, immutable");
        boolean compressed = name.endsWith(".gz");
        if (!compressed) {
            headers.set("Vary", "Accept-Encoding");
        }
        if (matches(exchange.getRequestHeaders().getFirst("If-None-Match"), etag)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        headers.set("Content-Type", compressed ? "application/gzip" : "application/json; charset=utf-8");
        if (small != null) {
            size = small.length;
        }
        boolean gzip = !compressed && size >= GZIP_MIN && acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        if (gzip) {
            headers.set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = new GZIPOutputStream(exchange.getResponseBody())) {
                write(out, file, small);
            }
        } else {
            exchange.sendResponseHeaders(200, size);
            try (OutputStream out = exchange.getResponseBody()) {
                write(out, file, small);
            }
        }
    }

    private static void write(OutputStream out, Path file, byte[] small) throws IOException {
        if (small != null) {
            out.write(small);
        } else {
            Files.copy(file, out);
        }
    }

    /** The version of the index in this directory, for /health. */
    Optional<Long> publishedVersion() {
        try {
            return Optional.of(BundleIndex.parse(Files.readAllBytes(dir.resolve(BundleIndex.FILE_NAME))).catalogVersion());
        } catch (IOException | BundleException e) {
            return Optional.empty();
        }
    }

    private static String hashTag(byte[] bytes) {
        MessageDigest digest = Sha256.digest();
        digest.update(bytes);
        return "\"" + Sha256.hex(digest, 16) + "\"";
    }

    private static String sizeTimeTag(Path file, long size) throws IOException {
        return "\"" + Long.toHexString(Files.getLastModifiedTime(file).toMillis()) + "-" + Long.toHexString(size) + "\"";
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] coding = part.strip().split(";");
            if (coding[0].strip().equals("gzip")) {
                return coding.length < 2 || !coding[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }
}
