package org.yizhan.print;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a socket or channel whose write has hung: Java's writes have no timeout, and a printer whose buffer
 * is full (offline, out of paper) stops taking data, which would hold the kiosk's thread for ever.
 */
final class Watchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "yizhan-printer-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledFuture<?> task;
    private final AtomicBoolean fired = new AtomicBoolean();

    private Watchdog(Duration timeout, Closeable target) {
        task = TIMER.schedule(() -> {
            fired.set(true);
            try {
                target.close();
            } catch (IOException ignored) {
                // Closing is the point; a failure to close leaves nothing else to do.
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Watchdog closeAfter(Duration timeout, Closeable target) {
        return new Watchdog(timeout, target);
    }

    boolean fired() {
        return fired.get();
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
