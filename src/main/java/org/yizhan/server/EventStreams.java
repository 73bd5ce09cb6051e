package org.yizhan.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.server.queue.QueueEvent;
import org.yizhan.server.queue.QueueEvents;

/**
 * {@code GET /queue/events}: the queue's changes as server-sent events (docs/protocol.md, "Queue events"). A stream
 * holds its connection, never a thread: each event is written without waiting, and a client that stops reading is
 * dropped once {@link #BACKLOG_BYTES} wait for it (it reconnects with its Last-Event-ID and misses nothing).
 */
final class EventStreams {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int BACKLOG_BYTES = 1 << 20;
    private static final long RETRY_MILLIS = 3_000;
    private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);

    private final QueueEvents events;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    /**
     * Writes to the streams on a thread of its own, what came in the last {@link #GATHER} at once: a busy hall makes
     * hundreds of changes a second, each for every stream, and the kiosk whose request made one should not wait for
     * 200 writes (bench server, docs/performance.md: p99 71 ms written inline, 68 ms one write each on this thread).
     */
    private final ScheduledExecutorService writer;
    static final Duration GATHER = Duration.ofMillis(100);

    EventStreams(QueueEvents events, ScheduledExecutorService writer) {
        this.events = events;
        this.writer = writer;
    }

    void serve(Exchange exchange) {
        long after = lastEventId(exchange);
        exchange.setHeader("Cache-Control", "no-store");
        // nginx would otherwise hold the events back to fill its buffer (docs/deployment.md).
        exchange.setHeader("X-Accel-Buffering", "no");
        if (exchange.method().equals("HEAD")) {
            exchange.setHeader("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendEmpty(200);
            return;
        }
        Response response = exchange.response();
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        exchange.markAnswered();
        Stream stream = new Stream(response, exchange.callback());
        open.add(stream);
        exchange.request().addFailureListener(stream::failed);
        StringBuilder first = new StringBuilder("retry: ").append(RETRY_MILLIS).append("\n\n");
        List<QueueEvent> backlog = events.subscribe(after, stream);
        if (after < 0) {
            // A new stream starts now; its id line lets a browser resume from here without an event to dispatch.
            first.append("id: ").append(events.lastId()).append("\n\n");
        }
        for (QueueEvent event : backlog) {
            append(first, event);
        }
        stream.start(first.toString());
    }

    /** The id to resume after, from {@code Last-Event-ID} (what a browser sends) or {@code ?lastEventId=}; -1 if none. */
    private static long lastEventId(Exchange exchange) {
        String id = exchange.header("Last-Event-ID");
        if (id == null) {
            id = exchange.query("lastEventId");
        }
        if (id == null || id.isBlank()) {
            return -1;
        }
        if (!id.strip().matches("[0-9]{1,18}")) {
            throw ErrorAnswer.badRequest("Last-Event-ID must be the id of an event this stream sent (digits)");
        }
        return Long.parseLong(id.strip());
    }

    private static void append(StringBuilder out, QueueEvent event) {
        out.append("id: ").append(event.id()).append("\ndata: ").append(event.json()).append("\n\n");
    }

    /** A comment every {@link #HEARTBEAT}: keeps the connection from idling out and finds the clients that left. */
    void heartbeat() {
        for (Stream stream : open) {
            stream.send(": heartbeat\n\n");
        }
    }

    int count() {
        return open.size();
    }

    /** Ends every stream (the server is stopping): clients reconnect to the next server with their last id. */
    void closeAll() {
        for (Stream stream : open) {
            stream.end();
        }
    }

    private final class Stream implements Consumer<List<QueueEvent>> {
        private final Response response;
        private final Callback done;
        private final StringBuilder waiting = new StringBuilder();
        private boolean started;
        private boolean flushing;
        private boolean writing;
        private boolean ending;
        private boolean over;

        Stream(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        @Override
        public void accept(List<QueueEvent> fresh) {
            StringBuilder text = new StringBuilder();
            for (QueueEvent event : fresh) {
                append(text, event);
            }
            send(text.toString());
        }

        synchronized void send(String text) {
            if (over || ending) {
                return;
            }
            waiting.append(text);
            if (waiting.length() > BACKLOG_BYTES) {
                LOG.debug("dropped an event stream that stopped reading");
                failed(new IllegalStateException("the client reads too slowly"));
                return;
            }
            if (started && !writing && !flushing) {
                flushing = true;
                try {
                    writer.schedule(this::flush, GATHER.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    flushing = false;
                }
            }
        }

        private synchronized void flush() {
            flushing = false;
            if (!over && !writing) {
                writeWaiting();
            }
        }

        /** Sends the stream's start and its backlog, then what came meanwhile: in the order of the ids. */
        synchronized void start(String text) {
            waiting.insert(0, text);
            started = true;
            if (!over && !writing) {
                writeWaiting();
            }
        }

        synchronized void end() {
            ending = true;
            if (!writing || !started) {
                finish();
            }
        }

        private void writeWaiting() {
            if (waiting.isEmpty()) {
                writing = false;
                if (ending) {
                    finish();
                }
                return;
            }
            writing = true;
            ByteBuffer bytes = ByteBuffer.wrap(waiting.toString().getBytes(StandardCharsets.UTF_8));
            waiting.setLength(0);
            response.write(false, bytes, Callback.from(() -> {
                synchronized (this) {
                    writeWaiting();
                }
            }, this::failed));
        }

        private void finish() {
            if (over) {
                return;
            }
            over = true;
            forget();
            response.write(true, null, done);
        }

        synchronized void failed(Throwable why) {
            if (over) {
                return;
            }
            over = true;
            forget();
            done.failed(why);
        }

        private void forget() {
            open.remove(this);
            events.unsubscribe(this);
        }
    }
}
