package org.yizhan.server.queue;

import java.time.Instant;
import java.util.List;

/** A counter (窗口) signed in to serve some queues. */
record CounterWindow(String id, List<String> queues, Instant signedInAt) {
    CounterWindow {
        queues = List.copyOf(queues);
    }
}
