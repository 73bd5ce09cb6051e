package org.yizhan.queue;

/**
 * A queue ticket as the hall server tells of it. {@code code} is the ticket's unguessable key (in its QR
 * code); {@code number} is what a citizen reads (A007). Times are ISO-8601 with the hall's offset.
 * {@code estimatedWaitMinutes} is null when the hall has no figure to give (no history, no window open).
 */
public record TicketInfo(
        String code,
        String number,
        String queue,
        String queueName,
        boolean priority,
        TicketState state,
        String issuedAt,
        String businessDate,
        int ahead,
        Integer estimatedWaitMinutes,
        String location,
        String window,
        String statusPath) {
}
