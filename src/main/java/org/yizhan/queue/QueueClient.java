package org.yizhan.queue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.HallFailure;
import org.yizhan.hall.Timeouts;

/** {@link Queues} over the kiosk's {@link HallClient}, which carries the hall secret (docs/protocol.md, "Queues"). */
public final class QueueClient implements Queues {
    /**
     * A citizen waits at the screen: every answer, or a plain sentence saying there is none, within 5 s
     * (the sync's downloads keep their own, longer limits).
     */
    public static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofMillis(4500));

    private final HallClient hall;

    /** {@code hall} must carry the hall secret ({@link HallClient#withHallSecret}) for anything but the board. */
    public QueueClient(HallClient hall) {
        this.hall = hall.withTimeouts(TIMEOUTS);
    }

    @Override
    public QueueBoard board() throws HallFailure {
        return hall.getJson("queue/queues", QueueBoard.class);
    }

    @Override
    public TicketInfo take(String queueId, boolean priority) throws HallFailure {
        return hall.postJson("queue/tickets", new TicketRequest(queueId, priority), TicketInfo.class);
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
