package org.yizhan.hall;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a kiosk waits for the hall server.
 *
 * @param connect  to open a connection
 * @param answer   for the response headers, and the longest silence allowed inside a body
 * @param deadline for one whole exchange, however slowly its body trickles
 */
public record Timeouts(Duration connect, Duration answer, Duration deadline) {
    /** For short JSON exchanges; the catalog download sets its own (SyncSettings). */
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(30));

    /**
     * For an exchange a citizen waits for at the screen (a ticket, a case): every answer, or a plain sentence
     * saying there is none, within 5 s.
     */
    public static final Timeouts AT_THE_SCREEN = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofMillis(4500));

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(deadline, "deadline");
    }
}
