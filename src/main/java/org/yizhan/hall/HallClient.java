package org.yizhan.hall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import org.yizhan.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;

/**
 * Everything a kiosk asks its hall server goes through here: JSON GETs and POSTs, and downloads streamed
 * to a sink, each with the kiosk's identity attached, over HTTP/1.1, following redirects.
 *
 * <p>The limits are those a kiosk needs and the JDK client lacks. Its request timeout ends when the headers
 * arrive, so a body that stalls would hang forever: a watchdog aborts a body that is silent for longer than
 * {@link Timeouts#answer()}, or that is still arriving at {@link Timeouts#deadline()}. Every body is capped
 * as it arrives, so an endless answer costs at most the cap. Every failure is a {@link HallFailure} whose
 * message a technician can act on.
 */
public final class HallClient {

    /** Where the bytes of a download go, as they arrive. */
    public interface Sink {
        void write(ByteBuffer bytes) throws IOException;
    }

    /** A download's answer: 200, its body gone to the sink, or 304 (no body). */
    public record Answer(int status, HttpHeaders headers, long bodyBytes) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** The most a JSON answer may bring. */
    static final long JSON_CAP = 1 << 20;
    private static final long POLL_MILLIS = 200;
    private static final int REASON_EXCERPT = 200;

    private record Received(HttpResponse<Void> response, Body body) {
    }

    private final URI serverUrl;
    private final KioskIdentity identity;
    private final Timeouts timeouts;
    private final HttpClient http;
    /** The hall secret sent as {@code Authorization: Bearer}, or null for a client that only reads. */
    private final String secret;
    private final ServerTrust trust;

    private HallClient(URI serverUrl, KioskIdentity identity, Timeouts timeouts, HttpClient http, String secret,
                       ServerTrust trust) {
        this.serverUrl = serverUrl;
        this.identity = identity;
        this.timeouts = timeouts;
        this.http = http;
        this.secret = secret;
        this.trust = trust;
    }

    /** A client of the hall server at {@code serverUrl} (server.url, ending with /) with the default timeouts. */
    public static HallClient create(URI serverUrl, KioskIdentity identity) {
        return create(serverUrl, identity, Timeouts.DEFAULT);
    }

    public static HallClient create(URI serverUrl, KioskIdentity identity, Timeouts timeouts) {
        return new HallClient(serverUrl, identity, timeouts, httpClient(timeouts.connect(), true, ServerTrust.SYSTEM),
                null, ServerTrust.SYSTEM);
    }

