package org.yizhan.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.json.Json;
import org.yizhan.queue.TicketState;
import org.yizhan.server.HallServer;
import org.yizhan.storage.PostgresStore;
import org.yizhan.storage.postgres.TestPostgres;

/**
 * The county's failover, end to end: two hall servers in JVMs of their own ({@link CrashServer}) on one
 * PostgreSQL database; three kiosk JVMs ({@link CrashClient}, four threads each) take numbers from both in turn
 * while a window calls them, from both in turn too. One server is killed with SIGKILL when a third are taken and
 * started again. Afterwards every queue's numbers run 1..N, none twice; every number a kiosk was given is there
 * and printed; the rest, whose answers the kill swallowed, are voided by the sweep; and the display's event stream
 * on the server that was never killed saw every call, those made on the other server included.
 */
class TwoServersCrashTest {
    private static final Instant AT = Instant.parse("2026-11-30T02:00:00Z");
    private static final int CLIENTS = 3;
    private static final int THREADS = 4;
    private static final int EACH = 400;
    private static final List<String> QUEUES = List.of("a", "b", "c");
    private static final String WINDOW = "w1";

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void numbersAndCallsStayWholeWhenOneOfTwoServersIsKilled() throws Exception {
        long started = System.nanoTime();
        String database = TestPostgres.freshDatabase();
        Path jvmTemp = Files.createDirectories(temp.resolve("tmp"));
        Path dataA = Files.createDirectories(temp.resolve("a"));
        Path dataB = Files.createDirectories(temp.resolve("b"));
        StringBuilder json = new StringBuilder("{\"hall\": \"crash\", \"queues\": [");
        for (int i = 0; i < QUEUES.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\": \"").append(QUEUES.get(i)).append("\", \"prefix\": \"")
                    .append((char) ('A' + i)).append("\", \"name\": \"q\", \"services\": {\"ids\": [\"s").append(i)
                    .append("\"]}, \"hours\": {\"mon-sun\": [\"00:00-24:00\"]}, \"dailyCap\": 9999, \"location\": \"-\"}");
        }
        Files.writeString(dataA.resolve("queues.json"), json + "]}");
        Files.writeString(dataB.resolve("queues.json"), json + "]}");
        int portA = freePort();
        int portB = freePort();
        Process serverA = startServer(dataA, portA, jvmTemp, "a", database);
        // Both servers are one hall: the same queues file and secret (copied, as docs/deployment.md says).
        Files.copy(HallServer.secretFile(dataA), HallServer.secretFile(dataB));
        Process serverB = startServer(dataB, portB, jvmTemp, "b1", database);
        String secret = HallSecret.read(HallServer.secretFile(dataA));
        URI a = URI.create("http://127.0.0.1:" + portA + "/");
        URI b = URI.create("http://127.0.0.1:" + portB + "/");

        Display display = Display.open(a);
        Window window = new Window(List.of(a, b), secret);
        window.signIn(QUEUES);
        Thread caller = new Thread(window::callUntilStopped, "caller");
        caller.setDaemon(true);
        caller.start();

