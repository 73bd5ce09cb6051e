package org.yizhan.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.yizhan.ui.TaskExecutor;

/** A {@link TaskExecutor} that never gets round to anything: for a test of what shows while work is awaited. */
public final class NeverTaskExecutor implements TaskExecutor {

    @Override
    public <T> Cancellable execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return () -> { };
    }

    @Override
    public <T> Cancellable schedule(Duration delay, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
        return () -> { };
    }

    @Override
    public void runOnUiThread(Runnable action) {
    }

    @Override
    public void close() {
    }
}
