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
 * A kiosk process of {@link QueueCrashTest}: {@code URL[,URL…] SECRET THREADS TICKETS QUEUE,QUEUE…}. Its threads take
 * numbers and confirm them printed, retrying while the server is down, and print one line per number
 * ({@code TOOK queue number code}) and one per retry ({@code RETRY}). With several servers (one database
 * behind them) the numbers go to each in turn, and a server that does not answer is left for the next, as a
 * load balancer does.
 */
public final class CrashClient {
    static final String TOOK = "TOOK ";
    static final String RETRY = "RETRY";
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private CrashClient() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<HallClient> servers = new java.util.ArrayList<>();
        for (String url : args[0].split(",")) {
            servers.add(HallClient.create(URI.create(url), KioskIdentity.NONE,
                    new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10))).withHallSecret(args[1]));
        }
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
                    int[] turn = {i};
                    TicketInfo issued = retrying(out, servers, turn, client -> client.postJson("queue/tickets",
                            new TicketRequest(queue, false), TicketInfo.class));
                    turn[0]++;
                    TicketInfo printed = retrying(out, servers, turn, client -> client.postJson("queue/tickets/"
                            + issued.code() + "/printed", Map.of(), TicketInfo.class));
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
        TicketInfo run(HallClient client) throws HallFailure;
    }

    /**
     * A server that is down, restarting or failed on its side is tried again (the next one, when there are
     * several; {@code turn[0]} says whose turn it is); a refusal is a bug.
     */
    private static TicketInfo retrying(PrintStream out, List<HallClient> servers, int[] turn, Call call)
            throws Exception {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (true) {
            try {
                return call.run(servers.get(Math.floorMod(turn[0], servers.size())));
            } catch (HallFailure.Unreachable e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                out.println(RETRY);
                turn[0]++;
                Thread.sleep(servers.size() > 1 ? 5 : 20);
            }
        }
    }
}
