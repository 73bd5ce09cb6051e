package org.yizhan.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.yizhan.app.LogFiles;
import org.yizhan.server.BundlePublisher;
import org.yizhan.server.HallServer;
import org.yizhan.server.ServerLimits;
import org.yizhan.server.TlsFiles;
import org.yizhan.server.queue.QueuesFile;
import org.yizhan.server.queue.QueuesFileException;
import org.yizhan.storage.ServerStore;
import org.yizhan.storage.StoreUnreachableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code server [--port N] [--data DIR] [--bind ADDRESS]}: the hall server, until stopped. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Runs the hall server (no display needed): serves the bundles that publish wrote to DATA/catalog "
                + "and keeps the hall's queues (DATA/queues.json, DATA/tickets.db, DATA/hall.secret).")
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "yizhan-server",
            description = "Data directory; bundles are served from DIR/catalog (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for the hall's network).")
    String bind;

    @Option(names = "--header-time", paramLabel = "SECONDS", defaultValue = "10",
            description = "A request's line and headers must arrive within this, or the connection is closed (default: ${DEFAULT-VALUE}).")
    int headerSeconds;

    @Option(names = "--idle-time", paramLabel = "SECONDS", defaultValue = "30",
            description = "A connection with no request under way is closed after this (default: ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(names = "--max-header-bytes", paramLabel = "N", defaultValue = "8192",
            description = "Largest request line and headers; more is answered 431 (default: ${DEFAULT-VALUE}).")
    int maxHeaderBytes;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "5000",
            description = "Connections open at once; more wait to be accepted (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--max-per-address", paramLabel = "N", defaultValue = "500",
            description = "Connections open at once from one client address; more are closed at once (default: ${DEFAULT-VALUE}). "
                    + "Behind nginx every client has nginx's address: raise it there.")
    int perAddress;

    @Option(names = "--behind-proxy", description = "Every connection comes from nginx, which sets X-Forwarded-For to "
            + "its client: the PIN limits and the access log take that address. Only where nothing but nginx reaches "
            + "this port (--bind a private address; docs/deployment.md).")
    boolean behindProxy;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Serve https with this PEM certificate (the server's first, then any intermediate CA's); with --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The certificate's key, PKCS#8 PEM, without a passphrase.")
    Path tlsKey;

    @Option(names = "--store", paramLabel = "URL", defaultValue = "sqlite",
            description = "Where the queues, cases, ratings and kiosks are kept: sqlite (files in DATA, default) or "
                    + "postgresql://HOST:PORT/DATABASE?user=USER, shared by several servers; the password from the "
                    + "environment's PGPASSWORD or DATA/store.password, never here (docs/deployment.md).")
    String store;

    /** The opened store, closed after the server. */
    private ServerStore openedStore = ServerStore.SQLITE;

    @Option(names = "--log-max-file-size", paramLabel = "MB", defaultValue = "10",
            description = "DATA/logs/server.log is set aside, compressed, at this many megabytes (default: ${DEFAULT-VALUE}).")
    int logMegabytes;

    @Option(names = "--log-keep-days", paramLabel = "DAYS", defaultValue = "14",
            description = "Days the server's log files are kept (default: ${DEFAULT-VALUE}); all of them take at most "
                    + "MB × DAYS megabytes.")
    int logDays;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            System.err.println("server: --port must be from 0 to 65535");
            return 2;
        }
        Optional<ServerLimits> limits = limits(System.err);
        if (limits.isEmpty()) {
            return 2;
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            System.err.println("server: give --tls-cert and --tls-key together, or neither for plain http");
            return 2;
        }
        if (logMegabytes < 1 || logMegabytes > 1000 || logDays < 1 || logDays > 365) {
            System.err.println("server: --log-max-file-size must be from 1 to 1000 (MB) and --log-keep-days from 1 to 365");
            return 2;
        }
        if (Files.exists(data) && !Files.isDirectory(data)) {
            System.err.println("server: --data " + data + " is a file; give the folder whose catalog/ publish writes to");
            return 1;
        }
        // Before the start, so that what the start says is in the file too; the access log sits beside it.
        LogFiles.start(data.toAbsolutePath().resolve(LogFiles.DIR), "server", "server",
                new LogFiles.Policy(logMegabytes, logDays));
        try {
            return serve(limits.get());
        } finally {
            LogFiles.stop();
        }
    }

    private int serve(ServerLimits limits) throws InterruptedException {
        // SIGTERM (systemd) and Ctrl+C: stop accepting, let the requests under way finish, close the stores, exit 0.
        // Set before the start, so that a signal sent as soon as it says "listening" is handled too.
        CountDownLatch stopped = new CountDownLatch(1);
        StopSignals.install(stopped::countDown, 0);
        Optional<HallServer> started = start(System.out, System.err, limits);
        if (started.isEmpty()) {
            return 1;
        }
        stopped.await();
        started.get().close();
        closeStore();
        System.out.println("Yizhan hall server stopped");
        return 0;
    }

    private Optional<ServerLimits> limits(PrintStream err) {
        try {
            return Optional.of(new ServerLimits(Duration.ofSeconds(headerSeconds), Duration.ofSeconds(idleSeconds),
                    maxHeaderBytes, maxConnections, perAddress, ServerLimits.DEFAULTS.stopTime(), behindProxy));
        } catch (IllegalArgumentException e) {
            err.println("server: " + e.getMessage() + " (yizhan server --help)");
            return Optional.empty();
        }
    }

    /** Closes the store the start opened (a PostgreSQL pool), after its server. */
    void closeStore() {
        openedStore.close();
    }

    /** Starts serving and prints the start lines; empty, after saying why on {@code err}, if it cannot. */
    Optional<HallServer> start(PrintStream out, PrintStream err) {
        return start(out, err, ServerLimits.DEFAULTS);
    }

    Optional<HallServer> start(PrintStream out, PrintStream err, ServerLimits limits) {
        if (Files.exists(data) && !Files.isDirectory(data)) {
            err.println("server: --data " + data + " is a file; give the folder whose catalog/ publish writes to");
            return Optional.empty();
        }
        try {
            openedStore = ServerStore.open(store, data.toAbsolutePath());
        } catch (IllegalArgumentException e) {
            err.println("server: --store " + store + ": " + e.getMessage());
            return Optional.empty();
        } catch (StoreUnreachableException e) {
            err.println("server: --store: " + e.getMessage() + " (is it running, and the password in PGPASSWORD or "
                    + data.toAbsolutePath().resolve(ServerStore.PASSWORD_FILE) + "?)");
            return Optional.empty();
        } catch (IOException e) {
            err.println("server: --store: cannot read the password: " + FileProblems.describe(e));
            return Optional.empty();
        }
        HallServer server;
        try {
            server = HallServer.start(new InetSocketAddress(InetAddress.getByName(bind), port), data.toAbsolutePath(),
                    Clock.systemUTC(), limits, tlsCert == null ? Optional.empty()
                            : Optional.of(new TlsFiles(tlsCert.toAbsolutePath(), tlsKey.toAbsolutePath())), openedStore);
        } catch (UnknownHostException e) {
            err.println("server: --bind " + bind + " is not an address this machine has (the name does not resolve); "
                    + "give one of its IP addresses, or 0.0.0.0 for all of them");
            openedStore.close();
            return Optional.empty();
        } catch (QueuesFileException e) {
            err.println("server: cannot start: " + e.getMessage() + " (docs/queues.md)");
            openedStore.close();
            return Optional.empty();
        } catch (BindException e) {
            err.println("server: cannot listen on " + bind + ":" + port + ": " + whyNotBound(e));
            openedStore.close();
            return Optional.empty();
        } catch (IOException e) {
            err.println("server: cannot start on " + bind + ":" + port + ": " + FileProblems.describe(e));
            openedStore.close();
            return Optional.empty();
        }
        Path catalogDir = data.toAbsolutePath().resolve(HallServer.CATALOG_DIR);
        out.println("Yizhan hall server listening on " + bind + ":" + server.port() + " (kiosks: server.url="
                + (bind.equals("0.0.0.0") || bind.equals("::") ? server.baseUri().getScheme() + "://<this machine's address>:" + server.port() + "/" : server.baseUri())
                + ") serving " + catalogDir + " (Ctrl+C stops it)");
        notServable(catalogDir).ifPresent(out::println);
        if (openedStore != ServerStore.SQLITE) {
            out.println("store: " + openedStore.describe() + " (the hall's stores in namespace hall_default, the cases in county)");
        }
        out.println("queues of " + server.queues().hall().hall() + " from " + data.toAbsolutePath().resolve(QueuesFile.FILE)
                + "; kiosks and counters prove themselves with the hall secret in "
                + HallServer.secretFile(data.toAbsolutePath()) + " (docs/deployment.md)");
        return Optional.of(server);
    }

    /** Why kiosks would get no catalog from {@code catalogDir} yet, said at the start instead of found out at a kiosk. */
    private static Optional<String> notServable(Path catalogDir) {
        try {
            return BundlePublisher.current(catalogDir).isPresent() ? Optional.empty()
                    : Optional.of("nothing published yet in " + catalogDir + ": publish a catalog with yizhan publish --out "
                    + catalogDir);
        } catch (IOException e) {
            return Optional.of("kiosks get no catalog from here: " + FileProblems.describe(e)
                    + "; publish again with yizhan publish --out " + catalogDir);
        }
    }

    private String whyNotBound(BindException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("already in use")) {
            return "the port is taken; is another server running? Stop it, or give another --port";
        }
        if (message.contains("assign requested address")) {
            return bind + " is not an address of this machine; give one of its addresses (ip -brief address), "
                    + "or 0.0.0.0 for all of them";
        }
        if (message.contains("permission denied")) {
            return "ports below 1024 need root; give a port such as 8080";
        }
        return e.getMessage();
    }
}