        AtomicInteger took = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(1);
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        List<Process> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            // Each kiosk starts on another server: both take numbers from the first moment.
            String servers = c % 2 == 0 ? a + "," + b : b + "," + a;
            Process client = QueueCrashTest.start(jvmTemp, "client-" + c, CrashClient.class.getName(), servers, secret,
                    String.valueOf(THREADS), String.valueOf(EACH), String.join(",", QUEUES));
            clients.add(client);
            QueueCrashTest.read(client, line -> {
                if (line.startsWith(CrashClient.TOOK)) {
                    got.add(line.substring(CrashClient.TOOK.length()));
                    if (took.incrementAndGet() >= CLIENTS * EACH / 3) {
                        third.countDown();
                    }
                } else if (line.equals(CrashClient.RETRY)) {
                    retries.incrementAndGet();
                }
            });
        }
        Process restarted = null;
        try {
            assertTrue(third.await(90, TimeUnit.SECONDS), "the kiosks took only " + took.get() + " numbers: "
                    + tail(jvmTemp.resolve("stderr-client-0.txt")) + " / server a: " + tail(jvmTemp.resolve(
                    "stderr-server-a.txt")));
            int takenAtKill = took.get();
            int calledAtKill = window.calls.get();
            serverB.destroyForcibly();
            assertTrue(serverB.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, serverB.exitValue(), "not ended by SIGKILL");
            restarted = startServer(dataB, portB, jvmTemp, "b2", database);
            for (Process client : clients) {
                assertTrue(client.waitFor(120, TimeUnit.SECONDS), "a kiosk did not finish");
                assertEquals(0, client.exitValue(), "a kiosk failed: " + Files.readString(jvmTemp.resolve(
                        "stderr-client-" + clients.indexOf(client) + ".txt")));
            }
            window.finishWhenNobodyWaits();
            caller.join(60_000);
            assertTrue(window.failure.isEmpty(), String.join("; ", window.failure));
            assertEquals(CLIENTS * EACH, got.size());
            assertTrue(takenAtKill < CLIENTS * EACH, "the kill came after the last number");
            assertTrue(retries.get() > 0, "no kiosk noticed the kill");
            assertTrue(calledAtKill > 0 && window.calls.get() > calledAtKill, "no calls on both sides of the kill");

            // The store, read by this JVM with the servers still up (they share it).
            try (PostgresStore store = PostgresStore.connect(database, null)) {
                QueueService queues = QueueService.open(dataA, Clock.fixed(AT, ZoneOffset.UTC),
                        store.hall(dataA, HallServer.DEFAULT_HALL));
                List<Ticket> day = queues.ticketsOf(LocalDate.parse("2026-11-30"));
                Map<String, List<Integer>> seqs = new TreeMap<>();
                Map<String, Ticket> byCode = new HashMap<>();
                Map<TicketState, Integer> states = new TreeMap<>();
                Set<String> calledInStore = new TreeSet<>();
                for (Ticket t : day) {
                    seqs.computeIfAbsent(t.queue(), q -> new ArrayList<>()).add(t.seq());
                    byCode.put(t.code(), t);
                    states.merge(t.state(), 1, Integer::sum);
                    if (t.calledAt() != null) {
                        calledInStore.add(t.number());
                    }
                }
                for (Map.Entry<String, List<Integer>> queue : seqs.entrySet()) {
                    List<Integer> list = new ArrayList<>(queue.getValue());
                    Collections.sort(list);
                    for (int i = 0; i < list.size(); i++) {
                        assertEquals(i + 1, list.get(i), "queue " + queue.getKey() + ": numbers do not run 1.."
                                + list.size());
                    }
                }
                Set<String> numbers = new HashSet<>();
                for (String line : got) {
                    String[] parts = line.split(" ");
                    assertTrue(numbers.add(parts[0] + "/" + parts[1]), "handed out twice: " + line);
                    Ticket t = byCode.get(parts[2]);
                    assertTrue(t != null && t.number().equals(parts[1]) && t.printedAt() != null, "lost: " + line);
                }
                // Every printed number was called (the window called until nobody waited), and the display on
                // the server never killed saw each call, whichever server made it.
                assertEquals(CLIENTS * EACH, calledInStore.size(), "printed numbers never called: " + states);
                assertTrue(display.awaitCalls(calledInStore, Duration.ofSeconds(20)),
                        "the display missed calls: " + difference(calledInStore, display.calls));
                int orphans = states.getOrDefault(TicketState.ISSUED, 0);
                Clock later = Clock.fixed(AT.plus(QueueService.PRINT_TIMEOUT).plusSeconds(1), ZoneOffset.UTC);
                QueueService swept = QueueService.open(dataA, later, store.hall(dataA, HallServer.DEFAULT_HALL));
                assertEquals(orphans, swept.sweep());
                queues.close();
                swept.close();
                System.out.printf("TwoServersCrashTest: %d numbers in %d queues (%s), killed after %d numbers and"
                                + " %d calls, %d retries, %d orphans voided, %d calls seen on the display, %d s%n",
                        day.size(), seqs.size(), states, takenAtKill, calledAtKill, retries.get(), orphans,
                        display.calls.size(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            }
        } finally {
            window.stop.set(true);
            display.close();
            serverA.destroyForcibly();
            serverB.destroyForcibly();
            if (restarted != null) {
                restarted.destroyForcibly();
                restarted.waitFor(30, TimeUnit.SECONDS);
            }
            serverA.waitFor(30, TimeUnit.SECONDS);
            clients.forEach(Process::destroyForcibly);
        }
    }

    private static Set<String> difference(Set<String> all, Set<String> seen) {
        Set<String> missed = new TreeSet<>(all);
        missed.removeAll(seen);
        return missed.size() > 20 ? Set.of(missed.size() + " numbers, e.g. " + missed.iterator().next()) : missed;
    }

    /**
     * The calling display: the event stream of one server, from the day's first event, keeping the numbers
     * called.
     */
    private static final class Display implements AutoCloseable {
        final Set<String> calls = Collections.synchronizedSet(new TreeSet<>());
        private final InputStream body;

        private Display(InputStream body) {
            this.body = body;
            Thread reader = new Thread(this::read, "display");
            reader.setDaemon(true);
            reader.start();
        }

        static Display open(URI server) throws Exception {
            HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(
                    server.resolve("queue/events?lastEventId=0")).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            return new Display(response.body());
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("data: ")) {
                        JsonNode event = Json.mapper().readTree(line.substring(6));
                        if (event.path("type").asText().equals("ticket.called")) {
                            calls.add(event.path("number").asText());
                        }
                    }
                }
            } catch (IOException e) {
                // closed by the test
            }
        }

        boolean awaitCalls(Set<String> expected, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (!calls.containsAll(expected)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(50);
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /**
     * A clerk's window that calls the next citizen and marks them a no-show, again and again, on the two servers
     * in turn; a server that does not answer is left for the other, and a call whose answer was lost is found by
     * the window being busy.
     */
    private static final class Window {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicBoolean stop = new AtomicBoolean();
        final List<String> failure = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean finishing = new AtomicBoolean();
        private final List<URI> servers;
        private final String secret;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        private int turn;

        Window(List<URI> servers, String secret) {
            this.servers = servers;
            this.secret = secret;
        }

        void signIn(List<String> queues) throws Exception {
            int status = post("sign-in", "{\"queues\": [\"" + String.join("\", \"", queues) + "\"]}");
            assertEquals(200, status);
        }

        void finishWhenNobodyWaits() {
            finishing.set(true);
        }

        void callUntilStopped() {
            try {
                int empty = 0;
                int busy = 0;
                while (!stop.get()) {
                    int status = post("call-next", "{}");
                    if (status == 200) {
                        calls.incrementAndGet();
                        empty = 0;
                        busy = 0;
                        post("no-show", "{}");
                    } else if (status == 409 && ++busy < 10) {
                        post("no-show", "{}"); // the call's answer was lost: it is at the window still
                    } else if (status == 204) {
                        // Nobody waits: done once the kiosks are, and both servers say so.
                        if (finishing.get() && ++empty >= 2) {
                            return;
                        }
                        Thread.sleep(10);
                    } else {
                        failure.add("call-next answered " + status);
                        return;
                    }
                }
            } catch (Exception e) {
                failure.add(e.toString());
            }
        }

        /** The status of the first server that answers, trying each in turn for up to a minute. */
        private int post(String action, String body) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                URI server = servers.get(turn++ % servers.size());
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    server.resolve("queue/windows/" + WINDOW + "/" + action))
                            .timeout(Duration.ofSeconds(5))
                            .header("Authorization", "Bearer " + secret)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() < 500) {
                        return response.statusCode();
                    }
                } catch (IOException e) {
                    // down or killed: the other one
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("no server answered " + action + " for a minute");
                }
                Thread.sleep(5);
            }
        }
    }

    private static String tail(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "(nothing)";
        return text.substring(Math.max(0, text.length() - 1500));
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private Process startServer(Path data, int port, Path jvmTemp, String name, String database) throws Exception {
        Process server = QueueCrashTest.start(jvmTemp, "server-" + name, CrashServer.class.getName(), data.toString(),
                String.valueOf(port), AT.toString(), database);
        CountDownLatch ready = new CountDownLatch(1);
        QueueCrashTest.read(server, line -> {
            if (line.equals(CrashServer.READY)) {
                ready.countDown();
            }
        });
        if (!ready.await(60, TimeUnit.SECONDS)) {
            server.destroyForcibly();
            throw new AssertionError("the server did not start: "
                    + Files.readString(jvmTemp.resolve("stderr-server-" + name + ".txt")));
        }
        return server;
    }
}
