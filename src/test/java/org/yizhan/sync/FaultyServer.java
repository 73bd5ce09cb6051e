package org.yizhan.sync;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

import org.yizhan.catalog.bundle.BundleIndex;

/** A server on loopback that misbehaves in one chosen way. */
final class FaultyServer implements AutoCloseable {
    private final HttpServer server;

    private FaultyServer(HttpServer server) {
        this.server = server;
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faulty-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    private static HttpServer create() throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Answers every request with {@code status} and a short error page. */
    static FaultyServer status(int status) throws IOException {
        HttpServer server = create();
        server.createContext("/", exchange -> {
            byte[] body = "<html>Internal Server Error</html>".getBytes();
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return new FaultyServer(server);
    }

    /** Serves the index properly, then the catalog file gzipped once more, as a misconfigured proxy would. */
    static FaultyServer gzippingCatalog(Path published, BundleIndex index) throws IOException {
        HttpServer server = create();
        byte[] catalog = Files.readAllBytes(published.resolve(index.file()));
        serveIndex(server, published);
        server.createContext("/catalog/" + index.file(), exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = new java.util.zip.GZIPOutputStream(exchange.getResponseBody())) {
                out.write(catalog);
            }
        });
        return new FaultyServer(server);
    }

    /** Serves the index properly, then sends half the catalog and goes silent for a minute. */
    static FaultyServer stallingCatalog(Path published, BundleIndex index) throws IOException {
        return halfCatalog(published, index, true);
    }

    /** Serves the index properly, then sends half the catalog and closes the connection. */
    static FaultyServer truncatingCatalog(Path published, BundleIndex index) throws IOException {
        return halfCatalog(published, index, false);
    }

    private static FaultyServer halfCatalog(Path published, BundleIndex index, boolean stall) throws IOException {
        HttpServer server = create();
        byte[] catalog = Files.readAllBytes(published.resolve(index.file()));
        serveIndex(server, published);
        server.createContext("/catalog/" + index.file(), exchange -> {
            exchange.sendResponseHeaders(200, catalog.length);
            OutputStream out = exchange.getResponseBody();
            out.write(catalog, 0, catalog.length / 2);
            out.flush();
            if (stall) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.close();
        });
        return new FaultyServer(server);
    }

    /** The published index, served properly: the fault is in what follows. */
    private static void serveIndex(HttpServer server, Path published) throws IOException {
        byte[] indexJson = Files.readAllBytes(published.resolve(BundleIndex.FILE_NAME));
        server.createContext("/catalog/" + BundleIndex.FILE_NAME, exchange -> {
            exchange.sendResponseHeaders(200, indexJson.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(indexJson);
            }
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
