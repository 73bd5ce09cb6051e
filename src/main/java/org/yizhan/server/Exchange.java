package org.yizhan.server;

import java.nio.ByteBuffer;
import java.util.Objects;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * One request under way and its answer, as a route's handler sees it: the method, the decoded path, the headers,
 * the body that {@link Routes} has already read (up to the route's cap), and one way to answer.
 */
public final class Exchange {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final String path;
    private final String base;
    private byte[] body = new byte[0];
    private boolean bodyTooLarge;
    private boolean answered;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        // Percent escapes decoded, dot segments left as sent: "/catalog/%2e%2e/x" is "/catalog/../x", no file's path.
        String decoded = URIUtil.decodePath(Objects.toString(request.getHttpURI().getPath(), "/"));
        // HallRouter: a request under /halls/<id>/ is routed by its hall as if the prefix were not there.
        this.base = request.getAttribute(BASE) instanceof String b ? b : "";
        this.path = decoded.substring(base.length());
    }

    /** The request attribute in which {@link HallRouter} leaves the hall's path prefix it took off. */
    static final String BASE = "org.yizhan.server.hallBase";

    /** The hall's path prefix this request came under ({@code /halls/<id>}), or "" (the rest is {@link #path()}). */
    public String base() {
        return base;
    }

    public String method() {
        return request.getMethod();
    }

    /** The path with percent escapes decoded, no query, and no hall prefix ({@link #base()}). */
    public String path() {
        return path;
    }

    /** Whether the request came over https (a session cookie is then marked Secure). */
    public boolean secure() {
        return request.isSecure();
    }

    /** The client's IP address, as the connection shows it (no proxy header is believed). */
    public String clientAddress() {
        return Request.getRemoteAddr(request);
    }

    /** The request header's first value, or null. */
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** A query parameter's first value, or null (also for a query that cannot be decoded). */
    public String query(String name) {
        try {
            return Request.extractQueryParameters(request).getValue(name);
        } catch (RuntimeException undecodable) {
            return null;
        }
    }

    /** The body, at most the route's cap plus one byte; empty for a request without one. */
    public byte[] body() {
        return body;
    }

    /** Whether the body is over the route's cap (declared so, or sent so); then {@link #body()} is not all of it. */
    public boolean bodyTooLarge() {
        return bodyTooLarge;
    }

    void body(byte[] body, boolean tooLarge) {
        this.body = body;
        this.bodyTooLarge = tooLarge;
    }

    /** Sets a response header, replacing one of that name. */
    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** Whether the answer has been sent (or begun). */
    public boolean answered() {
        return answered;
    }

    /** Answers {@code status} with {@code body} of {@code contentType}; a HEAD gets the headers alone (the engine's). */
    public void send(int status, String contentType, byte[] body) {
        answered = true;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Answers {@code status} (204, 304) with no body. */
    public void sendEmpty(int status) {
        answered = true;
        response.setStatus(status);
        response.write(true, null, callback);
    }

    /** For the few handlers that answer through the engine itself (the catalog's files, the event stream). */
    Request request() {
        return request;
    }

    Response response() {
        return response;
    }

    Callback callback() {
        return callback;
    }

    void markAnswered() {
        answered = true;
    }
}
