package org.yizhan.queue;

/** {@code POST /queue/tickets}: a kiosk asks for a number in {@code queue}, in its priority lane or not. */
public record TicketRequest(String queue, boolean priority) {
}
