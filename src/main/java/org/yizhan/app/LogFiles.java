package org.yizhan.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.recovery.ResilientOutputStreamBase;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import org.yizhan.config.KioskConfig;

/**
 * Sets up the log once the configuration says where it goes (logback.xml can only say "stderr": the data
 * directory is known only then): standard error, a rolling file {@code DIR/NAME.log} and {@link RecentLog}, every
 * line naming who wrote it. A file that cannot be written leaves the program on standard error, said once.
 */
public final class LogFiles {

    /** The folder of the logs in data.dir (the kiosk) or DATA (the hall server; its access log is there too). */
    public static final String DIR = "logs";
    private static final String FILE_APPENDER = "FILE";
    private static final String CONSOLE_APPENDER = "STDERR";
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(LogFiles.class);
    /** logback.xml's appenders while this class's are in their place. */
    private static final List<Appender<ILoggingEvent>> putAside = new ArrayList<>();
    private static StatusListener watcher;

    private LogFiles() {
    }

    /**
     * How large a log file grows and how long files are kept; all of them together take at most
     * {@link #totalCapMegabytes()}.
     */
    public record Policy(int maxFileMegabytes, int keepDays) {
        /** As {@code log.max-file-size} and {@code log.keep-days} default. */
        public static final Policy DEFAULTS = new Policy(10, 14);

        public Policy {
            if (maxFileMegabytes < 1 || keepDays < 1) {
                throw new IllegalArgumentException("a log file needs at least 1 MB and 1 day: " + maxFileMegabytes + " MB, "
                        + keepDays + " days");
            }
        }

        /** A file for each day, none larger than the cap: what they can take together. */
        public long totalCapMegabytes() {
            return (long) maxFileMegabytes * keepDays;
        }
    }

    /** The kiosk's log: {@code data.dir/logs/kiosk.log}, each line naming {@code kiosk.id}. */
    public static Optional<String> startKiosk(KioskConfig config) {
        return start(config.dataDir().resolve(DIR), "kiosk", config.kioskId(),
                new Policy(config.logMaxFileMegabytes(), config.logKeepDays()));
    }

    /**
     * Logs to standard error, {@code dir/name.log} and {@link RecentLog}, each line naming {@code who}.
     *
     * @return why the file cannot be written, once said on standard error; empty if it is being written
     */
    public static synchronized Optional<String> start(Path dir, String name, String who, Policy policy) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        RecentLog recent = RecentLog.get();
        recent.writtenBy(who);
        stopOwn(context, root);
        // logback.xml's console is put aside, not stopped: stop() puts it back.
        for (Appender<ILoggingEvent> old : appenders(root)) {
            if (old != recent) {
                root.detachAppender(old);
                putAside.add(old);
            }
        }
        root.addAppender(console(context, who));
        Path file = dir.resolve(name + ".log");
        Optional<String> unwritable = unwritable(dir);
        if (unwritable.isEmpty()) {
            RollingFileAppender<ILoggingEvent> appender = rolling(context, dir, name, who, policy);
            if (appender.isStarted()) {
                root.addAppender(appender);
                watch(context, appender, file);
            } else {
                unwritable = Optional.of("logback could not open it");
            }
        }
        if (unwritable.isPresent()) {
            String warning = "the log cannot be written to " + file + " (" + unwritable.get()
                    + "); logging to standard error only";
            LOG.warn(warning);
            return Optional.of(warning);
        }
        return Optional.empty();
    }

    /**
     * Back to logback.xml's own standard error (and {@link RecentLog}): the file is closed. At the end of a
     * command that logs to a file (and after a test), so that what follows in the same JVM logs as before.
     */
    public static synchronized void stop() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        stopOwn(context, root);
        putAside.forEach(root::addAppender);
        putAside.clear();
    }

    private static void stopOwn(LoggerContext context, Logger root) {
        for (String name : List.of(FILE_APPENDER, CONSOLE_APPENDER)) {
            Appender<ILoggingEvent> own = root.getAppender(name);
            if (own != null) {
                root.detachAppender(own);
                own.stop();
            }
        }
        if (watcher != null) {
            context.getStatusManager().remove(watcher);
            watcher = null;
        }
    }

    /**
     * Logback stops an appender at its first failed write (a disk that filled up, a folder taken away) and only
     * records it: say it once, on standard error and in {@link RecentLog}, as a log that could not be opened is.
     */
    private static void watch(LoggerContext context, Appender<ILoggingEvent> appender, Path file) {
        AtomicBoolean said = new AtomicBoolean();
        watcher = status -> {
            // The appender reports a failed write itself, or through the stream it writes the file with.
            boolean ours = status.getOrigin() == appender || status.getOrigin() instanceof ResilientOutputStreamBase;
            if (status.getLevel() == Status.ERROR && ours && said.compareAndSet(false, true)) {
                Throwable why = status.getThrowable();
                LOG.warn("the log can no longer be written to {} ({}); logging to standard error until it can again", file,
                        why == null ? status.getMessage() : why.getClass().getSimpleName() + ": " + why.getMessage());
            }
        };
        context.getStatusManager().add(watcher);
    }

    private static List<Appender<ILoggingEvent>> appenders(Logger root) {
        List<Appender<ILoggingEvent>> all = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            all.add(it.next());
        }
        return all;
    }

    private static Optional<String> unwritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".yizhan-write-check", ".tmp");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context, String who) {
        LogLine layout = new LogLine(who, ZoneId.systemDefault());
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String who) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(CONSOLE_APPENDER);
        // Standard error, so that a command's own output (the one line of `sync`) stays alone on standard output.
        console.setTarget("System.err");
        console.setEncoder(encoder(context, who));
        console.start();
        return console;
    }

    private static RollingFileAppender<ILoggingEvent> rolling(LoggerContext context, Path dir, String name, String who,
                                                              Policy policy) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(FILE_APPENDER);
        // Forward slashes: logback reads a backslash in a file name pattern as an escape.
        String folder = dir.toAbsolutePath().toString().replace('\\', '/');
        appender.setFile(folder + "/" + name + ".log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(folder + "/" + name + "-%d{yyyy-MM-dd}.%i.log.gz");
        rolling.setMaxFileSize(new FileSize(policy.maxFileMegabytes() * FileSize.MB_COEFFICIENT));
        rolling.setMaxHistory(policy.keepDays());
        rolling.setTotalSizeCap(new FileSize(policy.totalCapMegabytes() * FileSize.MB_COEFFICIENT));
        rolling.setCleanHistoryOnStart(true);
        rolling.start();
        appender.setRollingPolicy(rolling);
        appender.setEncoder(encoder(context, who));
        appender.start();
        return appender;
    }
}
