package org.yizhan.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import org.yizhan.server.fleet.FleetRoutes;
import org.yizhan.server.fleet.FleetService;
import org.yizhan.storage.ServerStore;
import org.yizhan.storage.StoreLocation;
import org.yizhan.server.queue.CounterRoutes;
import org.yizhan.server.queue.HallSecret;
import org.yizhan.server.queue.QueueRoutes;
import org.yizhan.server.queue.QueueService;
import org.yizhan.server.queue.QueuesFile;
import org.yizhan.server.queue.WindowsFile;
import org.yizhan.server.rating.RatingRoutes;
import org.yizhan.server.rating.RatingService;
import org.yizhan.server.status.CaseService;
import org.yizhan.server.status.StatusRoutes;

/**
 * One hall the server hosts, opened from its folder: the data directory itself for the top-level hall (id ""), or
 * {@code DATA/halls/<id>/} (docs/deployment.md, "A county's server"). It has its own queues, tickets, windows and
 * counter sessions, event stream, ratings, kiosks and secret, and its own route table; the cases are the county's,
 * shared by every hall. Every store of a hall is opened here and nowhere else.
 */
public final class Hall implements AutoCloseable {
    /** What every hall of one server shares: the county's cases and catalog, the stream writer, the permits. */
    public record Shared(Clock clock, ServerStore store, CaseService cases, StatusRoutes status, Path countyCatalog,
                         ScheduledExecutorService streamWriter, Semaphore queuePermits, Semaphore statusPermits,
                         Semaphore fleetPermits, Semaphore ratingPermits) {
    }

    private final String id;
    private final Path dir;
    private final QueueService queues;
    private final FleetService fleet;
    private final RatingService ratings;
    private final HallSecret secret;
    private final EventStreams streams;
    private final Routes routes;

    private Hall(String id, Path dir, QueueService queues, FleetService fleet, RatingService ratings, HallSecret secret,
                 EventStreams streams, Routes routes) {
        this.id = id;
        this.dir = dir;
        this.queues = queues;
        this.fleet = fleet;
        this.ratings = ratings;
        this.secret = secret;
        this.streams = streams;
        this.routes = routes;
    }

    /**
     * Opens the hall in {@code dir}. The top-level hall ({@code id} "") gets the demo queues and a secret when its
     * folder has none, as a one-hall server always did; an added hall must have its queues file (yizhan hall add).
     */
    public static Hall open(String id, Path dir, Shared shared) throws IOException {
        if (!id.isEmpty() && !Files.isRegularFile(dir.resolve(QueuesFile.FILE))) {
            throw new IOException(dir + " has no " + QueuesFile.FILE + " (make a hall with yizhan hall add)");
        }
        Clock clock = shared.clock();
        // The top-level hall's stores are where a one-hall server always had them (DATA/, or hall_default).
        StoreLocation stores = shared.store().hall(dir, id.isEmpty() ? HallServer.DEFAULT_HALL : id);
        QueueService queues = QueueService.open(dir, clock, stores);
        FleetService fleet = null;
        RatingService ratings = null;
        try {
            WindowsFile.HallWindows windows = WindowsFile.read(dir);
            fleet = FleetService.open(stores, clock);
            ratings = RatingService.open(stores, clock, queues.hall().timeZone());
            HallSecret secret = HallSecret.readOrCreate(dir);
            EventStreams streams = new EventStreams(queues.events(), shared.streamWriter());
            Path own = dir.resolve(HallServer.CATALOG_DIR);
            StaticFiles catalog = new StaticFiles(!id.isEmpty() && Files.isDirectory(own) ? own : shared.countyCatalog(),
                    "/" + HallServer.CATALOG_DIR + "/");
            // Every endpoint of a hall, in one place (docs/protocol.md).
            Routes routes = new Routes()
                    .get("/" + HallServer.CATALOG_DIR + "/*", catalog::serve)
                    .get("/queue/events", streams::serve)
                    .get("/health", exchange -> Responses.json(exchange, 200, "{\"status\":\"ok\",\"catalogVersion\":"
                            + catalog.publishedVersion().map(String::valueOf).orElse("null") + "}"));
            new QueueRoutes(queues, secret, clock, pagePrefix(id)).addTo(routes.limitedBy(shared.queuePermits()));
            new CounterRoutes(queues, windows, clock).addTo(routes); // under the queue's permits, as before
            shared.status().withSecret(secret).addTo(routes.limitedBy(shared.statusPermits()));
            new FleetRoutes(fleet, secret, catalog::publishedVersion).addTo(routes.limitedBy(shared.fleetPermits()));
            new RatingRoutes(ratings, secret).addTo(routes.limitedBy(shared.ratingPermits()));
            return new Hall(id, dir, queues, fleet, ratings, secret, streams, routes);
        } catch (IOException | RuntimeException e) {
            queues.close();
            if (fleet != null) {
                fleet.close();
            }
            if (ratings != null) {
                ratings.close();
            }
            throw e;
        }
    }

    /** Where an added hall's pages are: {@code /halls/<id>}; "" for the top-level hall. */
    public static String pagePrefix(String id) {
        return id.isEmpty() ? "" : "/" + Halls.DIR + "/" + id;
    }

    /** "" for the top-level hall. */
    public String id() {
        return id;
    }

    /** How the log names it: its id, or "top-level"; never anything a citizen typed. */
    public String label() {
        return id.isEmpty() ? "top-level" : id;
    }

    public Path dir() {
        return dir;
    }

    public QueueService queues() {
        return queues;
    }

    public FleetService fleet() {
        return fleet;
    }

    public RatingService ratings() {
        return ratings;
    }

    /** The secret its kiosks and counters send, from {@code dir/hall.secret}. Never log it. */
    public String secret() throws IOException {
        return HallSecret.read(dir.resolve(HallSecret.FILE));
    }

    Routes routes() {
        return routes;
    }

    EventStreams streams() {
        return streams;
    }

    HallSecret hallSecret() {
        return secret;
    }

    @Override
    public void close() {
        queues.close();
        fleet.close();
        ratings.close();
    }
}
