package org.yizhan.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.yizhan.ui.TaskExecutor;

/**
 * Another executor (the kiosk's own, in flow tests), except that scheduled work waits until the test calls
 * {@link #runScheduled}, as if its delay had passed: a retry due in 15 minutes runs when the test says.
 */
public final class ManualScheduleTaskExecutor implements TaskExecutor {

    private final TaskExecutor executor;
    private final List<Held<?>> held = new ArrayList<>();

    public ManualScheduleTaskExecutor(TaskExecutor executor) {
        this.executor = executor;
    }

    @Override
    public <T> Cancellable execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return executor.execute(work, onSuccess, onFailure);
    }

    @Override
    public <T> Cancellable schedule(Duration delay, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
        Held<T> h = new Held<>(work, onSuccess, onFailure);
        synchronized (held) {
            held.add(h);
        }
        return h;
    }

    /** Hands the work scheduled so far, except what was cancelled, to the executor now; returns how much. */
    public int runScheduled() {
        List<Held<?>> due;
        synchronized (held) {
            due = List.copyOf(held);
            held.clear();
        }
        int started = 0;
        for (Held<?> h : due) {
            if (!h.cancelled) {
                h.start(executor);
                started++;
            }
        }
        return started;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        executor.runOnUiThread(action);
    }

    @Override
    public void close() {
        executor.close();
    }

    private static final class Held<T> implements Cancellable {

        private final Callable<T> work;
        private final Consumer<? super T> onSuccess;
        private final Consumer<Throwable> onFailure;
        private volatile boolean cancelled;
        private volatile Cancellable started = () -> { };

        Held(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        void start(TaskExecutor executor) {
            started = executor.execute(work, onSuccess, onFailure);
        }

        @Override
        public void cancel() {
            cancelled = true;
            started.cancel();
        }
    }
}
