package org.yizhan.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.yizhan.ui.TaskExecutor;

/**
 * A {@link TaskExecutor} for tests without the toolkit: work and its callback run on the calling thread
 * before {@code execute} returns. Scheduled work waits until the test calls {@link #runScheduled}, as if
 * its delay had passed.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private final List<Scheduled<?>> scheduled = new ArrayList<>();

    @Override
    public <T> Cancellable execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        run(work, onSuccess, onFailure);
        return () -> { };
    }

    @Override
    public <T> Cancellable schedule(Duration delay, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
        Scheduled<T> s = new Scheduled<>(work, onSuccess, onFailure);
        scheduled.add(s);
        return s;
    }

    /** Runs the work scheduled so far, in order, except what was cancelled; returns how many ran. */
    public int runScheduled() {
        List<Scheduled<?>> due = List.copyOf(scheduled);
        scheduled.clear();
        int ran = 0;
        for (Scheduled<?> s : due) {
            if (!s.cancelled) {
                s.run();
                ran++;
            }
        }
        return ran;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void close() {
        scheduled.clear();
    }

    private static <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable failure) {
            onFailure.accept(failure);
            return;
        }
        onSuccess.accept(result);
    }

    private static final class Scheduled<T> implements Cancellable {

        private final Callable<T> work;
        private final Consumer<? super T> onSuccess;
        private final Consumer<Throwable> onFailure;
        private boolean cancelled;

        Scheduled(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        void run() {
            CurrentThreadTaskExecutor.run(work, onSuccess, onFailure);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
