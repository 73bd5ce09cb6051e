package org.yizhan.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.yizhan.server.HallServer;

/**
 * {@code bench server}: a real hall server on loopback under the pressure of a public Wi-Fi: connections that send
 * their headers a byte a second (reopened when the server closes them), idle keep-alive connections, and open
 * event streams; meanwhile kiosks take numbers and confirm them printed. Each kind comes from its own loopback
 * address (127.0.0.2, .3, .4), as from its own laptop, so the per-address limit is not what keeps them out.
 */
public final class ServerBenchmark {
    private static final int WARM_UP = 500;

    public record Result(int slow, int idle, int streams, int tickets, double p99Ms, int threads, long rssMb,
                         int streamsWithEvents, int connections) {
        public String line() {
            return String.format(Locale.ROOT, "server slow=%d idle=%d streams=%d tickets=%d ticket_p99_ms=%.1f threads=%d rss_mb=%d",
                    slow, idle, streams, tickets, p99Ms, threads, rssMb);
        }
    }

    private ServerBenchmark() {
    }

    public static Result run(int slow, int idle, int streams, int clients, int tickets) throws Exception {
        Path data = Files.createTempDirectory("yizhan-bench-server");
        try {
            Files.writeString(data.resolve("queues.json"), QueueBenchmark.queuesFile());
            try (HallServer server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data,
                    Clock.systemUTC());
                 Pressure pressure = new Pressure(server.port(), slow, idle, streams)) {
                pressure.start();
                String secret = server.hallSecret();
                QueueBenchmark.take(clients, Math.min(WARM_UP, tickets), server.baseUri(), secret, "warm");
                List<QueueBenchmark.Taken> taken = QueueBenchmark.take(clients, tickets, server.baseUri(), secret, null);
                long[] nanos = taken.stream().mapToLong(QueueBenchmark.Taken::nanos).sorted().toArray();
                int threads = ManagementFactory.getThreadMXBean().getThreadCount();
                long rss = rssMb();
                int connections = server.openConnections();
                Thread.sleep(500);
                int withEvents = pressure.streamsWithEvents();
                return new Result(slow, idle, streams, taken.size(), QueueBenchmark.percentile(nanos, 0.99), threads,
                        rss, withEvents, connections);
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the heap in use stands in.
        }
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    /** The hostile and the idle clients, on non-blocking sockets tended once a second by one thread. */
    private static final class Pressure implements AutoCloseable {
        private final int port;
        private final List<SocketChannel> slow = new ArrayList<>();
        private final List<SocketChannel> idle = new ArrayList<>();
        private final List<SocketChannel> streams = new ArrayList<>();
        private final int[] eventsSeen;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread tender = new Thread(this::tend, "bench-pressure");
        private final ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);

        Pressure(int port, int slowCount, int idleCount, int streamCount) throws IOException {
            this.port = port;
            for (int i = 0; i < slowCount; i++) {
                slow.add(slowOne());
            }
            for (int i = 0; i < idleCount; i++) {
                idle.add(open(2, "GET /health HTTP/1.1\r\nHost: bench\r\n\r\n"));
            }
            for (int i = 0; i < streamCount; i++) {
                streams.add(open(4, "GET /queue/events HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n"));
            }
            eventsSeen = new int[streamCount];
        }

        private SocketChannel slowOne() throws IOException {
            return open(3, "POST /queue/tickets HTTP/1.1\r\nHost: bench\r\n");
        }

        /** A connection from 127.0.0.{@code host} (loopback itself where the system has no such address). */
        private SocketChannel open(int host, String first) throws IOException {
            SocketChannel channel = SocketChannel.open();
            try {
                channel.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + host), 0));
            } catch (IOException noSuchAddress) {
                channel.close();
                channel = SocketChannel.open();
            }
            channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            channel.configureBlocking(false);
            channel.write(ByteBuffer.wrap(first.getBytes(StandardCharsets.US_ASCII)));
            return channel;
        }

        void start() {
            tender.setDaemon(true);
            tender.start();
        }

        private void tend() {
            ByteBuffer oneByte = ByteBuffer.allocate(1);
            while (!stop.get()) {
                try {
                    for (int i = 0; i < slow.size(); i++) {
                        oneByte.clear();
                        oneByte.put((byte) 'X').flip();
                        if (drain(slow.get(i)) < 0 || !write(slow.get(i), oneByte)) {
                            slow.get(i).close();
                            slow.set(i, slowOne());
                        }
                    }
                    for (int i = 0; i < idle.size(); i++) {
                        if (drain(idle.get(i)) < 0) {
                            idle.get(i).close();
                            idle.set(i, open(2, "GET /health HTTP/1.1\r\nHost: bench\r\n\r\n"));
                        }
                    }
                    for (int i = 0; i < streams.size(); i++) {
                        drainStream(i);
                    }
                    Thread.sleep(1000);
                } catch (IOException e) {
                    // A connection the server refused or reset: the next round opens it again.
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private static boolean write(SocketChannel channel, ByteBuffer bytes) {
            try {
                channel.write(bytes);
                return true;
            } catch (IOException closed) {
                return false;
            }
        }

        /** Reads what waits; -1 once the server has closed the connection. */
        private int drain(SocketChannel channel) {
            try {
                int total = 0;
                for (int n; (n = channel.read(scratch.clear())) != 0; ) {
                    if (n < 0) {
                        return -1;
                    }
                    total += n;
                }
                return total;
            } catch (IOException reset) {
                return -1;
            }
        }

        private synchronized void drainStream(int i) throws IOException {
            SocketChannel channel = streams.get(i);
            for (int n; (n = channel.read(scratch.clear())) > 0; ) {
                String text = new String(scratch.array(), 0, n, StandardCharsets.UTF_8);
                for (int at = text.indexOf("data: "); at >= 0; at = text.indexOf("data: ", at + 1)) {
                    eventsSeen[i]++;
                }
            }
        }

        synchronized int streamsWithEvents() throws IOException {
            int count = 0;
            for (int i = 0; i < streams.size(); i++) {
                drainStream(i);
                if (eventsSeen[i] > 0) {
                    count++;
                }
            }
            return count;
        }

        @Override
        public void close() throws IOException, InterruptedException {
            stop.set(true);
            tender.interrupt();
            tender.join(5_000);
            for (List<SocketChannel> channels : List.of(slow, idle, streams)) {
                for (SocketChannel channel : channels) {
                    channel.close();
                }
            }
        }
    }
}
