package org.yizhan.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The last {@link #CAPACITY} log lines in memory, for the technician's panel and the heartbeat, written as the
 * log file writes them (one line an event). Bounded and thread-safe: any thread may log, any may read.
 */
public final class RecentLog extends AppenderBase<ILoggingEvent> {

    public static final int CAPACITY = 50;
    static final String NAME = "RECENT";

    private final ArrayDeque<String> lines = new ArrayDeque<>(CAPACITY);
    private volatile LogLine layout;
    private String lastErrorClass;

    private RecentLog(String who) {
        layout = new LogLine(who, ZoneId.systemDefault());
        setName(NAME);
    }

    /**
     * The one on the root logger, attached now if the logging has not been set up by {@link LogFiles} (a test,
     * a command that logs to stderr only).
     */
    public static synchronized RecentLog get() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(NAME) instanceof RecentLog attached) {
            return attached;
        }
        RecentLog recent = new RecentLog("-");
        recent.setContext(context);
        recent.start();
        root.addAppender(recent);
        return recent;
    }

    /** Lines from now on name {@code who}. */
    void writtenBy(String who) {
        layout = new LogLine(who, ZoneId.systemDefault());
    }

    @Override
    protected void append(ILoggingEvent event) {
        String line = layout.format(event);
        synchronized (lines) {
            if (lines.size() == CAPACITY) {
                lines.removeFirst();
            }
            lines.addLast(line);
            if (event.getLevel().isGreaterOrEqual(Level.ERROR) && event.getThrowableProxy() != null) {
                lastErrorClass = LogLine.className(event.getThrowableProxy());
            }
        }
    }

    /** The last lines, oldest first; at most {@link #CAPACITY}. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * The class of the exception the last ERROR with one carried (e.g. {@code java.io.IOException}); empty if no
     * ERROR has carried one since the kiosk started.
     */
    public Optional<String> lastErrorClass() {
        synchronized (lines) {
            return Optional.ofNullable(lastErrorClass);
        }
    }
}
