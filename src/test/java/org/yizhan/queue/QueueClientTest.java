package org.yizhan.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.HallFailure;
import org.yizhan.hall.KioskIdentity;
import org.yizhan.server.HallServer;

/** The kiosk's queue client against a real hall server on loopback, with the demo hall's queues. */
class QueueClientTest {
    /** 10:00 on a Monday in Asia/Shanghai: the demo hall's queues are open. */
    private static final Clock MONDAY_MORNING = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path data;

    private HallServer server;
    private HallClient hall;

    @BeforeEach
    void start() throws Exception {
        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data, MONDAY_MORNING);
        hall = HallClient.create(server.baseUri(), new KioskIdentity("kiosk-07", "yunxi", "test"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aNumberIsTakenPrintedAndCountedOnTheBoard() throws Exception {
        Queues queues = new QueueClient(hall.withHallSecret(server.hallSecret()));
        QueueBoard board = queues.board();
        assertEquals("云溪县政务服务中心", board.hall());
        assertEquals("2026-11-30", board.businessDate());
        QueueInfo huji = board.queues().stream().filter(q -> q.id().equals("huji")).findFirst().orElseThrow();
        assertTrue(huji.open());
        assertEquals(0, huji.waiting());

        TicketInfo taken = queues.take("huji", false);
        assertEquals("A001", taken.number());
        assertEquals(TicketState.ISSUED, taken.state());
        assertTrue(taken.code().length() >= 22, "an unguessable code: " + taken.code());
        assertEquals(0, queues.board().queues().get(0).waiting(), "a number not yet printed waits for nobody");

        TicketInfo printed = queues.printed(taken.code());
        assertEquals(TicketState.PRINTED, printed.state());
        assertEquals(1, queues.board().queues().get(0).waiting());

        TicketInfo second = queues.take("huji", true);
        assertEquals("A002", second.number());
        assertEquals(TicketState.VOIDED, queues.voided(second.code(), "paper_out").state());
        assertEquals("A003", queues.take("huji", false).number(), "a voided number is never given again");
    }

    @Test
    void withoutTheHallSecretNoNumberIsGiven() throws Exception {
        Queues readOnly = new QueueClient(hall);
        assertEquals(7, readOnly.board().queues().size(), "the board is public");
        HallFailure.Refused refused = assertThrows(HallFailure.Refused.class, () -> readOnly.take("huji", false));
        assertEquals(401, refused.status());
        Queues wrong = new QueueClient(hall.withHallSecret("not-the-secret-of-this-hall"));
        assertEquals(401, assertThrows(HallFailure.Refused.class, () -> wrong.take("huji", false)).status());
    }

    @Test
    void anUnknownQueueIsRefusedInTheServersWords() throws Exception {
        Queues queues = new QueueClient(hall.withHallSecret(server.hallSecret()));
        HallFailure.Refused refused = assertThrows(HallFailure.Refused.class, () -> queues.take("no-such-queue", false));
        assertEquals("unknown_queue", refused.code().orElseThrow());
    }
}
