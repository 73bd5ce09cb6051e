package org.yizhan.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.CompressedContentFormat;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContent;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.yizhan.catalog.bundle.BundleException;
import org.yizhan.catalog.bundle.BundleIndex;
import org.yizhan.catalog.bundle.Sha256;

/**
 * Serves the files of one flat directory as nginx would: GET and HEAD, an ETag per file, 304 to a matching
 * If-None-Match, and long caching for the immutable catalog files. The engine's ResourceService answers the
 * conditional request and sends the file without holding a thread; GzipHandler compresses the index when asked.
 * What is ours is which files may be served and their ETag: a content hash for the index (docs/protocol.md).
 */
final class StaticFiles {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final long HASHED_ETAG_MAX = 1 << 20;
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Responses.JSON);
    private static final String GZIP = "application/gzip";

    private final Path dir;
    private final String folder;
    private final ResourceService files = new ResourceService();

    /** Serves {@code dir} as the URL path {@code folder}, e.g. {@code /catalog/}. */
    StaticFiles(Path dir, String folder) {
        this.dir = dir;
        this.folder = folder;
        files.setAcceptRanges(false);
        files.setEtags(true);
        files.setDirAllowed(false);
    }

    /** For GET and HEAD (the route table refuses other methods). */
    void serve(Exchange exchange) throws IOException {
        String path = exchange.path();
        String name = path.substring(path.lastIndexOf('/') + 1);
        Path file = dir.resolve(name);
        if (!path.equals(folder + name) || !NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
            throw ErrorAnswer.notFound("no such file: " + path);
        }
        // A small file (the index, which publish replaces in place) is read once, so its ETag, length and
        // body always belong together; a large one is immutable, named by its version.
        long size = Files.size(file);
        boolean compressed = name.endsWith(".gz");
        Resource resource = ResourceFactory.root().newResource(file);
        HttpContent content;
        if (size <= HASHED_ETAG_MAX) {
            byte[] bytes = Files.readAllBytes(file);
            content = new InMemory(resource, bytes, compressed ? new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, GZIP) : JSON,
                    hashTag(bytes));
        } else {
            HttpField etag = new PreEncodedHttpField(HttpHeader.ETAG, sizeTimeTag(file, size));
            content = new HttpContent.Wrapper(new ResourceHttpContent(resource, compressed ? GZIP : Responses.JSON)) {
                @Override
                public HttpField getETag() {
                    return etag;
                }
            };
        }
        exchange.setHeader("Cache-Control", name.equals(BundleIndex.FILE_NAME) ? "no-cache" : "public, max-age=31536000, immutable");
        // Here rather than in the engine, which compares neither W/ tags nor a * among others as the protocol says.
        if (matches(exchange.header("If-None-Match"), content.getETagValue())) {
            exchange.setHeader("ETag", content.getETagValue());
            exchange.sendEmpty(304);
            return;
        }
        if (!compressed) {
            exchange.setHeader("Vary", "Accept-Encoding");
        }
        exchange.markAnswered();
        files.doGet(exchange.request(), exchange.response(), exchange.callback(), content);
    }

    /** A small file as read once: its bytes, their type and their hash as the ETag. */
    private record InMemory(Resource resource, byte[] bytes, HttpField type, String tag) implements HttpContent {
        @Override
        public HttpField getContentType() {
            return type;
        }

        @Override
        public HttpField getContentEncoding() {
            return null;
        }

        @Override
        public HttpField getContentLength() {
            return new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, bytes.length);
        }

        @Override
        public HttpField getLastModified() {
            return null;
        }

        @Override
        public HttpField getETag() {
            return new PreEncodedHttpField(HttpHeader.ETAG, tag);
        }

        @Override
        public String getCharacterEncoding() {
            return type == JSON ? "utf-8" : null;
        }

        @Override
        public MimeTypes.Type getMimeType() {
            return type == JSON ? MimeTypes.Type.APPLICATION_JSON_UTF_8 : null;
        }

        @Override
        public Instant getLastModifiedInstant() {
            return null;
        }

        @Override
        public long getContentLengthValue() {
            return bytes.length;
        }

        @Override
        public Resource getResource() {
            return resource;
        }

        @Override
        public void writeTo(Content.Sink sink, long offset, long length, Callback callback) {
            int from = (int) offset;
            int count = length < 0 ? bytes.length - from : (int) length;
            sink.write(true, ByteBuffer.wrap(bytes, from, count), callback);
        }

        @Override
        public Set<CompressedContentFormat> getPreCompressedContentFormats() {
            return Set.of();
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

    /** Weak comparison (a W/ prefix ignored), {@code *} for any file (docs/protocol.md). */
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

    private static String hashTag(byte[] bytes) {
        MessageDigest digest = Sha256.digest();
        digest.update(bytes);
        return "\"" + Sha256.hex(digest, 16) + "\"";
    }

    private static String sizeTimeTag(Path file, long size) throws IOException {
        return "\"" + Long.toHexString(Files.getLastModifiedTime(file).toMillis()) + "-" + Long.toHexString(size) + "\"";
    }
}
