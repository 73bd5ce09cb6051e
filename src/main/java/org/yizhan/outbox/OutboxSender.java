package org.yizhan.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.HallFailure;
import org.yizhan.hall.Timeouts;
import org.yizhan.json.Json;

/**
 * The one thread that sends the outbox to the hall server ({@code yizhan-outbox}; not a screen, not the FX
 * thread): from the start, each kind's messages in order, each POSTed with its {@code Idempotency-Key}, and
 * removed only once the server answered it. A message that does not get through (no connection, a 5xx, an
 * answer that is not the server's, a 408 or 429, or a 401, which refuses the kiosk's hall.secret rather than the
 * message) is tried again after a backoff that doubles up to {@link #MAX_BACKOFF}, with jitter so that a hall's
 * kiosks do not all come back at once; one the server refuses for good (another 4xx) is kept aside with the
 * server's reason and its line goes on.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** How long the thread sleeps with nothing due: a held message may come of age meanwhile. */
    private static final Duration IDLE = Duration.ofSeconds(30);

    /** POSTs a message's body to its path on the hall server, as the message's key; returns once answered 2xx. */
    @FunctionalInterface
    public interface Post {
        void post(String path, String body, String idempotencyKey) throws HallFailure;
    }

    private final Outbox outbox;
    private final Post post;
    private final Clock clock;
    private final RandomGenerator random;
    private final Object wake = new Object();
    private boolean poked;
    private volatile boolean closed;
    private Thread thread;

    /** Each message POSTed through the kiosk's client of its hall server (which carries the hall secret). */
    public static Post over(HallClient hall) {
        HallClient sending = hall.withTimeouts(Timeouts.DEFAULT);
        return (path, body, key) -> {
            JsonNode json;
            try {
                json = Json.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a message in the outbox is not JSON: " + e.getOriginalMessage(), e);
            }
            // An answer that is not JSON is not the hall server's (a proxy's page): not answered, tried again.
            sending.postJson(path, json, JsonNode.class, key);
        };
    }

    public OutboxSender(Outbox outbox, Post post, Clock clock, RandomGenerator random) {
        this.outbox = outbox;
        this.post = post;
        this.clock = clock;
        this.random = random;
        outbox.onReady(this::poke);
    }

    /** Starts the thread, which sends what the outbox holds at once. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(this::run, "yizhan-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Sends every message that is due now, each line in order, until none is; returns how many the server
     * answered (delivered or refused for good). The thread calls it; a test may call it instead.
     */
    public int sendDue() throws OutboxFailure {
        int answered = 0;
        while (!closed) {
            List<OutboxMessage> due = outbox.due(clock.instant());
            if (due.isEmpty()) {
                return answered;
            }
            for (OutboxMessage message : due) {
                if (closed) {
                    break;
                }
                if (send(message)) {
                    answered++;
                }
            }
        }
        return answered;
    }

    /** Sends one message; true when the server answered it (for good, either way). */
    private boolean send(OutboxMessage message) throws OutboxFailure {
        try {
            post.post(message.path(), message.body(), message.key());
            outbox.delivered(message.id());
            if (message.attempts() > 0) {
                LOG.info("{} {} arrived after {} earlier attempt(s)", message.kind(), message.path(), message.attempts());
            }
            return true;
        } catch (HallFailure.Refused refused) {
            if (refused.status() == 401 && message.attempts() == 0) {
                LOG.error("the hall server does not take this kiosk's hall.secret; {} {} waits until it does",
                        message.kind(), message.path());
            }
            // 401 refuses the kiosk, not the message: with the right hall.secret the same message is taken.
            if (refused.status() == 429 || refused.status() == 408 || refused.status() == 401) {
                Duration wait = backoff(message.attempts() + 1);
                Duration asked = refused.retryAfterSeconds().map(Duration::ofSeconds).orElse(Duration.ZERO);
                retry(message, refused.getMessage(), asked.compareTo(wait) > 0 ? asked : wait);
                return false;
            }
            LOG.error("the hall server refused {} {} for good; kept aside: {}", message.kind(), message.path(),
                    refused.getMessage());
            outbox.refuse(message.id(), refused.getMessage());
            return true;
        } catch (HallFailure failure) {
            retry(message, failure.getMessage(), backoff(message.attempts() + 1));
            return false;
        } catch (RuntimeException e) {
            LOG.error("sending {} {} failed", message.kind(), message.path(), e);
            retry(message, e.toString(), backoff(message.attempts() + 1));
            return false;
        }
    }

    private void retry(OutboxMessage message, String why, Duration wait) throws OutboxFailure {
        if (message.attempts() == 0 || message.attempts() % 10 == 0) {
            LOG.warn("{} {} did not reach the hall server ({}); trying again in {} s", message.kind(), message.path(),
                    why, wait.toSeconds());
        }
        outbox.retryLater(message.id(), why, clock.instant().plus(wait));
    }

    /** The wait after the {@code attempt}th failure: doubling from 1 s to 60 s, each a random half to all of it. */
    Duration backoff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 16));
        return Duration.ofMillis(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
    }

    private void poke() {
        synchronized (wake) {
            poked = true;
            wake.notifyAll();
        }
    }

    private void run() {
        while (!closed) {
            Duration sleep = IDLE;
            try {
                sendDue();
                Optional<Instant> next = outbox.nextTry();
                if (next.isPresent()) {
                    Duration until = Duration.between(clock.instant(), next.get());
                    sleep = until.isNegative() ? Duration.ZERO : until.compareTo(IDLE) < 0 ? until : IDLE;
                }
            } catch (OutboxFailure e) {
                LOG.error("the outbox cannot be read or written: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("the outbox's sender failed; it goes on", e);
            }
            synchronized (wake) {
                long end = System.nanoTime() + sleep.toNanos();
                while (!poked && !closed) {
                    long left = end - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        wake.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                poked = false;
            }
        }
    }

    /** Stops the thread; what is still in the outbox goes at the next start. */
    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        poke();
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
