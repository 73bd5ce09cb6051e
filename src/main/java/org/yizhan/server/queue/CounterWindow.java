package org.yizhan.server.queue;

import java.time.Instant;
import java.util.List;

/** A counter (窗口) signed in to serve some queues; {@code pausedAt} while its clerk has paused it (暂停), else null. */
record CounterWindow(String id, List<String> queues, Instant signedInAt, Instant pausedAt) {
    CounterWindow {
        queues = List.copyOf(queues);
    }

    CounterWindow(String id, List<String> queues, Instant signedInAt) {
        this(id, queues, signedInAt, null);
    }

    boolean paused() {
        return pausedAt != null;
    }
}
