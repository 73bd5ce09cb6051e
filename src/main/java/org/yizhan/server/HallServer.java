package org.yizhan.server;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall server: serves published catalog bundles (and, in later versions, tickets, status and
 * ratings) over plain HTTP. The JDK's own server is enough for a hall's kiosks polling a small index;
 * a county with thousands of kiosks puts the same static files behind nginx or a CDN (docs/deployment.md).
 */
public final class HallServer implements AutoCloseable {
    /** Where publish writes bundles, under the server's data directory. */
    public static final String CATALOG_DIR = "catalog";
    private static final Logger LOG = LoggerFactory.getLogger(HallServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path dataDir;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private HallServer(HttpServer server, ExecutorService executor, Path dataDir) {
        this.server = server;
        this.executor = executor;
        this.dataDir = dataDir;
    }

    static {
        // The JDK server waits for a slow request's headers without limit by default: sixteen clients sending
        // half a request would hold every handler thread. Read once, when the server's classes load.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
    }

    /** Starts serving {@code dataDir} on {@code address} (port 0 picks a free port). */
    public static HallServer start(InetSocketAddress address, Path dataDir) throws IOException {
        HttpServer server = HttpServer.create(address, 128);
        ExecutorService executor = Executors.newFixedThreadPool(16, daemonThreads());
        StaticFiles catalog = new StaticFiles(dataDir.resolve(CATALOG_DIR), "/" + CATALOG_DIR + "/");
        // Every endpoint, in one place (docs/protocol.md).
        Routes routes = new Routes()
                .get("/" + CATALOG_DIR + "/*", catalog::serve)
                .get("/health", exchange -> Responses.json(exchange, 200, "{\"status\":\"ok\",\"catalogVersion\":"
                        + catalog.publishedVersion().map(String::valueOf).orElse("null") + "}"));
        server.createContext("/", routes);
        server.setExecutor(executor);
        server.start();
        HallServer hall = new HallServer(server, executor, dataDir);
        LOG.info("hall server listening on {} serving {}", hall.baseUri(), dataDir.resolve(CATALOG_DIR));
        return hall;
    }

    /** E.g. {@code http://127.0.0.1:8080/}: what a kiosk's server.url names. */
    public URI baseUri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "hall-server-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
