package org.yizhan.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work that waits on disk or the network away from the UI thread, and hands its result or its
 * failure back on the UI thread. The kiosk builds one ({@link UiTaskExecutor}) and passes it to whoever
 * needs it, ViewModels included; their tests pass one that runs everything on the calling thread, so a
 * call has answered by the next line. Free of JavaFX, so a ViewModel can hold it.
 */
public interface TaskExecutor extends AutoCloseable {

    /** Starts {@code work} now; exactly one of the callbacks runs on the UI thread, unless cancelled first. */
    <T> Cancellable execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** As {@link #execute}, after {@code delay}. */
    <T> Cancellable schedule(Duration delay, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread, for threads this executor did not start (the sync's). */
    void runOnUiThread(Runnable action);

    /** Stops the background threads; work not started never runs. */
    @Override
    void close();

    /** Work handed over; cancelled when its answer is no longer wanted, e.g. the citizen walked away. */
    interface Cancellable {

        /**
         * Neither callback will run once this returns on the UI thread. Work not started yet never starts;
         * work under way runs to its end (its own timeouts bound it) and its answer is dropped.
         */
        void cancel();
    }
}
