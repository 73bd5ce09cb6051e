package org.yizhan.sync;

import java.io.IOException;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP GETs with the limits a kiosk needs and the JDK client lacks. Its request timeout ends when the
 * headers arrive, so a body that stalls would hang forever: here a watchdog aborts a body that is silent
 * for longer than the stall timeout, or that is still arriving at the deadline. Every body is capped as it
 * arrives, so an endless answer costs at most the cap.
 */
final class Fetcher {

    /** Where the bytes of a body go, as they arrive. */
    interface Sink {
        void write(ByteBuffer bytes) throws IOException;
    }

    /** The most a 200 body may bring, and what to say when it brings more. */
    record Cap(long bytes, String whenExceeded) {
        static Cap of(long bytes) {
            return new Cap(bytes, "the server sent more than " + bytes + " bytes");
        }
    }

    /** A response whose body went to the sink; for error statuses only a short excerpt is kept. */
    record Response(int status, HttpHeaders headers, long bodyBytes, String errorExcerpt) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private static final int ERROR_EXCERPT = 2048;
    private static final long POLL_MILLIS = 200;

    private final HttpClient client;
    private final Duration stall;
    private final Duration deadline;

    Fetcher(Duration connectTimeout, Duration stall, Duration deadline) {
        this.client = HttpClient.newBuilder()
                // Plain HTTP/1.1: no h2c upgrade for simple static-file servers and proxies to trip over.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.stall = stall;
        this.deadline = deadline;
    }

    /**
     * GETs {@code uri}; a 200 body goes to {@code sink}, at most {@code cap.bytes()} of it.
     *
     * @throws SyncFailure with a technician's reason for every way the exchange can break
     */
    Response get(URI uri, List<String> headers, Cap cap, Sink sink) throws SyncFailure {
        return get(uri, headers, cap, sink, false);
    }

    /**
     * As {@link #get(URI, List, Cap, Sink)}; with {@code asIs}, a 200 that comes with a Content-Encoding
     * is refused when its headers arrive, before its body counts against the cap.
     */
    Response get(URI uri, List<String> headers, Cap cap, Sink sink, boolean asIs) throws SyncFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(stall)
                .header("User-Agent", "Yizhan-kiosk");
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        Body body = new Body(cap, sink);
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request.build(), info -> {
            String encoding = info.headers().firstValue("Content-Encoding").orElse("identity");
            if (asIs && info.statusCode() == 200 && !encoding.equalsIgnoreCase("identity")) {
                body.abort(SyncFailure.rejected("the server sent " + uri.getPath() + " with Content-Encoding: "
                        + encoding + "; a .gz file must be served as it is (turn gzip off for it)"));
            }
            return body.start(info.statusCode());
        });
        long end = System.nanoTime() + deadline.toNanos();
        try {
            while (true) {
                try {
                    HttpResponse<Void> response = exchange.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    return new Response(response.statusCode(), response.headers(), body.count, body.excerpt());
                } catch (TimeoutException waiting) {
                    long now = System.nanoTime();
                    if (body.started && now - body.lastProgress > stall.toNanos()) {
                        body.abort(SyncFailure.unreachable("the download from " + uri + " stalled: no data for "
                                + stall.toSeconds() + " s after " + body.count + " bytes"));
                    } else if (now > end) {
                        body.abort(SyncFailure.unreachable("the download from " + uri + " was still not complete after "
                                + deadline.toMinutes() + " min (" + body.count + " bytes)"));
                    }
                    if (body.failure != null) {
                        exchange.cancel(true);
                        throw body.failure;
                    }
                }
            }
        } catch (ExecutionException e) {
            if (body.failure != null) {
                throw body.failure;
            }
            throw translate(uri, e.getCause(), body);
        } catch (CancellationException e) {
            throw body.failure != null ? body.failure : SyncFailure.unreachable("the download from " + uri + " was cancelled");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw SyncFailure.unreachable("interrupted while downloading " + uri);
        }
    }

    private static SyncFailure translate(URI uri, Throwable cause, Body body) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return SyncFailure.unreachable(whyNoConnection(uri, cause));
        }
        if (cause instanceof HttpTimeoutException) {
            return SyncFailure.unreachable(authority(uri) + " did not answer in time");
        }
        if (cause instanceof IOException && body.started) {
            return SyncFailure.unreachable("the download from " + uri + " broke off after " + body.count + " bytes ("
                    + cause.getMessage() + ")");
        }
        return SyncFailure.unreachable("cannot fetch " + uri + ": " + cause);
    }

    /**
     * A misspelt host, a firewall and a cable each need a different fix, but the JDK client wraps them all in a
     * ConnectException (a refusal even loses its message when the client retries), so the cause chain decides.
     */
    static String whyNoConnection(URI uri, Throwable failure) {
        String because = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
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

    /** Receives one body: counts, caps, keeps progress for the watchdog, and can be aborted from outside. */
    private static final class Body implements HttpResponse.BodySubscriber<Void> {
        private final Cap cap;
        private final Sink sink;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream errorText = new java.io.ByteArrayOutputStream();
        private volatile Flow.Subscription subscription;
        private volatile boolean started;
        private volatile long lastProgress = System.nanoTime();
        private volatile long count;
        private volatile SyncFailure failure;
        private boolean success;

        Body(Cap cap, Sink sink) {
            this.cap = cap;
            this.sink = sink;
        }

        HttpResponse.BodySubscriber<Void> start(int status) {
            success = status == 200;
            started = true;
            lastProgress = System.nanoTime();
            return this;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (failure != null) {
                s.cancel();
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            lastProgress = System.nanoTime();
            try {
                for (ByteBuffer buffer : buffers) {
                    count += buffer.remaining();
                    if (!success) {
                        keepExcerpt(buffer);
                        if (errorText.size() >= ERROR_EXCERPT) {
                            // Enough to tell the technician why; the rest of an error page is not worth waiting for.
                            subscription.cancel();
                            done.complete(null);
                            return;
                        }
                        continue;
                    }
                    if (count > cap.bytes()) {
                        abort(SyncFailure.rejected(cap.whenExceeded()));
                        return;
                    }
                    sink.write(buffer);
                }
            } catch (IOException e) {
                abort(SyncFailure.unreachable("cannot store the download: " + e.getMessage()));
            }
        }

        private void keepExcerpt(ByteBuffer buffer) {
            while (buffer.hasRemaining() && errorText.size() < ERROR_EXCERPT) {
                errorText.write(buffer.get());
            }
        }

        /** Error pages in Chinese are UTF-8 far more often than anything else; a bad byte becomes U+FFFD. */
        String excerpt() {
            return errorText.toString(java.nio.charset.StandardCharsets.UTF_8);
        }

        void abort(SyncFailure why) {
            if (failure == null) {
                failure = why;
            }
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            done.completeExceptionally(why);
        }

        @Override
        public void onError(Throwable throwable) {
            done.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }
    }
}
