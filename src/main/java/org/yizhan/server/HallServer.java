package org.yizhan.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.server.queue.HallSecret;
import org.yizhan.server.queue.QueueService;
import org.yizhan.server.queue.QueuesFile;
import org.yizhan.server.status.CaseService;
import org.yizhan.server.status.StatusRoutes;
import org.yizhan.storage.ServerStore;
import org.yizhan.storage.StoreLocation;

/**
 * The hall server: serves published catalog bundles and keeps the hall's queues, cases, kiosks and ratings over
 * HTTP, on Eclipse Jetty's core API. The engine reads requests without holding a
 * thread, so slow or idle clients cost a connection, not a worker; {@link ServerLimits} bounds those too.
 * A county with thousands of kiosks puts the same static files behind nginx or a CDN (docs/deployment.md).
 */
public final class HallServer implements AutoCloseable {
    /** Where publish writes bundles, under the server's data directory. */
    public static final String CATALOG_DIR = "catalog";
    /** The hall a server with one hall serves: its stores' namespace on PostgreSQL is {@code hall_default}. */
    public static final String DEFAULT_HALL = "default";
    private static final Logger LOG = LoggerFactory.getLogger(HallServer.class);

    /** How often numbers never confirmed as printed are looked for and voided. */
    private static final long SWEEP_SECONDS = 30;
    /** How often finished cases past their retention are looked for and deleted. */
    private static final long PURGE_HOURS = 24;
    /** Most worker threads; requests wait in the engine's queue beyond them, connections cost none. */
    private static final int MAX_THREADS = 64;
    /** The last answers' access-log lines follow them by microseconds; a stop waits that long for them. */
    private static final long ACCESS_LOG_WAIT_MILLIS = 500;

    private final Server server;
    private final ServerConnector connector;
    private final GracefulHandler graceful;
    private final AccessLog access;
    private final Duration stopTime;
    private final ConnectionGuard guard;
    private final ExecutorService streamWriter;
    private final ScheduledExecutorService sweeper;
    private final Path dataDir;
    private final Halls halls;
    private final CaseService cases;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final int port;
    private final boolean tls;

    private HallServer(Server server, ServerConnector connector, GracefulHandler graceful, AccessLog access,
                       Duration stopTime, ConnectionGuard guard, ScheduledExecutorService sweeper,
                       ExecutorService streamWriter, Path dataDir, Halls halls, CaseService cases) {
        this.server = server;
        this.graceful = graceful;
        this.access = access;
        this.stopTime = stopTime;
        this.streamWriter = streamWriter;
        this.connector = connector;
        this.guard = guard;
        this.sweeper = sweeper;
        this.dataDir = dataDir;
        this.halls = halls;
        this.cases = cases;
        this.port = connector.getLocalPort();
        this.tls = connector.getConnectionFactory(DetectorConnectionFactory.class) != null; // TLS, detected (PlainOnTlsPort)
    }

    /** Starts serving {@code dataDir} on {@code address} (port 0 picks a free port), on the system clock. */
    public static HallServer start(InetSocketAddress address, Path dataDir) throws IOException {
        return start(address, dataDir, Clock.systemUTC());
    }

    /** As {@link #start(InetSocketAddress, Path, Clock, ServerLimits)} with the default limits. */
    public static HallServer start(InetSocketAddress address, Path dataDir, Clock clock) throws IOException {
        return start(address, dataDir, clock, ServerLimits.DEFAULTS);
    }

    /**
     * As {@link #start(InetSocketAddress, Path)}, with the clock that sets the queues' business date and hours.
     * Writes the demo hall's queues to {@code DATA/queues.json}, makes {@code DATA/cases.db} with the demo cases and
     * {@code DATA/hall.secret}, each if absent.
     *
     * @throws org.yizhan.server.queue.QueuesFileException if the queues file cannot be used (the message names the field)
     * @throws BindException if the address cannot be listened on
     */
    public static HallServer start(InetSocketAddress address, Path dataDir, Clock clock, ServerLimits limits)
            throws IOException {
        return start(address, dataDir, clock, limits, Optional.empty());
    }

    /**
     * As {@link #start(InetSocketAddress, Path, Clock, ServerLimits)}, over https with {@code tls}'s certificate
     * and key when given.
     *
     * @throws java.security.GeneralSecurityException (wrapped in an IOException) if the certificate or key cannot be used
     */
    public static HallServer start(InetSocketAddress address, Path dataDir, Clock clock, ServerLimits limits,
                                   Optional<TlsFiles> tls) throws IOException {
        return start(address, dataDir, clock, limits, tls, ServerStore.SQLITE);
    }

