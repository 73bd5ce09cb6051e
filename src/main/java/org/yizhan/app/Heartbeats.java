package org.yizhan.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.fleet.Heartbeat;
import org.yizhan.fleet.LastSync;
import org.yizhan.outbox.Draft;
import org.yizhan.outbox.Outbox;
import org.yizhan.outbox.OutboxFailure;
import org.yizhan.print.TicketPrinter;
import org.yizhan.sync.SyncOutcome;
import org.yizhan.sync.SyncScheduler;

/**
 * The kiosk's heartbeat: every minute or so (±20 %, so a hall's kiosks do not beat together) it builds a
 * {@link Heartbeat} from what the kiosk knows of itself and adds it to the outbox, which keeps only the latest and
 * sends it (docs/deployment.md, "The hall's kiosks at a glance"). On its own daemon thread, {@code yizhan-heartbeat}:
 * asking the printer may wait on it for a few seconds.
 */
final class Heartbeats implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(60);
    /** The first one soon after the start, so the hall sees a kiosk that came back without waiting a minute. */
    static final Duration FIRST = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

    /** What a heartbeat is made of, each read when it is built. */
    record Sources(String kioskId, String hallId, String version, LongSupplier catalogVersion,
                   Supplier<SyncScheduler.Status> sync, Optional<TicketPrinter> printer, Path dataDir,
                   Supplier<Optional<String>> lastErrorClass) {
    }

    private final Sources sources;
    private final Outbox outbox;
    private final Clock clock;
    private final RandomGenerator random;
    private final Instant started;
    private final ScheduledExecutorService thread;

    Heartbeats(Sources sources, Outbox outbox, Clock clock, RandomGenerator random) {
        this.sources = sources;
        this.outbox = outbox;
        this.clock = clock;
        this.random = random;
        this.started = clock.instant();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "yizhan-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts beating: the first after {@link #FIRST}, then every {@link #INTERVAL} with jitter. */
    Heartbeats start() {
        return start(FIRST);
    }

    /** As {@link #start()}, the first after {@code first} (a test's zero). */
    Heartbeats start(Duration first) {
        schedule(first);
        return this;
    }

    /** What the kiosk would say now. */
    Heartbeat build() {
        SyncScheduler.Status sync = sources.sync().get();
        LastSync last = sync.last().map(Heartbeats::lastSync).orElse(null);
        String printer = sources.printer().map(p -> p.status().name()).orElse("none");
        return new Heartbeat(sources.kioskId(), sources.hallId(), sources.version(), sources.catalogVersion().getAsLong(),
                last, sync.lastSuccess().map(Instant::toString).orElse(null), printer,
                Math.max(0, Duration.between(started, clock.instant()).toSeconds()), freeBytes(),
                outbox.waiting(), outbox.keptAsideCount(),
                sources.lastErrorClass().get().filter(c -> c.matches("[A-Za-z0-9_.$]{1,200}")).orElse(""),
                clock.instant().toString());
    }

    /** Builds one and adds it to the outbox (replacing the one still waiting); the thread calls it, a test may. */
    void beat() throws OutboxFailure {
        outbox.add(Draft.heartbeat(build().json()));
    }

    private static LastSync lastSync(SyncOutcome outcome) {
        return LastSync.of(outcome.kind().name(), outcome.reason(), outcome.at());
    }

    private long freeBytes() {
        try {
            return Files.getFileStore(sources.dataDir()).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void schedule(Duration delay) {
        try {
            thread.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed meanwhile: no more heartbeats
        }
    }

    private void run() {
        try {
            beat();
        } catch (OutboxFailure e) {
            LOG.warn("the heartbeat could not be put in the outbox: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("the heartbeat could not be built", e);
        }
        schedule(nextDelay());
    }

    /** {@link #INTERVAL} ±20 %, at random: a hall's kiosks started together drift apart. */
    Duration nextDelay() {
        long interval = INTERVAL.toMillis();
        return Duration.ofMillis(interval * 4 / 5 + random.nextLong(interval * 2 / 5 + 1));
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            // Before the outbox closes: a heartbeat being added finishes first.
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
