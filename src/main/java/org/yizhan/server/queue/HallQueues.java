package org.yizhan.server.queue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hall's queues file, read: its name, its time zone (which sets the business date), its rule for how many
 * numbers one kiosk may give in a minute, its queues in order.
 */
public record HallQueues(String hall, ZoneId timeZone, Set<LocalDate> closedDates, int ticketsPerKioskPerMinute,
                         List<QueueDefinition> queues) {
    /** Enough for a citizen a quarter of a minute and a family of two; a child pressing 取号 on and on gets a message. */
    public static final int DEFAULT_TICKETS_PER_KIOSK_PER_MINUTE = 6;

    public HallQueues {
        closedDates = Set.copyOf(closedDates);
        queues = List.copyOf(queues);
    }

    public Optional<QueueDefinition> queue(String id) {
        return queues.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public Map<String, QueueDefinition> byId() {
        Map<String, QueueDefinition> map = new LinkedHashMap<>();
        queues.forEach(q -> map.put(q.id(), q));
        return map;
    }
}
