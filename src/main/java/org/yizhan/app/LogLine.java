package org.yizhan.app;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * One event, one line: time, level, who wrote it (the kiosk's id, or {@code server}), thread, logger, message.
 * A line break in a message is written as {@code \n}; an exception follows on the same line, its frames and
 * causes separated by {@code  | }. So {@code grep} and a line count see each event whole, and a technician's
 * panel can show the last lines without a stack trace taking over the screen.
 */
final class LogLine extends LayoutBase<ILoggingEvent> {

    /** Frames shown of each exception in a chain; the rest are counted. */
    static final int FRAMES = 25;
    /** Causes followed; a longer chain is cut. */
    private static final int CAUSES = 6;
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final String who;
    private final ZoneId zone;
    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(30);

    LogLine(String who, ZoneId zone) {
        this.who = who;
        this.zone = zone;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return format(event) + System.lineSeparator();
    }

    /** The line without its line separator. */
    String format(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        line.append(TIME.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone))).append(' ');
        String level = event.getLevel().toString();
        line.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
        line.append(who).append(" [").append(event.getThreadName()).append("] ");
        line.append(abbreviator.abbreviate(event.getLoggerName())).append(" - ");
        line.append(oneLine(event.getFormattedMessage()));
        IThrowableProxy thrown = event.getThrowableProxy();
        for (int depth = 0; thrown != null && depth < CAUSES; depth++, thrown = thrown.getCause()) {
            line.append(depth == 0 ? " | " : " | caused by: ");
            appendThrowable(line, thrown);
        }
        return line.toString();
    }

    private static void appendThrowable(StringBuilder line, IThrowableProxy thrown) {
        line.append(className(thrown));
        if (thrown.getMessage() != null && !(original(thrown) instanceof Redacted)) {
            line.append(": ").append(oneLine(thrown.getMessage()));
        }
        StackTraceElementProxy[] frames = thrown.getStackTraceElementProxyArray();
        int shown = Math.min(frames.length - thrown.getCommonFrames(), FRAMES);
        for (int i = 0; i < shown; i++) {
            line.append(" | at ").append(frames[i].getStackTraceElement());
        }
        int left = frames.length - shown;
        if (left > 0) {
            line.append(" | … ").append(left).append(" more");
        }
    }

    /** The exception's class; for a {@link Redacted} one, the class it stands for. */
    static String className(IThrowableProxy thrown) {
        return original(thrown) instanceof Redacted redacted ? redacted.originalClass() : thrown.getClassName();
    }

    private static Throwable original(IThrowableProxy thrown) {
        return thrown instanceof ch.qos.logback.classic.spi.ThrowableProxy proxy ? proxy.getThrowable() : null;
    }

    static String oneLine(String text) {
        return text == null ? "null" : LINE_BREAK.matcher(text).replaceAll("\\\\n");
    }
}
