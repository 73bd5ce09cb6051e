package org.yizhan.queue;

import java.util.List;

/**
 * One of the hall's queues (业务类别) as a kiosk shows it, with today's figures. {@code closedReason} is
 * null while tickets can be taken, else one of {@link #NOT_OPEN_YET}, {@link #CLOSED_FOR_TODAY},
 * {@link #CLOSED_TODAY}, {@link #CAP_REACHED}. {@code estimatedWaitMinutes} is null when there is no
 * figure to give: the kiosk shows "—", never an invented number.
 */
public record QueueInfo(
        String id,
        String prefix,
        String name,
        String description,
        boolean priorityLane,
        boolean open,
        String hoursToday,
        String closedReason,
        int waiting,
        Integer estimatedWaitMinutes,
        Leads services,
        String location) {

    public static final String NOT_OPEN_YET = "not_open_yet";
    public static final String CLOSED_FOR_TODAY = "closed_for_today";
    public static final String CLOSED_TODAY = "closed_today";
    public static final String CAP_REACHED = "cap_reached";

    /** Which services lead to this queue: by service id, by department id, or by theme code. */
    public record Leads(List<String> ids, List<String> departments, List<String> themes) {
        public Leads {
            ids = ids == null ? List.of() : List.copyOf(ids);
            departments = departments == null ? List.of() : List.copyOf(departments);
            themes = themes == null ? List.of() : List.copyOf(themes);
        }

        /** True when a queue names none at all: it takes what no other queue takes (综合窗口). */
        public boolean none() {
            return ids.isEmpty() && departments.isEmpty() && themes.isEmpty();
        }
    }
}
