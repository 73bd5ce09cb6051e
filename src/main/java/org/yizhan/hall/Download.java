package org.yizhan.hall;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One GET whose body goes to a {@link HallClient.Sink} as it arrives, capped.
 *
 * @param what        how a technician's reason names it, e.g. {@code the index}
 * @param cap         the most a 200 body may bring
 * @param whenOverCap the reason given when it brings more
 * @param asStored    a file taken byte for byte: asked for with {@code Accept-Encoding: identity}, and refused,
 *                    when its headers arrive, if it comes with a Content-Encoding all the same
 * @param ifNoneMatch an ETag for a conditional GET ({@code If-None-Match})
 */
public record Download(URI uri, String what, long cap, String whenOverCap, boolean asStored,
                       Optional<String> ifNoneMatch) {

    public Download {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(whenOverCap, "whenOverCap");
        Objects.requireNonNull(ifNoneMatch, "ifNoneMatch");
    }

    /** A JSON document, which may come gzip-encoded (the answer's Content-Encoding says; the caller decodes). */
    public static Download json(URI uri, String what, long cap) {
        return new Download(uri, what, cap, "the server sent more than " + cap + " bytes", false, Optional.empty());
    }

    /** A file such as a {@code .gz}, as stored on the server. */
    public static Download file(URI uri, String what, long cap, String whenOverCap) {
        return new Download(uri, what, cap, whenOverCap, true, Optional.empty());
    }

    public Download ifNoneMatch(Optional<String> etag) {
        return new Download(uri, what, cap, whenOverCap, asStored, etag);
    }
}
