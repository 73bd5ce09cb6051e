package org.yizhan.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The kiosk's {@link TaskExecutor}: work on a few daemon threads ({@code yizhan-background-n}), answers
 * on the JavaFX thread. The pool is bounded, so a burst of taps queues rather than starting a thread each.
 */
public final class UiTaskExecutor implements TaskExecutor {

    private final ScheduledThreadPoolExecutor pool;

    public UiTaskExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        pool = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "yizhan-background-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
    }

    @Override
    public <T> Cancellable execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return schedule(Duration.ZERO, work, onSuccess, onFailure);
    }

    @Override
    public <T> Cancellable schedule(Duration delay, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
        Running<T> running = new Running<>(work, onSuccess, onFailure);
        running.future = pool.schedule(running, delay.toMillis(), TimeUnit.MILLISECONDS);
        return running;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static final class Running<T> implements Runnable, Cancellable {

        private final Callable<T> work;
        private final Consumer<? super T> onSuccess;
        private final Consumer<Throwable> onFailure;
        private volatile boolean cancelled;
        private volatile Future<?> future;

        Running(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        @Override
        public void run() {
            T result;
            try {
                result = work.call();
            } catch (Throwable failure) { // an Error too: the screen must leave its spinner either way
                deliver(() -> onFailure.accept(failure));
                return;
            }
            deliver(() -> onSuccess.accept(result));
        }

        private void deliver(Runnable callback) {
            if (!cancelled) {
                // Checked again on the FX thread: a cancel made there before this runs still counts.
                Platform.runLater(() -> {
                    if (!cancelled) {
                        callback.run();
                    }
                });
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            Future<?> f = future;
            if (f != null) {
                // No interrupt: work under way may be writing a file, which an interrupt would leave half done.
                f.cancel(false);
            }
        }
    }
}
