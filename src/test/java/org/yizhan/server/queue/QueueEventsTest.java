package org.yizhan.server.queue;

import org.yizhan.storage.ServerStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.json.Json;
import org.yizhan.testing.SetClock;

/** GET /queue/events: server-sent events on a real server, many at once, dropped, resumed and across a restart. */
class QueueEventsTest {
    static final java.time.Instant MONDAY_10 = java.time.Instant.parse("2026-11-30T02:00:00Z");

    @TempDir
    Path data;
    QueueFixture hall;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<EventClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(EventClient::close);
        if (hall != null) {
            hall.close();
        }
    }

    void start() throws Exception {
        hall = new QueueFixture(data, new SetClock(MONDAY_10), QueueFixture.ALL_DAY, store());
    }

    /** The stores of the test's server: the data dir's files here, PostgreSQL in QueueEventsPostgresTest. */
    ServerStore store() {
        return ServerStore.SQLITE;
    }

    /** One stream as a browser's EventSource reads it: the events it dispatched, and the last id it saw. */
    final class EventClient implements Flow.Subscriber<String> {
        final List<JsonNode> events = new CopyOnWriteArrayList<>();
        final List<Long> ids = new CopyOnWriteArrayList<>();
        volatile long lastId = -1;
        volatile String contentType;
        private Flow.Subscription subscription;
        private long pendingId = -1;
        private final StringBuilder data = new StringBuilder();

        EventClient(Long lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(hall.server.baseUri().resolve("queue/events"));
            if (lastEventId != null) {
                request.header("Last-Event-ID", String.valueOf(lastEventId));
            }
            // The answer's head, as soon as it arrives: the body of a stream never completes.
            CompletableFuture<HttpResponse.ResponseInfo> head = new CompletableFuture<>();
            http.sendAsync(request.build(), info -> {
                head.complete(info);
                return HttpResponse.BodySubscribers.fromLineSubscriber(this);
            });
            HttpResponse.ResponseInfo answer = head.get(10, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode());
            contentType = answer.headers().firstValue("Content-Type").orElse("");
            clients.add(this);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (pendingId >= 0) {
                    lastId = pendingId;
                }
                if (!data.isEmpty()) {
                    try {
                        events.add(Json.mapper().readTree(data.toString()));
                        ids.add(lastId);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                data.setLength(0);
            } else if (line.startsWith("id: ")) {
                pendingId = Long.parseLong(line.substring(4));
            } else if (line.startsWith("data: ")) {
                data.append(line.substring(6));
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }

        void close() {
            if (subscription != null) {
                subscription.cancel();
            }
        }

        List<String> types() {
            return events.stream().map(e -> e.get("type").asText()).toList();
        }

        void await(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (events.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(events.size() >= count, "got " + types() + ", wanted " + count);
        }

        void awaitStart() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (lastId < 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(lastId >= 0, "no id line at the start");
        }
    }

    @Test
    void everyChangeIsOneEventWithNumbersButNoCodes() throws Exception {
        start();
        EventClient stream = new EventClient(null);
        stream.awaitStart();
        assertEquals("text/event-stream; charset=utf-8", stream.contentType);
        hall.window("1", "sign-in", "{\"queues\":[\"huji\",\"shebao\"]}");
        JsonNode ticket = hall.take("huji", false);
        QueueFixture.Answer issued = hall.post("queue/tickets", "{\"queue\":\"shebao\"}");
        hall.post("queue/tickets/" + issued.json().get("code").asText() + "/void", "{\"reason\":\"paper_out\"}");
        hall.window("1", "call-next", null);
        hall.window("1", "recall", null);
        hall.window("1", "start", null);
        hall.window("1", "transfer", "{\"queue\":\"shebao\"}");
        hall.window("1", "call-next", null);
        hall.window("1", "no-show", null);
        hall.window("1", "sign-out", null);
        stream.await(12);
        assertEquals(List.of("window.signed_in", "ticket.issued", "ticket.printed", "ticket.issued", "ticket.voided",
                "ticket.called", "ticket.recalled", "ticket.started", "ticket.transferred", "ticket.called",
                "ticket.no_show", "window.signed_out"), stream.types());
        for (int i = 1; i < stream.ids.size(); i++) {
            assertEquals(stream.ids.get(i - 1) + 1, stream.ids.get(i), "ids go up one by one");
        }
        JsonNode called = stream.events.get(5);
        assertEquals(ticket.get("number").asText(), called.get("number").asText());
        assertEquals("1", called.get("window").asText());
        assertEquals("huji", called.get("queue").asText());
        assertEquals("shebao", stream.events.get(8).get("queue").asText());
        assertEquals("huji", stream.events.get(8).get("from").asText());
        assertEquals("paper_out", stream.events.get(4).get("reason").asText());
        String all = stream.events.toString();
        assertFalse(all.contains(ticket.get("code").asText()) || all.contains(issued.json().get("code").asText()),
                "a ticket's code went out on the public stream: " + all);
    }

    @Test
    void twoHundredStreamsEachGetACall() throws Exception {
        start();
        List<EventClient> streams = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            streams.add(new EventClient(null));
        }
        for (EventClient stream : streams) {
            stream.awaitStart();
        }
        hall.window("2", "sign-in", "{\"queues\":[\"huji\"]}");
        hall.take("huji", false);
        long called = System.nanoTime();
        assertEquals(200, hall.window("2", "call-next", null).status());
        long slowest = 0;
        for (EventClient stream : streams) {
            stream.await(4);
            slowest = Math.max(slowest, System.nanoTime() - called);
            assertEquals("ticket.called", stream.types().get(3));
        }
        // Within a second on a quiet machine; the bound here only catches a stream that is not pushed at all.
        assertTrue(TimeUnit.NANOSECONDS.toMillis(slowest) < 5_000, "slowest stream: " + slowest / 1_000_000 + " ms");
    }

    @Test
    void aStreamThatReconnectsGetsExactlyWhatItMissed() throws Exception {
        start();
        EventClient first = new EventClient(null);
        first.awaitStart();
        hall.take("huji", false);
        first.await(2);
        long seen = first.lastId;
        first.close();
        hall.take("huji", true);
        hall.take("shebao", false);
        EventClient again = new EventClient(seen);
        again.await(4);
        Thread.sleep(200);
        assertEquals(4, again.events.size(), again.types().toString());
        assertEquals(seen + 1, again.ids.get(0));
        assertEquals(List.of("ticket.issued", "ticket.printed", "ticket.issued", "ticket.printed"), again.types());
        EventClient upToDate = new EventClient(again.lastId);
        EventClient fresh = new EventClient(null);
        fresh.awaitStart();
        Thread.sleep(300);
        assertEquals(List.of(), upToDate.types(), "nothing repeated");
        assertEquals(List.of(), fresh.types(), "a new stream starts now, without the day's history");
        assertEquals(again.lastId, fresh.lastId, "and with the id to resume from");
    }

    @Test
    void streamsResumeAcrossARestart() throws Exception {
        start();
        EventClient stream = new EventClient(null);
        stream.awaitStart();
        hall.take("huji", false);
        stream.await(2);
        long seen = stream.lastId;
        hall.close();
        hall = new QueueFixture(data, new SetClock(MONDAY_10), null, store());
        hall.take("shebao", false);
        EventClient resumed = new EventClient(seen);
        resumed.await(2);
        Thread.sleep(200);
        assertEquals(List.of("ticket.issued", "ticket.printed"), resumed.types());
        assertEquals(seen + 1, resumed.ids.get(0), "ids go on across the restart");
        assertEquals("shebao", resumed.events.get(0).get("queue").asText());
    }

    @Test
    void aBadLastEventIdIsA400() throws Exception {
        start();
        QueueFixture.Answer answer = hall.send(HttpRequest.newBuilder(hall.server.baseUri().resolve("queue/events"))
                .header("Last-Event-ID", "twelve"));
        assertEquals(400, answer.status());
        assertEquals("bad_request", answer.error());
    }
}
