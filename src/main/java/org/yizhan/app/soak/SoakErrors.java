package org.yizhan.app.soak;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * What counts as an error in the soak: an exception no code caught, on any thread (the FX thread's handler is set on
 * it, the others' by default), a line logged at ERROR, and a screen the driver waited for in vain. The first few are
 * kept to be printed.
 */
final class SoakErrors implements AutoCloseable {
    private static final int KEPT = 20;

    private final AtomicInteger count = new AtomicInteger();
    private final List<String> examples = new ArrayList<>();
    private final Thread.UncaughtExceptionHandler handler = (thread, e) -> add("uncaught on " + thread.getName() + ": " + e);
    private final Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final AppenderBase<ILoggingEvent> errors = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                add("logged by " + event.getLoggerName() + ": " + event.getFormattedMessage());
            }
        }
    };

    SoakErrors() {
        Thread.setDefaultUncaughtExceptionHandler(handler);
        errors.setName("soak-errors");
        errors.start();
        root.addAppender(errors);
    }

    /** On the FX thread: JavaFX hands what an event handler throws to that thread's own handler. */
    void watchThisThread() {
        Thread.currentThread().setUncaughtExceptionHandler(handler);
    }

    void add(String what) {
        count.incrementAndGet();
        synchronized (examples) {
            if (examples.size() < KEPT) {
                examples.add(what);
            }
        }
    }

    int count() {
        return count.get();
    }

    List<String> examples() {
        synchronized (examples) {
            return List.copyOf(examples);
        }
    }

    @Override
    public void close() {
        root.detachAppender(errors);
        errors.stop();
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }
}
