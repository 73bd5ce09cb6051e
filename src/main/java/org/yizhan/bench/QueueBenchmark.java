package org.yizhan.bench;

import java.lang.management.ManagementFactory;
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
import org.yizhan.json.Json;
import org.yizhan.queue.TicketInfo;
import org.yizhan.queue.TicketState;
import java.util.Optional;
import org.yizhan.server.HallServer;
import org.yizhan.server.ServerLimits;
import org.yizhan.storage.ServerStore;
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
    private static final int WARM_UP = 3000;

    /**
     * @param cpuMsPerTicket the process's CPU time (servers and clients together) over the measured tickets
     * @param duplicates     numbers handed out twice, or held twice in the store
     * @param missing        numbers lost or left unprinted
     */
    public record Result(String store, int servers, int tickets, int clients, double perSecond, double p50Ms,
                         double p99Ms, double maxMs, double cpuMsPerTicket, int duplicates, int missing) {
        public String line() {
            return String.format(Locale.ROOT, "queue store=%s servers=%d tickets=%d clients=%d per_s=%.0f p99_ms=%.1f "
                    + "duplicates=%d missing=%d", store, servers, tickets, clients, perSecond, p99Ms, duplicates, missing);
        }
    }

    record Taken(String queue, String number, String code, long nanos) {
    }

    private QueueBenchmark() {
    }

    /** One server on SQLite in a temporary data directory: the hall's default. */
    public static Result run(int clients, int tickets) throws Exception {
        return run(clients, tickets, ServerStore.SQLITE, "sqlite", 1);
    }

    /**
     * {@code servers} hall servers in this process on {@code store} (one database behind them all: PostgreSQL for
     * more than one), each with a data directory of its own holding the same queues file and hall secret, as a
     * county's servers have. Each client takes its numbers from the servers in turn, as nginx hands them out.
     */
    public static Result run(int clients, int tickets, ServerStore store, String storeName, int servers)
            throws Exception {
        List<Path> dirs = new ArrayList<>();
        List<HallServer> started = new ArrayList<>();
        try {
            for (int i = 0; i < servers; i++) {
                Path data = Files.createTempDirectory("yizhan-bench-queue");
                dirs.add(data);
                Files.writeString(data.resolve("queues.json"), queuesFile());
                if (i > 0) {
                    Files.copy(HallServer.secretFile(dirs.get(0)), HallServer.secretFile(data));
                }
                started.add(HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data,
                        Clock.systemUTC(), ServerLimits.DEFAULTS, Optional.empty(), store));
            }
            HallServer first = started.get(0);
            String secret = first.hallSecret();
            List<URI> uris = started.stream().map(HallServer::baseUri).toList();
            // The JIT and the connection pools warm up in a queue of their own, checked with the rest.
            List<Taken> warm = take(clients, Math.min(WARM_UP, tickets), uris, secret, "warm");
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            List<Taken> taken = take(clients, tickets, uris, secret, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMs = (processCpuNanos() - cpu) / 1e6 / taken.size();
            List<Taken> all = new ArrayList<>(warm);
            all.addAll(taken);
            int[] problems = check(first, all);
            long[] nanos = taken.stream().mapToLong(Taken::nanos).sorted().toArray();
            return new Result(storeName, servers, taken.size(), clients, taken.size() / seconds,
                    percentile(nanos, 0.50), percentile(nanos, 0.99), nanos[nanos.length - 1] / 1e6, cpuMs, problems[0],
                    problems[1]);
        } finally {
            started.forEach(HallServer::close);
            for (Path data : dirs) {
                try (Stream<Path> files = Files.walk(data)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    static List<Taken> take(int clients, int tickets, URI server, String secret, String onlyQueue)
            throws Exception {
        return take(clients, tickets, List.of(server), secret, onlyQueue);
    }

    static List<Taken> take(int clients, int tickets, List<URI> servers, String secret, String onlyQueue)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Taken>>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                futures.add(pool.submit(() -> {
                    List<Taken> mine = new ArrayList<>();
                    // Each client its own kept connection to each server, as each kiosk is its own machine.
                    List<KeptConnection> toEach = new ArrayList<>();
                    try {
                        for (URI server : servers) {
                            toEach.add(new KeptConnection(server, secret));
                        }
                        int turn = first;
                        for (int i = next.getAndIncrement(); i < tickets; i = next.getAndIncrement()) {
                            KeptConnection kiosk = toEach.get(turn++ % toEach.size());
                            String queue = onlyQueue != null ? onlyQueue : QUEUES.get(i % QUEUES.size());
                            long t0 = System.nanoTime();
                            TicketInfo issued = Json.readMessage(kiosk.post("/queue/tickets",
                                    "{\"queue\":\"" + queue + "\",\"priority\":false}", 201), TicketInfo.class);
                            TicketInfo printed = Json.readMessage(kiosk.post("/queue/tickets/" + issued.code()
                                    + "/printed", "{}", 200), TicketInfo.class);
                            long nanos = System.nanoTime() - t0;
                            if (printed.state() != TicketState.PRINTED || !printed.number().equals(issued.number())) {
                                throw new IllegalStateException(issued.number() + " came back " + printed.state());
                            }
                            mine.add(new Taken(queue, issued.number(), issued.code(), nanos));
                        }
                    } finally {
                        for (KeptConnection kiosk : toEach) {
                            kiosk.close();
                        }
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

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
