package org.yizhan.server.queue;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.HallFailure;
import org.yizhan.hall.KioskIdentity;
import org.yizhan.hall.Timeouts;
import org.yizhan.queue.TicketInfo;
import org.yizhan.queue.TicketRequest;
import org.yizhan.queue.TicketState;

/**
 * A kiosk process of {@link QueueCrashTest}: {@code URL SECRET THREADS TICKETS QUEUE,QUEUE…}. Its threads take
 * numbers and confirm them printed, retrying while the server is down, and print one line per number
 * ({@code TOOK queue number code}) and one per retry ({@code RETRY}).
 */
public final class CrashClient {
    static final String TOOK = "TOOK ";
    static final String RETRY = "RETRY";
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private CrashClient() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        HallClient client = HallClient.create(URI.create(args[0]), KioskIdentity.NONE,
                new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10))).withHallSecret(args[1]);
        int threads = Integer.parseInt(args[2]);
        int tickets = Integer.parseInt(args[3]);
        List<String> queues = List.of(args[4].split(","));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < tickets; i = next.getAndIncrement()) {
                    String queue = queues.get(i % queues.size());
                    TicketInfo issued = retrying(out, () -> client.postJson("queue/tickets",
                            new TicketRequest(queue, false), TicketInfo.class));
                    TicketInfo printed = retrying(out, () -> client.postJson("queue/tickets/" + issued.code()
                            + "/printed", Map.of(), TicketInfo.class));
                    if (printed.state() != TicketState.PRINTED || !printed.number().equals(issued.number())) {
                        throw new IllegalStateException(issued.number() + " confirmed as " + printed);
                    }
                    out.println(TOOK + queue + " " + issued.number() + " " + issued.code());
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
    }

    @FunctionalInterface
    private interface Call {
        TicketInfo run() throws HallFailure;
    }

    /** A server that is down, restarting or failed on its side is tried again; a refusal is a bug. */
    private static TicketInfo retrying(PrintStream out, Call call) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (true) {
            try {
                return call.run();
            } catch (HallFailure.Unreachable e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                out.println(RETRY);
                Thread.sleep(20);
            }
        }
    }
}
