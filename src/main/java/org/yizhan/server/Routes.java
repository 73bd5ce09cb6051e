package org.yizhan.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall server's endpoints, each declared as a method, a path and a handler; a path ending in {@code /*}
 * takes every path under its folder. An unknown path gets 404; a known one asked with another method gets
 * 405 and an {@code Allow} header. A POST route names the largest body it takes: the body is read before the
 * handler runs, without holding a thread while a slow client sends it. A handler answers an error by throwing
 * {@link ErrorAnswer}; anything else it throws becomes a 500 that is logged, never shown to the client
 * (docs/protocol.md, "Errors").
 */
public final class Routes extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
    /**
     * A body over the route's cap is still read to its end (and dropped) up to this much beyond the cap, so a client
     * that sends it all before reading gets the 413 rather than a broken connection; beyond, the connection is
     * closed. Beyond the cap, not in all: a route whose cap is this size would otherwise break every connection that
     * sends one byte too many.
     */
    private static final int DISCARD_MAX = 1 << 20;

    @FunctionalInterface
    public interface Handler {
        void handle(Exchange exchange) throws IOException;
    }

    private record Route(Handler handler, int maxBody, Semaphore permits) {
    }

    /** Path → method → route; insertion order, so {@code Allow} lists methods as they were declared. */
    private final Map<String, Map<String, Route>> paths = new LinkedHashMap<>();
    private final Map<String, Map<String, Route>> folders = new LinkedHashMap<>();
    private Semaphore permits;

    /** GET, and HEAD through the same handler (the engine sends no body to a HEAD). */
    public Routes get(String path, Handler handler) {
        return add("GET", path, 0, handler).add("HEAD", path, 0, handler);
    }

    /** A POST whose body may be at most {@code maxBody} bytes (docs/protocol.md names each endpoint's). */
    public Routes post(String path, int maxBody, Handler handler) {
        return add("POST", path, maxBody, handler);
    }

    /**
     * Handlers declared from now on run at most {@code permits}' count at once (HallServer: the short,
     * store-bound calls); the other requests wait for a permit, not for a core.
     */
    public Routes limitedBy(Semaphore permits) {
        this.permits = permits;
        return this;
    }

    private Routes add(String method, String path, int maxBody, Handler handler) {
        Map<String, Map<String, Route>> table = path.endsWith("/*") ? folders : paths;
        String key = path.endsWith("/*") ? path.substring(0, path.length() - 1) : path;
        if (table.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(method, new Route(handler, maxBody, permits)) != null) {
            throw new IllegalStateException(method + " " + path + " is declared twice");
        }
        return this;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange = new Exchange(request, response, callback);
        Route route;
        try {
            route = route(exchange);
        } catch (ErrorAnswer e) {
            answer(exchange, e);
            return true;
        }
        long declared = request.getLength();
        if (route.maxBody() == 0 || declared == 0) {
            run(exchange, route);
        } else if (declared > (long) route.maxBody() + DISCARD_MAX) {
            // Not read at all: the engine closes the connection after the answer rather than take 100 MB nobody wants.
            exchange.body(new byte[0], true);
            run(exchange, route);
        } else {
            new BodyReader(request, route.maxBody(), (body, tooLarge, failure) -> {
                if (failure != null) {
                    LOG.debug("{} {}: the body broke off ({})", exchange.method(), LogText.path(exchange.path()), failure.toString());
                    answer(exchange, ErrorAnswer.badRequest("the body could not be read: it broke off"));
                } else {
                    exchange.body(body, tooLarge);
                    run(exchange, route);
                }
            }).read();
        }
        return true;
    }

    private Route route(Exchange exchange) {
        String path = exchange.path();
        Map<String, Route> methods = methodsFor(path);
        if (methods == null) {
            throw ErrorAnswer.notFound("no such endpoint: " + path);
        }
        String method = exchange.method();
        Route route = methods.get(method);
        if (route == null) {
            exchange.setHeader("Allow", String.join(", ", methods.keySet()));
            throw new ErrorAnswer(405, "method_not_allowed", method + " is not allowed here; use "
                    + methods.keySet().stream().filter(m -> !m.equals("HEAD")).collect(Collectors.joining(" or ")));
        }
        return route;
    }

    private static void run(Exchange exchange, Route route) {
        Semaphore p = route.permits();
        if (p != null) {
            p.acquireUninterruptibly();
        }
        try {
            route.handler().handle(exchange);
        } catch (ErrorAnswer e) {
            answer(exchange, e);
        } catch (IOException e) {
            // A file of our own we may not read, and the like: the failure is ours, not a client that left.
            LOG.error("{} {} failed: {}", exchange.method(), LogText.path(exchange.path()), e.toString());
            answerFailure(exchange, "the server cannot read what was asked for: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", exchange.method(), LogText.path(exchange.path()), e);
            answerFailure(exchange, "the server failed: " + e.getClass().getSimpleName());
        } finally {
            if (p != null) {
                p.release();
            }
        }
    }

    /** The exact path's methods, else those of the longest folder that holds it. */
    private Map<String, Route> methodsFor(String path) {
        Map<String, Route> methods = paths.get(path);
        if (methods != null) {
            return methods;
        }
        String best = null;
        for (String folder : folders.keySet()) {
            if (path.startsWith(folder) && (best == null || folder.length() > best.length())) {
                best = folder;
            }
        }
        return best == null ? null : folders.get(best);
    }

    private static void answer(Exchange exchange, ErrorAnswer error) {
        if (error.badInput()) {
            LOG.warn("{} {} answered {} {}: {}", exchange.method(), LogText.path(exchange.path()), error.status(),
                    error.code(), LogText.text(error.getMessage()));
        }
        if (exchange.answered()) {
            LOG.warn("{} {}: {} after the answer had begun", exchange.method(), LogText.path(exchange.path()), error.code());
            return;
        }
        Responses.error(exchange, error.status(), error.code(), error.getMessage());
    }

    private static void answerFailure(Exchange exchange, String message) {
        if (!exchange.answered()) {
            Responses.error(exchange, 500, "internal", message);
        }
    }

    /**
     * Reads a request's body without blocking, each chunk as it comes: up to the cap (and one byte) kept, the rest
     * up to {@link #DISCARD_MAX} beyond the cap dropped; then the handler.
     */
    private static final class BodyReader {
        interface Done {
            void accept(byte[] body, boolean tooLarge, Throwable failure);
        }

        private final Request request;
        private final int max;
        private final Done done;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long seen;

        BodyReader(Request request, int max, Done done) {
            this.request = request;
            this.max = max;
            this.done = done;
        }

        void read() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this::read);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    done.accept(null, false, chunk.getFailure());
                    return;
                }
                var buffer = chunk.getByteBuffer();
                seen += buffer.remaining();
                int take = Math.min(buffer.remaining(), max + 1 - out.size());
                byte[] bytes = new byte[take];
                buffer.get(bytes);
                out.write(bytes, 0, take);
                boolean last = chunk.isLast();
                chunk.release();
                if (last || seen > (long) max + DISCARD_MAX) {
                    done.accept(out.toByteArray(), seen > max, null);
                    return;
                }
            }
        }
    }
}
