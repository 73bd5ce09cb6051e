package org.yizhan.server.queue;

/**
 * One change of the hall's queues as the event stream sends it: its id and its public JSON, e.g.
 * {@code {"id":17,"type":"ticket.called","at":"…","queue":"huji","number":"A003","window":"3"}}. Numbers,
 * queues and windows only: never a ticket's code or anything a citizen gave (docs/protocol.md, "Queue events").
 */
public record QueueEvent(long id, String json) {
    /** From the stored JSON, which lacks the id: the id goes first. */
    static QueueEvent of(long id, String stored) {
        return new QueueEvent(id, "{\"id\":" + id + (stored.equals("{}") ? "}" : "," + stored.substring(1)));
    }
}
