package org.yizhan.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall server's endpoints, each declared as a method, a path and a handler; a path ending in {@code /*}
 * takes every path under its folder. An unknown path gets 404; a known one asked with another method gets
 * 405 and an {@code Allow} header. A handler answers an error by throwing {@link ErrorAnswer}; anything else
 * it throws becomes a 500 that is logged, never shown to the client (docs/protocol.md, "Errors").
 */
public final class Routes implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** Path → method → handler; insertion order, so {@code Allow} lists methods as they were declared. */
    private final Map<String, Map<String, Handler>> paths = new LinkedHashMap<>();
    private final Map<String, Map<String, Handler>> folders = new LinkedHashMap<>();

    /** GET, and HEAD through the same handler ({@link Responses} sends no body to a HEAD). */
    public Routes get(String path, Handler handler) {
        return add("GET", path, handler).add("HEAD", path, handler);
    }

    public Routes post(String path, Handler handler) {
        return add("POST", path, handler);
    }

    private java.util.concurrent.Semaphore permits;

    /**
     * Handlers declared from now on run at most {@code permits}' count at once (HallServer: the short,
     * store-bound calls); the other requests wait for a permit, not for a core.
     */
    public Routes limitedBy(java.util.concurrent.Semaphore permits) {
        this.permits = permits;
        return this;
    }

    public Routes add(String method, String path, Handler given) {
        java.util.concurrent.Semaphore p = permits;
        Handler handler = p == null ? given : exchange -> {
            p.acquireUninterruptibly();
            try {
                given.handle(exchange);
            } finally {
                p.release();
            }
        };
        Map<String, Map<String, Handler>> table = path.endsWith("/*") ? folders : paths;
        String key = path.endsWith("/*") ? path.substring(0, path.length() - 1) : path;
        if (table.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(method, handler) != null) {
            throw new IllegalStateException(method + " " + path + " is declared twice");
        }
        return this;
    }

    /** A handler that runs on threads of its own: {@link #onItsOwnThreads}. */
    private record Elsewhere(java.util.concurrent.Executor executor, Handler handler) implements Handler {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            handler.handle(exchange);
        }
    }

    /**
     * {@code handler} on {@code executor}'s threads rather than the server's: a catalog download, which a slow
     * kiosk may stretch over minutes, then never holds one of the few threads that give numbers and answer
     * lookups (HallServer).
     */
    public static Handler onItsOwnThreads(java.util.concurrent.Executor executor, Handler handler) {
        return new Elsewhere(executor, handler);
    }

    @Override
    public void handle(HttpExchange exchange) {
        Map<String, Handler> methods = methodsFor(Objects.toString(exchange.getRequestURI().getPath(), ""));
        if (methods != null && methods.get(exchange.getRequestMethod()) instanceof Elsewhere elsewhere) {
            try {
                elsewhere.executor().execute(() -> handleHere(exchange));
                return;
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // The server is stopping: answer on this thread.
            }
        }
        handleHere(exchange);
    }

    private void handleHere(HttpExchange exchange) {
        try (exchange) {
            try {
                route(exchange);
            } catch (ErrorAnswer e) {
                answer(exchange, e);
            } catch (IOException e) {
                if (exchange.getResponseCode() == -1) {
                    // Nothing sent yet: the failure is ours (e.g. a file we may not read), not a client that left.
                    LOG.error("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
                    Responses.error(exchange, 500, "internal", "the server cannot read what was asked for: "
                            + e.getClass().getSimpleName());
                } else {
                    LOG.debug("{} {}: client went away ({})", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
                }
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                if (exchange.getResponseCode() == -1) {
                    Responses.error(exchange, 500, "internal", "the server failed: " + e.getClass().getSimpleName());
                }
            }
        } catch (IOException e) {
            LOG.debug("could not answer {}: {}", exchange.getRequestURI(), e.toString());
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = Objects.toString(exchange.getRequestURI().getPath(), "");
        Map<String, Handler> methods = methodsFor(path);
        if (methods == null) {
            throw ErrorAnswer.notFound("no such endpoint: " + path);
        }
        String method = exchange.getRequestMethod();
        Handler handler = methods.get(method);
        if (handler == null) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", methods.keySet()));
            throw new ErrorAnswer(405, "method_not_allowed", method + " is not allowed here; use "
                    + methods.keySet().stream().filter(m -> !m.equals("HEAD")).collect(Collectors.joining(" or ")));
        }
        handler.handle(exchange);
    }

    /** The exact path's methods, else those of the longest folder that holds it. */
    private Map<String, Handler> methodsFor(String path) {
        Map<String, Handler> methods = paths.get(path);
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

    private static void answer(HttpExchange exchange, ErrorAnswer error) throws IOException {
        if (exchange.getResponseCode() == -1) {
            Responses.error(exchange, error.status(), error.code(), error.getMessage());
        } else {
            LOG.warn("{} {}: {} after the answer had begun", exchange.getRequestMethod(), exchange.getRequestURI(),
                    error.getMessage());
        }
    }
}
