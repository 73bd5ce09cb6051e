package org.yizhan.queue;

import java.util.List;
import java.util.Optional;

/**
 * Which queue a service leads to, by the hall's own list: a queue naming the service's id first, then its
 * department, then one of its themes, then the queue that names none (综合窗口). The hall's order breaks ties.
 */
public final class QueueMatch {

    private QueueMatch() {
    }

    public static Optional<QueueInfo> forService(List<QueueInfo> queues, String serviceId, String departmentId,
            List<String> themeIds) {
        for (QueueInfo q : queues) {
            if (q.services() != null && q.services().ids().contains(serviceId)) {
                return Optional.of(q);
            }
        }
        for (QueueInfo q : queues) {
            if (q.services() != null && departmentId != null && q.services().departments().contains(departmentId)) {
                return Optional.of(q);
            }
        }
        for (QueueInfo q : queues) {
            if (q.services() != null && q.services().themes().stream().anyMatch(themeIds::contains)) {
                return Optional.of(q);
            }
        }
        return queues.stream().filter(q -> q.services() == null || q.services().none()).findFirst();
    }
}
