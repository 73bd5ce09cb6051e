package org.yizhan.app.soak;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.yizhan.ui.TaskExecutor;

/**
 * The kiosk's own executor, with two differences for the soak: work handed over is counted until its answer has been
 * delivered on the FX thread (or it was cancelled), so the driver waits for exactly that instead of sleeping; and work
 * scheduled for later (a ticket's return home, an answer's wipe) is due by the soak's clock, and runs when the driver
 * says time has passed ({@link #runDue}).
 */
final class ClockedTasks implements TaskExecutor {
    private final TaskExecutor executor;
    private final Clock clock;
    private final Object lock = new Object();
    private final List<Held<?>> held = new ArrayList<>();
    private int inFlight;

    ClockedTasks(TaskExecutor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public <T> Cancellable execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        AtomicBoolean done = new AtomicBoolean();
        synchronized (lock) {
            inFlight++;
        }
        Cancellable started = executor.execute(work, result -> {
            try {
                onSuccess.accept(result);
            } finally {
                finished(done);
            }
        }, failure -> {
            try {
                onFailure.accept(failure);
            } finally {
                finished(done);
            }
        });
        return () -> {
            started.cancel();
            finished(done); // a cancelled call's answer never comes
        };
    }

    private void finished(AtomicBoolean done) {
        if (done.compareAndSet(false, true)) {
            synchronized (lock) {
                inFlight--;
                lock.notifyAll();
            }
        }
    }

    @Override
    public <T> Cancellable schedule(Duration delay, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
        Held<T> h = new Held<>(clock.instant().plus(delay), work, onSuccess, onFailure);
        synchronized (lock) {
            held.add(h);
        }
        return h;
    }

    /** Hands the work now due by the clock to the executor; returns how much. */
    int runDue() {
        Instant now = clock.instant();
        List<Held<?>> due = new ArrayList<>();
        synchronized (lock) {
            held.removeIf(h -> {
                if (!h.due.isAfter(now)) {
                    due.add(h);
                    return true;
                }
                return false;
            });
        }
        due.forEach(Held::start);
        return due.size();
    }

    /** Scheduled work not yet due: bounded, or cancelled work would pile up here. */
    int waiting() {
        synchronized (lock) {
            return held.size();
        }
    }

    /** Blocks until every call handed over has answered on the FX thread or was cancelled. */
    void awaitIdle(Duration timeout) throws InterruptedException, TimeoutException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (inFlight > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException(inFlight + " call(s) still under way after " + timeout);
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    @Override
    public void runOnUiThread(Runnable action) {
        executor.runOnUiThread(action);
    }

    @Override
    public void close() {
        executor.close();
    }

    private final class Held<T> implements Cancellable {
        private final Instant due;
        private final Callable<T> work;
        private final Consumer<? super T> onSuccess;
        private final Consumer<Throwable> onFailure;
        private volatile boolean cancelled;
        private volatile Cancellable started = () -> { };

        Held(Instant due, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            this.due = due;
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        void start() {
            if (!cancelled) {
                started = execute(work, onSuccess, onFailure);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            synchronized (lock) {
                held.remove(this);
            }
            started.cancel();
        }
    }
}