    private static HttpClient httpClient(Duration connectTimeout, boolean followRedirects, ServerTrust trust) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                // Plain HTTP/1.1: no h2c upgrade for simple static-file servers and proxies to trip over.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(followRedirects ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
        trust.context().ifPresent(builder::sslContext);
        return builder.build();
    }

    /** The same server and identity, trusting over https what {@code other} says (server.ca, server.pin). */
    public HallClient withTrust(ServerTrust other) {
        if (other == trust) {
            return this; // as for every kiosk on plain http or the runtime's CAs: no second connection pool
        }
        return new HallClient(serverUrl, identity, timeouts, httpClient(timeouts.connect(), secret == null, other),
                secret, other);
    }

    /**
     * The same server and identity, proving with the hall secret that it may write (take a ticket): every
     * request carries {@code Authorization: Bearer SECRET}. Such a client follows no redirect, so the secret
     * goes only where server.url says.
     */
    public HallClient withHallSecret(String hallSecret) {
        if (hallSecret == null || hallSecret.isBlank() || !hallSecret.strip().matches("[\\x21-\\x7e]+")) {
            throw new IllegalArgumentException("a hall secret is printable characters without spaces");
        }
        return new HallClient(serverUrl, identity, timeouts, httpClient(timeouts.connect(), false, trust),
                hallSecret.strip(), trust);
    }

    /** The same server and identity with other timeouts (the connect timeout belongs to the connection pool). */
    public HallClient withTimeouts(Timeouts other) {
        if (other.equals(timeouts)) {
            return this;
        }
        HttpClient pool = other.connect().equals(timeouts.connect()) ? http
                : httpClient(other.connect(), secret == null, trust);
        return new HallClient(serverUrl, identity, other, pool, secret, trust);
    }

    public URI serverUrl() {
        return serverUrl;
    }

    public KioskIdentity identity() {
        return identity;
    }

    /**
     * GETs {@code path} (relative to server.url) and reads the JSON answer into {@code type} (a record, or
     * {@code JsonNode}).
     */
    public <T> T getJson(String path, Class<T> type) throws HallFailure {
        URI uri = serverUrl.resolve(path);
        return json(request(uri).GET(), "GET " + uri.getPath(), type);
    }

    /**
     * POSTs {@code body} as JSON to {@code path} (relative to server.url) and reads the JSON answer into
     * {@code type}; {@code Void.class}, or a 204, gives null.
     */
    public <T> T postJson(String path, Object body, Class<T> type) throws HallFailure {
        return postJson(path, body, type, null);
    }

    /**
     * As {@link #postJson(String, Object, Class)}, naming the request with {@code idempotencyKey} (the
     * {@code Idempotency-Key} header, when not null): the server answers the same key again as it answered it
     * first, and changes nothing (docs/protocol.md).
     */
    public <T> T postJson(String path, Object body, Class<T> type, String idempotencyKey) throws HallFailure {
        URI uri = serverUrl.resolve(path);
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + body.getClass().getSimpleName() + " as JSON", e);
        }
        HttpRequest.Builder request = request(uri).header("Content-Type", "application/json; charset=utf-8");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return json(request.POST(HttpRequest.BodyPublishers.ofByteArray(json)), "POST " + uri.getPath(), type);
    }

    /**
     * GETs a download into {@code sink}, at most its cap.
     *
     * @throws HallFailure  for every way the exchange can break, and for any status but 200 and 304
     * @throws IOException  only as the sink threw it
     */
    public Answer download(Download download, Sink sink) throws HallFailure, IOException {
        HttpRequest.Builder request = request(download.uri()).GET();
        if (download.asStored()) {
            request.header("Accept-Encoding", "identity");
        } else {
            request.header("Accept-Encoding", "gzip").header("Accept", "application/json");
        }
        download.ifNoneMatch().ifPresent(tag -> request.header("If-None-Match", tag));
        Received received = send(request.build(), download.cap(), download.whenOverCap(), sink,
                status -> status == 200, download.asStored());
        int status = received.response().statusCode();
        if (status != 200 && status != 304) {
            throw failure(status, download.what(), received.body().excerpt());
        }
        return new Answer(status, received.response().headers(), received.body().count());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeouts.answer());
        identity.addTo(request);
        if (secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        return request;
    }

    private <T> T json(HttpRequest.Builder request, String what, Class<T> type) throws HallFailure {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Received received;
        try {
            received = send(request.header("Accept", "application/json").build(), JSON_CAP,
                    "the server sent more than " + JSON_CAP + " bytes", buffer -> write(bytes, buffer),
                    status -> status / 100 == 2, false);
        } catch (IOException e) {
            throw new UncheckedIOException("a ByteArrayOutputStream failed", e);
        }
        HttpResponse<Void> response = received.response();
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw failure(status, what, received.body().excerpt());
        }
        if (status == 204 || type == Void.class) {
            return null;
        }
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
        if (!encoding.equalsIgnoreCase("identity")) {
            throw new HallFailure.BadAnswer("the server answered " + what + " with Content-Encoding: " + encoding
                    + ", which this kiosk did not ask for");
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?")) {
            throw new HallFailure.BadAnswer("the server answered " + what + " with "
                    + (contentType.isEmpty() ? "no Content-Type" : "Content-Type: " + contentType) + ", not JSON");
        }
        if (bytes.size() == 0) {
            throw new HallFailure.BadAnswer("the server answered " + what + " with an empty body, not JSON");
        }
        try {
            return Json.readMessage(bytes.toByteArray(), type);
        } catch (StreamReadException e) {
            throw new HallFailure.BadAnswer("the server's answer to " + what + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new HallFailure.BadAnswer("the server's answer to " + what + " is not a " + type.getSimpleName()
                    + ": " + why);
        }
    }

    /** One exchange, watched: a body goes to the sink when {@code wanted} says so of its status. */
    private Received send(HttpRequest request, long cap, String whenOverCap, Sink sink, IntPredicate wanted,
                          boolean asStored) throws HallFailure, IOException {
        URI uri = request.uri();
        Body body = new Body(cap, whenOverCap, sink);
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request, info -> {
            String encoding = info.headers().firstValue("Content-Encoding").orElse("identity");
            if (asStored && info.statusCode() == 200 && !encoding.equalsIgnoreCase("identity")) {
                body.abort(new HallFailure.BadAnswer("the server sent " + uri.getPath() + " with Content-Encoding: "
                        + encoding + "; a .gz file must be served as it is (turn gzip off for it)"));
            }
            return body.start(wanted.test(info.statusCode()));
        });
        long end = System.nanoTime() + timeouts.deadline().toNanos();
        try {
            while (true) {
                try {
                    return new Received(exchange.get(POLL_MILLIS, TimeUnit.MILLISECONDS), body);
                } catch (TimeoutException waiting) {
                    long now = System.nanoTime();
                    if (body.started() && now - body.lastProgress() > timeouts.answer().toNanos()) {
                        body.abort(new HallFailure.Unreachable("the download from " + uri + " stalled: no data for "
                                + timeouts.answer().toSeconds() + " s after " + body.count() + " bytes"));
                    } else if (now > end) {
                        body.abort(new HallFailure.Unreachable("the download from " + uri
                                + " was still not complete after " + inWords(timeouts.deadline()) + " ("
                                + body.count() + " bytes)"));
                    }
                    if (body.failure() != null) {
                        exchange.cancel(true);
                        throw thrown(body.failure());
                    }
                }
            }
        } catch (ExecutionException e) {
            if (body.failure() != null) {
                throw thrown(body.failure());
            }
            throw translate(uri, e.getCause(), body);
        } catch (CancellationException e) {
            if (body.failure() != null) {
                throw thrown(body.failure());
            }
            throw new HallFailure.Unreachable("the download from " + uri + " was cancelled");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new HallFailure.Unreachable("interrupted while downloading " + uri);
        }
    }

    /** The sink's own IOException as it was; otherwise the failure a watchdog or the body decided on. */
    private static HallFailure thrown(Exception failure) throws IOException {
        if (failure instanceof IOException sinkFailure) {
            throw sinkFailure;
        }
        return (HallFailure) failure;
    }

    /** 4xx: refused, with the server's reason; 5xx: it failed on its side; anything else was not asked for. */
    private static HallFailure failure(int status, String what, String excerpt) {
        String text = excerpt.replaceAll("\\s+", " ").strip();
        String detail = text.isEmpty() ? ""
                : ": " + (text.length() > REASON_EXCERPT ? text.substring(0, REASON_EXCERPT) + "…" : text);
        String reason = "the server answered HTTP " + status + " for " + what + detail;
        if (status >= 500) {
            return new HallFailure.Unreachable(reason);
        }
        if (status >= 400) {
            return refused(reason, status, excerpt);
        }
        return new HallFailure.BadAnswer(reason);
    }

    private static HallFailure.Refused refused(String reason, int status, String excerpt) {
        try {
            JsonNode error = Json.mapper().readTree(excerpt);
            if (error != null && error.path("error").isTextual()) {
                JsonNode message = error.path("message");
                JsonNode retryAfter = error.path("retryAfterSeconds");
                return new HallFailure.Refused(reason, status, error.get("error").asText(),
                        message.isTextual() ? message.asText() : null,
                        retryAfter.canConvertToLong() ? retryAfter.asLong() : null);
            }
        } catch (JsonProcessingException notJson) {
            // An error page from a proxy or another server: the excerpt in the reason is all there is.
        }
        return new HallFailure.Refused(reason, status, null, null);
    }

    private static HallFailure translate(URI uri, Throwable cause, Body body) {
        Optional<String> tls = tlsProblem(uri, cause);
        if (tls.isPresent()) {
            return new HallFailure.BadAnswer(tls.get());
        }
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return new HallFailure.Unreachable(whyNoConnection(uri, cause));
        }
        if (cause instanceof HttpTimeoutException) {
            return new HallFailure.Unreachable(authority(uri) + " did not answer in time");
        }
        if (cause instanceof IOException && body.started()) {
            return new HallFailure.Unreachable("the download from " + uri + " broke off after " + body.count()
                    + " bytes (" + cause.getMessage() + ")");
        }
        return new HallFailure.Unreachable("cannot fetch " + uri + ": " + cause);
    }

    /** A handshake that failed: the certificate did not fit server.ca or server.pin, or the server speaks no TLS. */
    static Optional<String> tlsProblem(URI uri, Throwable failure) {
        javax.net.ssl.SSLException ssl = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServerTrust.Mismatch mismatch) {
                return Optional.of(authority(uri) + ": " + mismatch.getMessage());
            }
            if (t instanceof javax.net.ssl.SSLException e && ssl == null) {
                ssl = e;
            }
        }
        if (ssl == null) {
            return Optional.empty();
        }
        String detail = String.valueOf(ssl.getMessage());
        if (detail.contains("PKIX path")) {
            return Optional.of(authority(uri) + ": the hall server's certificate is not signed by a CA trusted here; "
                    + "name its CA (server.ca, or counter --ca) or pin the certificate (server.pin, or counter --pin); "
                    + "docs/deployment.md, TLS");
        }
        return Optional.of("TLS with " + authority(uri) + " failed: " + detail
                + " (does the server speak https on that port? server.ca, server.pin; docs/deployment.md, TLS)");
    }

    /**
     * A misspelt host, a firewall and a cable each need a different fix, but the JDK client wraps them all in a
     * ConnectException (a refusal even loses its message when the client retries), so the cause chain decides.
     */
    static String whyNoConnection(URI uri, Throwable failure) {
        String because = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "cannot resolve host " + uri.getHost() + " (is the name in server.url spelt right?)";
            } else if (because != null) {
                continue;
            } else if (t instanceof NoRouteToHostException || message.contains("no route to host")) {
                because = "no route to host";
            } else if (message.contains("network is unreachable")) {
                because = "network unreachable";
            } else if (t instanceof HttpConnectTimeoutException || message.contains("timed out")) {
                because = "timed out";
            }
        }
        return "cannot connect to " + authority(uri) + ": " + (because != null ? because : "connection refused");
    }

    private static String authority(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static String inWords(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 60 && seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    private static void write(ByteArrayOutputStream out, ByteBuffer bytes) {
        byte[] chunk = new byte[bytes.remaining()];
        bytes.get(chunk);
        out.writeBytes(chunk);
    }
}
