package org.yizhan.queue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.HallFailure;
import org.yizhan.hall.Timeouts;

/** {@link Queues} over the kiosk's {@link HallClient}, which carries the hall secret (docs/protocol.md, "Queues"). */
public final class QueueClient implements Queues {
    private final HallClient hall;

    /** {@code hall} must carry the hall secret ({@link HallClient#withHallSecret}) for anything but the board. */
    public QueueClient(HallClient hall) {
        this.hall = hall.withTimeouts(Timeouts.AT_THE_SCREEN);
    }

    @Override
    public QueueBoard board() throws HallFailure {
        return hall.getJson("queue/queues", QueueBoard.class);
    }

    @Override
    public TicketInfo take(String queueId, boolean priority) throws HallFailure {
        return hall.postJson("queue/tickets", new TicketRequest(queueId, priority), TicketInfo.class);
    }

    /** The ticket as it is now (GET /queue/tickets/{code}). */
    public TicketInfo ticket(String code) throws HallFailure {
        return hall.getJson("queue/tickets/" + segment(code), TicketInfo.class);
    }

    @Override
    public TicketInfo printed(String code) throws HallFailure {
        return hall.postJson("queue/tickets/" + segment(code) + "/printed", Map.of(), TicketInfo.class);
    }

    @Override
    public TicketInfo voided(String code, String reason) throws HallFailure {
        return hall.postJson("queue/tickets/" + segment(code) + "/void", Map.of("reason", reason), TicketInfo.class);
    }

    private static String segment(String code) {
        return URLEncoder.encode(code, StandardCharsets.UTF_8);
    }
}