    /**
     * As {@link #start(InetSocketAddress, Path, Clock, ServerLimits, Optional)}, with the stores in {@code store}:
     * {@link ServerStore#SQLITE} (the data dir's files) or a {@link org.yizhan.storage.PostgresStore}, which several
     * servers may share (the hall's tickets, ratings and kiosks in its namespace, the cases in the county's). The
     * caller closes {@code store} after the server.
     */
    public static HallServer start(InetSocketAddress address, Path dataDir, Clock clock, ServerLimits limits,
                                   Optional<TlsFiles> tls, ServerStore store) throws IOException {
        KeyStore keys = null;
        if (tls.isPresent()) {
            try {
                keys = tls.get().keyStore();
            } catch (GeneralSecurityException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        boolean countyOnly = Halls.countyOnly(dataDir);
        if (!countyOnly) {
            // A broken queues file of the top-level hall stops the start before any store is made, as it always did.
            QueuesFile.readOrCreate(dataDir);
        }
        CaseService cases = CaseService.open(store.county(dataDir), clock, !countyOnly);
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hall-server-sweep");
            thread.setDaemon(true);
            return thread;
        });
        ScheduledExecutorService streamWriter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hall-server-events");
            thread.setDaemon(true);
            return thread;
        });
        // The short, store-bound calls (numbers and the board; lookups) run at most two per core at once each: more
        // only add switching and a convoy at the store's writer (bench queue's p99 on 2 cores: 53–61 ms unbounded,
        // 40–43 ms bounded; docs/performance.md). Shared by every hall: a county's 200 halls have the same cores.
        int perCore = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        Hall.Shared shared = new Hall.Shared(clock, store, cases, new StatusRoutes(cases, null) /* each hall: withSecret */, dataDir.resolve(CATALOG_DIR),
                streamWriter, new Semaphore(perCore), new Semaphore(perCore), new Semaphore(perCore),
                new Semaphore(perCore));
        Halls halls;
        try {
            halls = Halls.open(dataDir, (id, dir) -> Hall.open(id, dir, shared));
            Files.createDirectories(dataDir.resolve(AccessLog.DIR));
        } catch (IOException | RuntimeException e) {
            cases.close();
            sweeper.shutdownNow();
            streamWriter.shutdownNow();
            throw e;
        }
        StaticFiles catalog = new StaticFiles(dataDir.resolve(CATALOG_DIR), "/" + CATALOG_DIR + "/");
        Routes county = new Routes()
                .get("/" + CATALOG_DIR + "/*", catalog::serve)
                .get("/health", exchange -> Responses.json(exchange, 200, "{\"status\":\"ok\",\"catalogVersion\":"
                        + catalog.publishedVersion().map(String::valueOf).orElse("null") + "}"));
        HallRouter routes = new HallRouter(halls, county);

        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
        // No reserved threads: on a hall's few cores, handing each request's selecting to a spare thread cost
        // more than it saved (bench queue: 385-417 tickets/s without, 378-385 with).
        threads.setReservedThreads(0);
        threads.setName("hall-server");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        if (limits.behindProxy()) {
            // nginx sets X-Forwarded-For to its client (docs/deploy/nginx-county.conf): the PIN limits and the
            // access log then see the phone or PC, not nginx, whose one address would lock every counter at once.
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        // "/catalog/%2e%2e/x" is answered by the route table (404, no such file) rather than refused as ambiguous.
        http.setUriCompliance(UriCompliance.DEFAULT.with("yizhan", UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
                UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING, UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
        ServerConnector connector;
        if (keys != null) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(keys);
            ssl.setKeyStorePassword(TlsFiles.STORE_PASSWORD);
            HttpConfiguration https = new HttpConfiguration(http);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // Kiosks reach a hall server by its address, which a hall's own certificate need not name for a pin.
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            // A client that speaks plain HTTP to this port (http:// where https:// is meant) is told so in one
            // answer (PlainOnTlsPort) instead of a handshake error or a closed connection.
            connector = new ServerConnector(server, 1, 1,
                    new DetectorConnectionFactory(new SslConnectionFactory(ssl, "http/1.1")),
                    new HttpConnectionFactory(https));
        } else {
            connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        }
        connector.setHost(address.getAddress().getHostAddress());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(limits.idleTime().toMillis());
        connector.setAcceptQueueSize(128);
        ConnectionGuard guard = new ConnectionGuard(limits);
        connector.addBean(guard);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        GzipHandler gzip = new GzipHandler(routes);
        gzip.setMinGzipSize(512);
        gzip.addIncludedMethods("GET");
        GracefulHandler graceful = new GracefulHandler(keys != null ? new PlainOnTlsPort(gzip) : gzip);
        AccessLog access = new AccessLog(dataDir);
        server.setHandler(access.counting(graceful));
        server.setErrorHandler(new JsonErrors(limits.maxHeaderBytes()));
        server.addBean(access.writer());
        server.setRequestLog(access);
        // The graceful part is close()'s: the engine's own graceful stop also waits out idle keep-alive connections.
        server.setStopTimeout(0);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            sweeper.shutdownNow();
            streamWriter.shutdownNow();
            halls.close();
            cases.close();
            if (e.getCause() instanceof BindException bind) {
                throw bind;
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("the HTTP engine did not start: " + e, e);
        }
        sweeper.scheduleWithFixedDelay(() -> halls.all().forEach(HallServer::sweep), 0, SWEEP_SECONDS, TimeUnit.SECONDS);
        sweeper.scheduleWithFixedDelay(() -> purge(cases), 0, PURGE_HOURS, TimeUnit.HOURS);
        sweeper.scheduleWithFixedDelay(guard::sweep, 1, 1, TimeUnit.SECONDS);
        long beat = EventStreams.HEARTBEAT.toMillis();
        sweeper.scheduleWithFixedDelay(() -> halls.all().forEach(h -> h.streams().heartbeat()), beat, beat,
                TimeUnit.MILLISECONDS);
        HallServer hall = new HallServer(server, connector, graceful, access, limits.stopTime(), guard, sweeper,
                streamWriter, dataDir, halls, cases);
        LOG.info("hall server listening on {} serving {}; cases in {}; access log in {}", hall.baseUri(),
                dataDir.resolve(CATALOG_DIR), dataDir.resolve(CaseService.FILE), dataDir.resolve(AccessLog.DIR));
        for (Hall h : halls.all()) {
            LOG.info("hall {} ({}): queues from {}, pages under {}/", h.label(), h.queues().hall().hall(),
                    h.dir().resolve(QueuesFile.FILE), Hall.pagePrefix(h.id()));
        }
        return hall;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("stopping a server that did not start: {}", e.toString());
        }
    }

    private static void sweep(Hall hall) {
        try {
            int voided = hall.queues().sweep();
            if (voided > 0) {
                LOG.info("hall {}: voided {} numbers no kiosk said it printed within {} s", hall.label(), voided,
                        QueueService.PRINT_TIMEOUT.toSeconds());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("hall {}: could not sweep unprinted numbers: {}", hall.label(), e.toString());
        }
    }

    private static void purge(CaseService cases) {
        try {
            int purged = cases.purge();
            if (purged > 0) {
                LOG.info("deleted {} cases finished more than {} days ago", purged, CaseService.RETENTION.toDays());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not purge old cases: {}", e.toString());
        }
    }

    /** Where the hall secret of a server on {@code dataDir} is (docs/deployment.md). */
    public static Path secretFile(Path dataDir) {
        return dataDir.resolve(HallSecret.FILE);
    }

    /** The top-level hall's secret kiosks and counters send (for the kiosk beside an embedded server). Never log it. */
    public String hallSecret() throws IOException {
        return top().secret();
    }

    /** The top-level hall's queues and tickets. */
    public QueueService queues() {
        return top().queues();
    }

    /** Every hall this server hosts. */
    public Halls halls() {
        return halls;
    }

    private Hall top() {
        return halls.top().orElseThrow(() -> new IllegalStateException(dataDir + " has no top-level hall, only "
                + Halls.DIR + "/"));
    }

    /** The hall's cases, for status lookups. */
    public CaseService cases() {
        return cases;
    }

    /** E.g. {@code http://127.0.0.1:8080/}: what a kiosk's server.url names. */
    public URI baseUri() {
        String host = connector.getHost();
        if (host == null || host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
            host = "127.0.0.1";
        }
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create((tls ? "https://" : "http://") + host + ":" + port() + "/");
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The heartbeat the sweeper sends every 15 s, now: for tests, which do not wait 15 s. */
    void heartbeatNow() {
        halls.all().forEach(h -> h.streams().heartbeat());
    }

    /** Event streams open now, in every hall (benchmark figures). */
    public int openStreams() {
        return halls.all().stream().mapToInt(h -> h.streams().count()).sum();
    }

    /** Connections open now (benchmark figures). */
    public int openConnections() {
        return guard.openConnections();
    }

    /**
     * Stops accepting, lets the requests under way finish (at most {@link ServerLimits#stopTime}), then closes
     * the stores. Safe to call twice.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        sweeper.shutdownNow();
        // No new connections; the streams, which never finish by themselves, ended; then the requests under way.
        connector.close();
        halls.all().forEach(h -> h.streams().closeAll());
        try {
            graceful.shutdown().get(stopTime.toMillis(), TimeUnit.MILLISECONDS);
            access.awaitWritten(ACCESS_LOG_WAIT_MILLIS);
        } catch (TimeoutException e) {
            LOG.warn("requests still under way after {} s were cut off by the stop", stopTime.toSeconds());
        } catch (ExecutionException e) {
            LOG.warn("waiting for the requests under way: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the HTTP engine did not stop cleanly: {}", e.toString());
        }
        streamWriter.shutdownNow();
        halls.close();
        cases.close();
    }
}
