package org.yizhan.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.HallFailure;
import org.yizhan.hall.KioskIdentity;
import org.yizhan.queue.QueueClient;
import org.yizhan.queue.TicketInfo;
import org.yizhan.queue.TicketState;
import org.yizhan.server.HallServer;
import org.yizhan.server.queue.QueueEvent;
import org.yizhan.server.queue.Ticket;
import org.yizhan.testing.ManualClock;

/**
 * The outbox against a real hall server on loopback, over the kiosk's own client: an answer lost and the message
 * sent again (counted once), a refusal kept aside, and the server away for ten minutes after issuing.
 */
class OutboxDeliveryTest {
    /** Monday 2026-11-30 10:00 in Beijing. */
    private static final Instant MONDAY_10 = Instant.parse("2026-11-30T02:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-30");
    private static final String QUEUES = """
            {"hall": "测试大厅", "queues": [{"id": "zonghe", "prefix": "Z", "name": "综合", "hours":
             {"mon-sun": ["00:00-24:00"]}, "dailyCap": 9999, "location": "一楼"}]}
            """;

    @TempDir
    Path temp;
    private final ManualClock clock = new ManualClock(MONDAY_10, ZoneOffset.UTC);
    private Path data;
    private HallServer server;
    private HallClient hall;
    private QueueClient queues;
    private Outbox outbox;

    @BeforeEach
    void start() throws Exception {
        data = Files.createDirectories(temp.resolve("server"));
        Files.writeString(data.resolve("queues.json"), QUEUES);
        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data, clock);
        hall = HallClient.create(server.baseUri(), new KioskIdentity("kiosk-01", "", "test"))
                .withHallSecret(server.hallSecret());
        queues = new QueueClient(hall);
        outbox = Outbox.open(temp.resolve("kiosk"), 100, clock);
    }

    @AfterEach
    void stop() {
        outbox.close();
        server.close();
    }

    @Test
    void aConfirmationWhoseAnswerWasLostIsSentAgainAndCountedOnce() throws Exception {
        TicketInfo taken = queues.take("zonghe", false);
        outbox.add(Draft.ticketPrinted(taken.code()));
        OutboxSender.Post real = OutboxSender.over(hall);
        int[] posts = {0};
        OutboxSender sender = new OutboxSender(outbox, (path, body, key) -> {
            real.post(path, body, key);
            if (++posts[0] == 1) {
                throw new HallFailure.Unreachable("the connection broke before the answer came");
            }
        }, clock, new Random(3));
        assertEquals(0, sender.sendDue());
        assertEquals(TicketState.PRINTED, queues.ticket(taken.code()).state(), "the server had it the first time");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(1, sender.sendDue());
        assertEquals(2, posts[0]);
        assertTrue(outbox.pending().isEmpty());
        assertEquals(1, events().stream().filter(e -> e.contains("\"type\":\"ticket.printed\"")).count(),
                "the repeat changed nothing");
    }

    @Test
    void aMessageTheServerRefusesIsKeptAsideWithItsReason() throws Exception {
        TicketInfo voided = queues.take("zonghe", false);
        queues.voided(voided.code(), "paper_out");
        outbox.add(Draft.ticketPrinted("AAAAAAAAAAAAAAAAAAAAAA"));
        outbox.add(Draft.ticketPrinted(voided.code()));
        TicketInfo fine = queues.take("zonghe", false);
        outbox.add(Draft.ticketPrinted(fine.code()));
        OutboxSender sender = new OutboxSender(outbox, OutboxSender.over(hall), clock, new Random(3));
        assertEquals(3, sender.sendDue());
        List<OutboxMessage> aside = outbox.keptAside();
        assertEquals(2, aside.size());
        assertTrue(aside.get(0).refused().contains("HTTP 404") && aside.get(0).refused().contains("no such ticket"),
                aside.get(0).refused());
        assertTrue(aside.get(1).refused().contains("HTTP 409") && aside.get(1).refused().contains("was voided (paper_out)"),
                aside.get(1).refused());
        assertTrue(outbox.pending().isEmpty());
        assertEquals(TicketState.PRINTED, queues.ticket(fine.code()).state(), "the line went on");
        clock.advance(Duration.ofHours(1));
        assertEquals(0, sender.sendDue(), "never tried again");
    }

    @Test
    void theServerAwayForTenMinutesAfterIssuingGetsTheConfirmationWhenItIsBack() throws Exception {
        TicketInfo first = queues.take("zonghe", false);
        TicketInfo second = queues.take("zonghe", false);
        int port = server.port();
        server.close();
        outbox.add(Draft.ticketPrinted(first.code()));
        outbox.add(Draft.ticketPrinted(second.code()));
        OutboxSender sender = new OutboxSender(outbox, OutboxSender.over(hall), clock, new Random(5));
        for (int second10 = 0; second10 < 60; second10++) {
            assertEquals(0, sender.sendDue());
            clock.advance(Duration.ofSeconds(10));
        }
        OutboxMessage waiting = outbox.pending().get(0);
        assertTrue(waiting.attempts() >= 8, "tried all along: " + waiting.attempts());
        assertTrue(waiting.lastError().contains("cannot connect"), waiting.lastError());
        assertTrue(Duration.between(clock.instant(), waiting.nextTryAt()).compareTo(OutboxSender.MAX_BACKOFF) <= 0);

        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), data, clock);
        server.queues().sweep(); // as its start does, on its own thread
        List<Ticket> swept = server.queues().ticketsOf(DAY);
        assertEquals(List.of(TicketState.VOIDED, TicketState.VOIDED), swept.stream().map(Ticket::state).toList(),
                "ten minutes without a word: the server's sweep voided both");
        clock.advance(OutboxSender.MAX_BACKOFF);
        assertEquals(2, sender.sendDue());
        assertTrue(outbox.pending().isEmpty() && outbox.keptAside().isEmpty());
        TicketInfo back = queues.ticket(first.code());
        assertEquals(TicketState.PRINTED, back.state(), "back in the line");
        assertEquals(0, back.ahead(), "in its place");
        assertEquals(1, queues.ticket(second.code()).ahead());
        assertEquals(2, queues.board().queues().get(0).waiting());
    }

    private List<String> events() {
        Consumer<List<QueueEvent>> none = batch -> { };
        List<QueueEvent> day = server.queues().events().subscribe(0, none);
        server.queues().events().unsubscribe(none);
        return day.stream().map(QueueEvent::json).toList();
    }
}
