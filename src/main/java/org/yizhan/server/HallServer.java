package org.yizhan.server;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.server.queue.HallSecret;
import org.yizhan.server.queue.QueueRoutes;
import org.yizhan.server.queue.QueueService;
import org.yizhan.server.queue.QueuesFile;
import org.yizhan.server.status.CaseService;
import org.yizhan.server.status.StatusRoutes;

/**
 * The hall server: serves published catalog bundles and keeps the hall's queues and cases (and, in later
 * versions, ratings) over plain HTTP. The JDK's own server is enough for a hall's kiosks polling a small index;
 * a county with thousands of kiosks puts the same static files behind nginx or a CDN (docs/deployment.md).
 */
public final class HallServer implements AutoCloseable {
    /** Where publish writes bundles, under the server's data directory. */
    public static final String CATALOG_DIR = "catalog";
    private static final Logger LOG = LoggerFactory.getLogger(HallServer.class);

    /** How often numbers never confirmed as printed are looked for and voided. */
    private static final long SWEEP_SECONDS = 30;
    /** How often finished cases past their retention are looked for and deleted. */
    private static final long PURGE_HOURS = 24;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ExecutorService downloads;
    private final ScheduledExecutorService sweeper;
    private final Path dataDir;
    private final QueueService queues;
    private final CaseService cases;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private HallServer(HttpServer server, ExecutorService executor, ExecutorService downloads,
                       ScheduledExecutorService sweeper, Path dataDir,
                       QueueService queues, CaseService cases) {
        this.server = server;
        this.executor = executor;
        this.downloads = downloads;
        this.sweeper = sweeper;
        this.dataDir = dataDir;
        this.queues = queues;
        this.cases = cases;
    }

    static {
        // The JDK server waits for a slow request's headers without limit by default: sixteen clients sending
        // half a request would hold every handler thread. Read once, when the server's classes load.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
        // Without it a small JSON answer waits for the client's delayed ACK (Nagle's algorithm): about 40 ms a request.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Starts serving {@code dataDir} on {@code address} (port 0 picks a free port), on the system clock. */
    public static HallServer start(InetSocketAddress address, Path dataDir) throws IOException {
        return start(address, dataDir, Clock.systemUTC());
    }

    /**
     * As {@link #start(InetSocketAddress, Path)}, with the clock that sets the queues' business date and hours.
     * Writes the demo hall's queues to {@code DATA/queues.json}, makes {@code DATA/cases.db} with the demo cases and
     * {@code DATA/hall.secret}, each if absent.
     *
     * @throws org.yizhan.server.queue.QueuesFileException if the queues file cannot be used (the message names the field)
     */
    public static HallServer start(InetSocketAddress address, Path dataDir, Clock clock) throws IOException {
        QueueService queues = QueueService.open(dataDir, clock);
        CaseService cases;
        HallSecret secret;
        HttpServer server;
        try {
            cases = CaseService.open(dataDir, clock, true);
        } catch (IOException e) {
            queues.close();
            throw e;
        }
        try {
            secret = HallSecret.readOrCreate(dataDir);
            server = HttpServer.create(address, 128);
        } catch (IOException e) {
            queues.close();
            cases.close();
            throw e;
        }
        // Sixteen threads read requests, so a few slow clients cannot hold them all (maxReqTime above). The short,
        // store-bound calls (numbers and the board; lookups) run at most two per core at once each: more only
        // add switching and a convoy at the store's writer (bench queue's p99 on 2 cores: 53–61 ms unbounded,
        // 40–43 ms bounded; docs/performance.md). Catalog files, which a slow kiosk may stretch out, have their
        // own 16 threads, so a download never holds a thread a number needs.
        ExecutorService executor = Executors.newFixedThreadPool(16, daemonThreads("hall-server-"));
        ExecutorService downloads = Executors.newFixedThreadPool(16, daemonThreads("hall-server-files-"));
        int perCore = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        StaticFiles catalog = new StaticFiles(dataDir.resolve(CATALOG_DIR), "/" + CATALOG_DIR + "/");
        // Every endpoint, in one place (docs/protocol.md).
        Routes routes = new Routes()
                .get("/" + CATALOG_DIR + "/*", Routes.onItsOwnThreads(downloads, catalog::serve))
                .get("/health", exchange -> Responses.json(exchange, 200, "{\"status\":\"ok\",\"catalogVersion\":"
                        + catalog.publishedVersion().map(String::valueOf).orElse("null") + "}"));
        new QueueRoutes(queues, secret, clock).addTo(routes.limitedBy(new Semaphore(perCore)));
        new StatusRoutes(cases, secret).addTo(routes.limitedBy(new Semaphore(perCore)));
        server.createContext("/", routes);
        server.setExecutor(executor);
        server.start();
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hall-server-sweep");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(() -> sweep(queues), 0, SWEEP_SECONDS, TimeUnit.SECONDS);
        sweeper.scheduleWithFixedDelay(() -> purge(cases), 0, PURGE_HOURS, TimeUnit.HOURS);
        HallServer hall = new HallServer(server, executor, downloads, sweeper, dataDir, queues, cases);
        LOG.info("hall server listening on {} serving {}; queues of {} from {}; cases in {}", hall.baseUri(),
                dataDir.resolve(CATALOG_DIR), queues.hall().hall(), dataDir.resolve(QueuesFile.FILE),
                dataDir.resolve(CaseService.FILE));
        return hall;
    }

    private static void sweep(QueueService queues) {
        try {
            int voided = queues.sweep();
            if (voided > 0) {
                LOG.info("voided {} numbers no kiosk said it printed within {} s", voided,
                        QueueService.PRINT_TIMEOUT.toSeconds());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not sweep unprinted numbers: {}", e.toString());
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

    /** The hall secret kiosks and counters send (for the kiosk beside an embedded server). Never log it. */
    public String hallSecret() throws IOException {
        return HallSecret.read(secretFile(dataDir));
    }

    /** The hall's queues and tickets. */
    public QueueService queues() {
        return queues;
    }

    /** The hall's cases, for status lookups. */
    public CaseService cases() {
        return cases;
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
        sweeper.shutdownNow();
        executor.shutdownNow();
        downloads.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
            downloads.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queues.close();
        cases.close();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
