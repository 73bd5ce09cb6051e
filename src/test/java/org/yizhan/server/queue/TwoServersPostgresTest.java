package org.yizhan.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.queue.TicketInfo;
import org.yizhan.storage.Namespaces;
import org.yizhan.storage.PostgresStore;
import org.yizhan.storage.postgres.TestPostgres;

/** Two servers' queue services on one PostgreSQL database, as two hall-server processes behind nginx. */
class TwoServersPostgresTest {
    @TempDir
    Path dir;
    private final String url = TestPostgres.freshDatabase();
    private final List<AutoCloseable> open = new ArrayList<>();

    private QueueService server(String name) throws Exception {
        Path data = dir.resolve(name);
        Files.createDirectories(data);
        Files.writeString(data.resolve(QueuesFile.FILE), QueueFixture.ALL_DAY);
        PostgresStore store = PostgresStore.connect(url, null);
        QueueService queues = QueueService.open(data, Clock.systemUTC(), store.at(Namespaces.hall("default")));
        open.add(store);
        open.add(queues::close);
        return queues;
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void aCallOnOneServerReachesTheOtherServersStream() throws Exception {
        QueueService a = server("a");
        QueueService b = server("b");
        LinkedBlockingQueue<QueueEvent> seenOnB = new LinkedBlockingQueue<>();
        Consumer<List<QueueEvent>> listener = seenOnB::addAll;
        b.events().subscribe(-1, listener);
        TicketInfo ticket = a.issue("shebao", false, "kiosk-1");
        a.printed(ticket.code());
        a.signIn("1", List.of("shebao"));
        assertEquals(ticket.number(), a.callNext("1").orElseThrow().number());
        List<String> types = new ArrayList<>();
        while (!types.contains("ticket.called")) {
            QueueEvent event = seenOnB.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "server b's stream saw only " + types);
            types.add(event.json().replaceAll(".*\"type\":\"([a-z._]+)\".*", "$1"));
        }
        assertEquals(List.of("ticket.issued", "ticket.printed", "window.signed_in", "ticket.called"),
                types.stream().filter(t -> !t.startsWith("queue.")).toList());
        b.events().unsubscribe(listener);
    }

    @Test
    void numbersTakenOnBothServersAtOnceAreEachGivenOnceWithoutAGap() throws Exception {
        List<QueueService> servers = List.of(server("a"), server("b"));
        int threadsEach = 4;
        int each = 40;
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(2 * threadsEach);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (QueueService server : servers) {
                for (int t = 0; t < threadsEach; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            assertTrue(numbers.add(server.issue("shebao", false, "kiosk-" + i % 3).number()));
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int n = 2 * threadsEach * each;
        Set<Integer> seqs = new TreeSet<>();
        for (Ticket t : servers.get(0).ticketsOf(servers.get(0).businessDate())) {
            seqs.add(t.seq());
        }
        assertEquals(n, numbers.size());
        assertEquals(n, seqs.size());
        assertEquals(1, ((TreeSet<Integer>) seqs).first());
        assertEquals(n, ((TreeSet<Integer>) seqs).last());
    }
}
