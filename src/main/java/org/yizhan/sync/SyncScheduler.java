package org.yizhan.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link CatalogSync} on one daemon thread: at start, then every interval with ±20 % jitter so a
 * hall's kiosks do not poll together, sooner on demand, and after a failure with capped exponential
 * backoff: from 30 s for an unreachable server, from 5 min for an answer we refused. No failure stops
 * later attempts.
 */
public final class SyncScheduler implements AutoCloseable {
    static final Duration UNREACHABLE_FIRST = Duration.ofSeconds(30);
    static final Duration REJECTED_FIRST = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

    /** What a technician sees: the last outcome, the last success, and when the next attempt is due. */
    public record Status(Optional<SyncOutcome> last, Optional<Instant> lastSuccess, int consecutiveFailures,
                         Optional<Instant> nextAttempt) {
        public static final Status NONE_YET = new Status(Optional.empty(), Optional.empty(), 0, Optional.empty());
    }

    private final CatalogSync sync;
    private final Duration interval;
    private final Consumer<SyncOutcome> listener;
    private final RandomGenerator random;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private ScheduledFuture<?> next;
    private boolean running;
    private boolean demanded;
    private volatile Status status = Status.NONE_YET;

    /** @param listener told of every outcome, on the sync thread */
    public SyncScheduler(CatalogSync sync, Duration interval, Consumer<SyncOutcome> listener, RandomGenerator random,
                         Clock clock) {
        this.sync = sync;
        this.interval = interval;
        this.listener = listener;
        this.random = random;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "yizhan-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /** The first attempt, now. */
    public void start() {
        schedule(Duration.ZERO);
    }

    /** An attempt as soon as the thread is free, replacing the one that was due. */
    public synchronized void syncNow() {
        if (running) {
            // The attempt under way ends by scheduling the next; it will make that one immediate.
            demanded = true;
        } else {
            schedule(Duration.ZERO);
        }
    }

    public Status status() {
        return status;
    }

    private synchronized void schedule(Duration delay) {
        if (thread.isShutdown()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        try {
            next = thread.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            return; // closed meanwhile
        }
        Status s = status;
        status = new Status(s.last(), s.lastSuccess(), s.consecutiveFailures(), Optional.of(clock.instant().plus(delay)));
    }

    private void run() {
        synchronized (this) {
            running = true;
            demanded = false;
        }
        Status before = status;
        int failures = before.consecutiveFailures();
        Optional<Instant> lastSuccess = before.lastSuccess();
        SyncOutcome outcome = null;
        try {
            outcome = sync.syncOnce();
            failures = outcome.failed() ? failures + 1 : 0;
            if (!outcome.failed()) {
                lastSuccess = Optional.of(outcome.at());
            }
            status = new Status(Optional.of(outcome), lastSuccess, failures, Optional.empty());
            listener.accept(outcome);
        } catch (RuntimeException | Error e) {
            LOG.error("catalog sync attempt failed", e);
            failures++;
        } finally {
            Duration delay = nextDelay(outcome, failures, interval, random);
            Status s = status;
            status = new Status(s.last(), lastSuccess, failures, s.nextAttempt());
            synchronized (this) {
                running = false;
                schedule(demanded ? Duration.ZERO : delay);
            }
        }
    }

    /** The pause before the next attempt; pure, so the policy is tested without waiting. */
    static Duration nextDelay(SyncOutcome outcome, int consecutiveFailures, Duration interval, RandomGenerator random) {
        Duration base;
        if (outcome != null && !outcome.failed()) {
            base = interval;
        } else {
            boolean refused = outcome != null && outcome.kind() == SyncOutcome.Kind.REJECTED;
            Duration first = refused ? REJECTED_FIRST : UNREACHABLE_FIRST;
            Duration cap = refused ? interval.multipliedBy(4) : interval;
            int doublings = Math.min(Math.max(consecutiveFailures - 1, 0), 20);
            base = first.multipliedBy(1L << doublings);
            if (base.compareTo(cap) > 0) {
                base = cap.compareTo(first) > 0 ? cap : first;
            }
        }
        double jitter = 0.8 + 0.4 * random.nextDouble();
        return Duration.ofMillis(Math.round(base.toMillis() * jitter));
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            // A sync reading the new catalog back holds its files open: let it let go before data.dir is touched
            // (a test deleting it, a technician copying it). An interrupted download ends at once.
            thread.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
