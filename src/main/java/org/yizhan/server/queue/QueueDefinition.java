package org.yizhan.server.queue;

import org.yizhan.queue.QueueInfo;

/**
 * One queue (业务类别) as the hall set it up in its queues file (docs/queues.md).
 *
 * @param prefix    the letters in front of its numbers (A → A001)
 * @param services  which services lead to it; none at all makes it the catch-all (综合窗口)
 * @param dailyCap  how many numbers it gives out in a day, voided ones not counted
 * @param location  where its citizens wait, as the ticket says it
 */
public record QueueDefinition(String id, String prefix, String name, String description, QueueInfo.Leads services,
                              OpeningHours hours, int dailyCap, boolean priorityLane, String location) {

    /** A001 … A999, then A1000: the sequence is never cut to three digits. */
    public String number(int seq) {
        return prefix + (seq < 1000 ? String.format("%03d", seq) : Integer.toString(seq));
    }
}
