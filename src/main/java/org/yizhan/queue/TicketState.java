package org.yizhan.queue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a number is in its life. Every number ever issued is in exactly one of these (docs/protocol.md,
 * "Queue tickets"): {@code ISSUED} until the kiosk says it came out of the printer, then {@code PRINTED}
 * (waiting), or {@code VOIDED} when printing failed or never was confirmed.
 */
public enum TicketState {
    ISSUED, PRINTED, VOIDED, CALLED, SERVING, DONE, NO_SHOW, TRANSFERRED;

    /** As on the wire and in the store: {@code issued}, {@code no_show}, … */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TicketState fromWire(String wire) {
        for (TicketState state : values()) {
            if (state.wire().equals(wire)) {
                return state;
            }
        }
        throw new IllegalArgumentException("no ticket state \"" + wire + "\"");
    }

    /** In a line, to be called: printed, or sent on to another queue's line by a window. */
    public boolean waiting() {
        return this == PRINTED || this == TRANSFERRED;
    }
}
