package org.yizhan.server.queue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The hall's queues file, read: its name, its time zone (which sets the business date), its queues in order. */
public record HallQueues(String hall, ZoneId timeZone, Set<LocalDate> closedDates, List<QueueDefinition> queues) {
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
