package org.yizhan.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers the engine gives itself (a request it cannot parse, headers over the limit, a path it will not
 * take) in the error shape of docs/protocol.md, with a fixed text per status: never the engine's HTML, a stack
 * trace, or a word of what was sent.
 */
final class JsonErrors extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrors.class);
    private final int maxHeaderBytes;

    JsonErrors(int maxHeaderBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        String method = request.getMethod();
        String path = request.getHttpURI() == null ? "" : String.valueOf(request.getHttpURI().getPath());
        if (status == 400 && "Early EOF".equals(message)) {
            LOG.debug("{} {}: the client left before its request was whole", LogText.text(method), LogText.path(path));
        } else if (status >= 400 && status < 500) {
            LOG.warn("{} {} answered {} by the engine: {}", LogText.text(method), LogText.path(path), status,
                    LogText.text(message));
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body(status)), callback);
    }

    /** A 304 comes this way too: it keeps the file's own Cache-Control (no-cache, immutable …). */
    @Override
    protected void generateCacheControl(Response response) {
        if (!response.getHeaders().contains(HttpHeader.CACHE_CONTROL)) {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        }
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        LOG.warn("a request answered {} by the engine before it could be read: {}", status, LogText.text(reason));
        fields.put(HttpHeader.CONTENT_TYPE, Responses.JSON);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        String json = switch (status) {
            case 404 -> Responses.errorBody("not_found", "no such endpoint");
            case 413 -> Responses.errorBody("too_large", "the body is larger than this endpoint accepts");
            case 414 -> Responses.errorBody("too_large", "the path is longer than this server accepts");
            case 431 -> Responses.errorBody("too_large", "the request's line and headers are larger than the "
                    + maxHeaderBytes + " bytes this server accepts");
            case 503 -> Responses.errorBody("busy", "the server is busy or stopping; try again in a moment");
            default -> status >= 500 ? Responses.errorBody("internal", "the server failed")
                    : Responses.errorBody("bad_request", "the request is not one this server can read: "
                    + "malformed HTTP, or a path or header it does not take");
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
