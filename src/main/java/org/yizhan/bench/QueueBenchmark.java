package org.yizhan.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.KioskIdentity;
import org.yizhan.queue.TicketInfo;
import org.yizhan.queue.TicketRequest;
import org.yizhan.queue.TicketState;
import org.yizhan.server.HallServer;
import org.yizhan.server.queue.Ticket;

/**
 * {@code bench queue}: a real hall server on loopback with the ticket store's durable settings (WAL,
 * synchronous=FULL, each change its own unit, committed before its answer); N clients, each its own kiosk client, take numbers in
 * four queues and confirm each as printed, as a kiosk does. A ticket's latency is both round trips. Then the
 * store is read back: every queue's numbers must run 1..N, none twice, every one the clients got there and printed.
 */
public final class QueueBenchmark {
    private static final List<String> QUEUES = List.of("a", "b", "c", "d");
    /** Numbers taken first, in a queue of their own (checked too), so the JIT has compiled the path measured. */
    private static final int WARM_UP = 1000;

    /** @param duplicates numbers handed out twice, or held twice in the store; @param missing numbers lost or left unprinted */
    public record Result(int tickets, int clients, double perSecond, double p50Ms, double p99Ms, double maxMs,
                         int duplicates, int missing) {
        public String line() {
            return String.format(Locale.ROOT, "queue tickets=%d clients=%d per_s=%.0f p99_ms=%.1f duplicates=%d missing=%d",
                    tickets, clients, perSecond, p99Ms, duplicates, missing);
        }
    }

    record Taken(String queue, String number, String code, long nanos) {
    }

    private QueueBenchmark() {
    }

    public static Result run(int clients, int tickets) throws Exception {
        Path data = Files.createTempDirectory("yizhan-bench-queue");
        try {
            Files.writeString(data.resolve("queues.json"), queuesFile());
            try (HallServer server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data,
                    Clock.systemUTC())) {
                String secret = server.hallSecret();
                // The JIT and the connection pools warm up in a queue of their own, checked with the rest.
                List<Taken> warm = take(clients, Math.min(WARM_UP, tickets), server.baseUri(), secret, "warm");
                long start = System.nanoTime();
                List<Taken> taken = take(clients, tickets, server.baseUri(), secret, null);
                double seconds = (System.nanoTime() - start) / 1e9;
                List<Taken> all = new ArrayList<>(warm);
                all.addAll(taken);
                int[] problems = check(server, all);
                long[] nanos = taken.stream().mapToLong(Taken::nanos).sorted().toArray();
                return new Result(taken.size(), clients, taken.size() / seconds, percentile(nanos, 0.50),
                        percentile(nanos, 0.99), nanos[nanos.length - 1] / 1e6, problems[0], problems[1]);
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static List<Taken> take(int clients, int tickets, URI server, String secret, String onlyQueue)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Taken>>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                // Each client its own connection pool, as each kiosk is its own machine.
                HallClient client = HallClient.create(server, KioskIdentity.NONE).withHallSecret(secret);
                futures.add(pool.submit(() -> {
                    List<Taken> mine = new ArrayList<>();
                    for (int i = next.getAndIncrement(); i < tickets; i = next.getAndIncrement()) {
                        String queue = onlyQueue != null ? onlyQueue : QUEUES.get(i % QUEUES.size());
                        long t0 = System.nanoTime();
                        TicketInfo issued = client.postJson("queue/tickets", new TicketRequest(queue, false), TicketInfo.class);
                        TicketInfo printed = client.postJson("queue/tickets/" + issued.code() + "/printed", Map.of(),
                                TicketInfo.class);
                        long nanos = System.nanoTime() - t0;
                        if (printed.state() != TicketState.PRINTED || !printed.number().equals(issued.number())) {
                            throw new IllegalStateException(issued.number() + " came back " + printed.state());
                        }
                        mine.add(new Taken(queue, issued.number(), issued.code(), nanos));
                    }
                    return mine;
                }));
            }
            List<Taken> all = new ArrayList<>();
            for (Future<List<Taken>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {duplicates, missing}, from what the clients got and what the store holds. */
    private static int[] check(HallServer server, List<Taken> taken) throws Exception {
        int duplicates = 0;
        int missing = 0;
        Set<String> handedOut = new HashSet<>();
        for (Taken t : taken) {
            if (!handedOut.add(t.queue() + "/" + t.number())) {
                duplicates++;
            }
        }
        Set<java.time.LocalDate> days = new HashSet<>();
        days.add(server.queues().businessDate());
        Map<String, Ticket> stored = new HashMap<>();
        Map<String, List<Integer>> seqs = new HashMap<>();
        for (java.time.LocalDate day : days) {
            for (Ticket t : server.queues().ticketsOf(day)) {
                stored.put(t.code(), t);
                seqs.computeIfAbsent(day + "/" + t.queue(), k -> new ArrayList<>()).add(t.seq());
            }
        }
        for (List<Integer> list : seqs.values()) {
            Collections.sort(list);
            duplicates += list.size() - new HashSet<>(list).size();
            int max = list.get(list.size() - 1);
            missing += max - new HashSet<>(list).size();
        }
        for (Taken t : taken) {
            Ticket s = stored.get(t.code());
            if (s == null || s.state() != TicketState.PRINTED || !s.number().equals(t.number())) {
                missing++;
            }
        }
        return new int[] {duplicates, missing};
    }

    static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static String queuesFile() {
        StringBuilder json = new StringBuilder("{\"hall\": \"bench\", \"queues\": [");
        List<String> ids = new ArrayList<>(QUEUES);
        ids.add("warm");
        for (int i = 0; i < ids.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\": \"").append(ids.get(i)).append("\", \"prefix\": \"")
                    .append((char) ('A' + i)).append("\", \"name\": \"").append(ids.get(i))
                    .append("\", \"services\": {\"ids\": [\"s").append(i)
                    .append("\"]}, \"hours\": {\"mon-sun\": [\"00:00-24:00\"]}, \"dailyCap\": 99999, \"location\": \"-\"}");
        }
        return json.append("]}").toString();
    }
}
