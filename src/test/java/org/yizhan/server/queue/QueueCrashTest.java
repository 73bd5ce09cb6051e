package org.yizhan.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.queue.TicketState;
import org.yizhan.server.HallServer;

/**
 * The issue's concurrency proof: a hall server in its own JVM ({@link CrashServer}) and three kiosk JVMs
 * ({@link CrashClient}, four threads each) taking 3,000 numbers in all; the server is killed with SIGKILL
 * when about a third are taken and started again on the same data directory while the kiosks retry.
 * Afterwards every queue's numbers of the day run 1..N, none twice, none missing; every number a kiosk was
 * given is there and printed; the rest are numbers whose answer the kill swallowed, still issued, and the
 * sweep voids them.
 */
class QueueCrashTest {
    private static final Instant AT = Instant.parse("2026-11-30T02:00:00Z");
    private static final int CLIENTS = 3;
    private static final int THREADS = 4;
    private static final int EACH = 1000;
    private static final List<String> QUEUES = List.of("a", "b", "c");

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void numbersStayWholeAcrossAKillOfTheServer() throws Exception {
        long started = System.nanoTime();
        Path data = Files.createDirectories(temp.resolve("data"));
        Path jvmTemp = Files.createDirectories(temp.resolve("tmp"));
        StringBuilder json = new StringBuilder("{\"hall\": \"crash\", \"queues\": [");
        for (int i = 0; i < QUEUES.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\": \"").append(QUEUES.get(i)).append("\", \"prefix\": \"")
                    .append((char) ('A' + i)).append("\", \"name\": \"q\", \"services\": {\"ids\": [\"s").append(i)
                    .append("\"]}, \"hours\": {\"mon-sun\": [\"00:00-24:00\"]}, \"dailyCap\": 9999, \"location\": \"-\"}");
        }
        Files.writeString(data.resolve("queues.json"), json.append("]}"));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        Process server = startServer(data, port, jvmTemp, 1);
        String secret = HallSecret.read(HallServer.secretFile(data));
        AtomicInteger took = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(1);
        List<String> got = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Process> clients = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Process client = start(jvmTemp, "client-" + c, CrashClient.class.getName(), "http://127.0.0.1:" + port + "/",
                    secret, String.valueOf(THREADS), String.valueOf(EACH), String.join(",", QUEUES));
            clients.add(client);
            readers.add(read(client, line -> {
                if (line.startsWith(CrashClient.TOOK)) {
                    got.add(line.substring(CrashClient.TOOK.length()));
                    if (took.incrementAndGet() >= CLIENTS * EACH / 3) {
                        third.countDown();
                    }
                } else if (line.equals(CrashClient.RETRY)) {
                    retries.incrementAndGet();
                }
            }));
        }
        assertTrue(third.await(90, TimeUnit.SECONDS), "the kiosks took only " + took.get() + " numbers");
        int takenAtKill = took.get();
        server.destroyForcibly();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, server.exitValue(), "not ended by SIGKILL");
        Process restarted = startServer(data, port, jvmTemp, 2);
        try {
            for (Process client : clients) {
                assertTrue(client.waitFor(120, TimeUnit.SECONDS), "a kiosk did not finish");
                assertEquals(0, client.exitValue(), "a kiosk failed: " + Files.readString(jvmTemp.resolve(
                        "stderr-client-" + clients.indexOf(client) + ".txt")));
            }
            for (Thread reader : readers) {
                reader.join(10_000);
            }
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
            clients.forEach(Process::destroyForcibly);
        }

        assertEquals(CLIENTS * EACH, got.size());
        assertTrue(takenAtKill < CLIENTS * EACH, "the kill came after the last number");
        assertTrue(retries.get() > 0, "no kiosk noticed the kill");

        // The store, read by this JVM with the servers gone.
        QueueService store = QueueService.open(data, Clock.fixed(AT, ZoneOffset.UTC));
        List<Ticket> day = store.ticketsOf(LocalDate.parse("2026-11-30"));
        Map<String, List<Integer>> seqs = new TreeMap<>();
        Map<String, Ticket> byCode = new HashMap<>();
        Map<TicketState, Integer> states = new TreeMap<>();
        for (Ticket t : day) {
            seqs.computeIfAbsent(t.queue(), q -> new ArrayList<>()).add(t.seq());
            byCode.put(t.code(), t);
            states.merge(t.state(), 1, Integer::sum);
            assertTrue(EnumSet.of(TicketState.ISSUED, TicketState.PRINTED).contains(t.state()), t.toString());
            assertEquals(store.hall().queue(t.queue()).orElseThrow().number(t.seq()), t.number());
        }
        for (Map.Entry<String, List<Integer>> queue : seqs.entrySet()) {
            List<Integer> list = queue.getValue();
            for (int i = 0; i < list.size(); i++) {
                assertEquals(i + 1, list.get(i), "queue " + queue.getKey() + ": numbers do not run 1.." + list.size());
            }
        }
        Set<String> numbers = new HashSet<>();
        for (String line : got) {
            String[] parts = line.split(" ");
            assertTrue(numbers.add(parts[0] + "/" + parts[1]), "handed out twice: " + line);
            Ticket t = byCode.get(parts[2]);
            assertTrue(t != null && t.state() == TicketState.PRINTED && t.number().equals(parts[1]), "lost: " + line);
        }
        assertEquals(CLIENTS * EACH, (int) states.get(TicketState.PRINTED), "printed numbers no kiosk knows of");
        int orphans = states.getOrDefault(TicketState.ISSUED, 0);
        // Numbers issued while the answer was lost to the kill: never printed, so the sweep voids them.
        Clock later = Clock.fixed(AT.plus(QueueService.PRINT_TIMEOUT).plusSeconds(1), ZoneOffset.UTC);
        QueueService swept = QueueService.open(data, later);
        assertEquals(orphans, swept.sweep());
        store.close();
        swept.close();
        System.out.printf("QueueCrashTest: %d numbers in %d queues (%s), killed after %d, %d retries, %d orphans voided, %d s%n",
                day.size(), seqs.size(), states, takenAtKill, retries.get(), orphans,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    private Process startServer(Path data, int port, Path jvmTemp, int run) throws Exception {
        Process server = start(jvmTemp, "server-" + run, CrashServer.class.getName(), data.toString(),
                String.valueOf(port), AT.toString());
        CountDownLatch ready = new CountDownLatch(1);
        read(server, line -> {
            if (line.equals(CrashServer.READY)) {
                ready.countDown();
            }
        });
        if (!ready.await(60, TimeUnit.SECONDS)) {
            server.destroyForcibly();
            throw new AssertionError("the server did not start: " + Files.readString(jvmTemp.resolve("stderr-server-" + run + ".txt")));
        }
        return server;
    }

    /** A JVM of its own on this test run's class path: {@code main} with {@code args}, its stderr in {@code jvmTemp}. */
    static Process start(Path jvmTemp, String name, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m", "-Xshare:auto",
                "-Djava.io.tmpdir=" + jvmTemp, "-Dorg.sqlite.tmpdir=" + jvmTemp, "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(jvmTemp.toFile())
                .redirectError(jvmTemp.resolve("stderr-" + name + ".txt").toFile()).start();
    }

    /** Hands each line {@code process} prints to {@code lines}, on a daemon thread. */
    static Thread read(Process process, java.util.function.Consumer<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // The pipe closes when the process ends.
            }
        });
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
