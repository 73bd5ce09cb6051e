package org.yizhan.queue;

import java.util.List;

/**
 * {@code GET /queue/windows}: a counter (窗口) that is signed in, the queues it serves, the number it
 * has called or is serving ({@code number} and {@code state} null when none), and whether its clerk paused it.
 * Public, so no ticket code.
 */
public record WindowInfo(String window, List<String> queues, String signedInAt, String number, TicketState state,
                         boolean paused) {
    public WindowInfo {
        queues = queues == null ? List.of() : List.copyOf(queues);
    }
}
