package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.ErrorStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.config.KioskConfigLoader;

/** The kiosk's log: a rolling file in data.dir/logs and the last lines in memory, one line an event. */
class LogFilesTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogFilesTest.class);
    /** An ISO time with offset, the level, then who wrote it. */
    private static final String START = "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}([+-]\\d\\d:\\d\\d|Z) [A-Z]+ +";

    @TempDir
    Path data;

    @AfterEach
    void backToStandardError() {
        LogFiles.stop();
    }

    private List<String> fileLines() throws IOException {
        return Files.readAllLines(data.resolve("logs/kiosk.log"), StandardCharsets.UTF_8);
    }

    @Test
    void eachEventIsOneLineNamingTheKioskEvenWithLineBreaksAndAStackTrace() throws Exception {
        assertEquals(Optional.empty(), LogFiles.start(data.resolve("logs"), "kiosk", "kiosk-07", LogFiles.Policy.DEFAULTS));
        LOG.warn("first line\nsecond line\r\nthird line");
        LOG.error("the cache cannot be written", new IOException("disk gone", new IllegalStateException("inner\ncause")));
        LogFiles.stop();

        List<String> lines = fileLines();
        assertEquals(2, lines.size(), "two events: " + lines);
        for (String line : lines) {
            assertTrue(line.matches(START + "kiosk-07 \\[main\\] .+ - .+"), line);
        }
        assertTrue(lines.get(0).endsWith(" - first line\\nsecond line\\nthird line"), lines.get(0));
        String error = lines.get(1);
        assertTrue(error.contains(" - the cache cannot be written | java.io.IOException: disk gone | at org.yizhan.app.LogFilesTest."),
                error);
        assertTrue(error.contains(" | caused by: java.lang.IllegalStateException: inner\\ncause"), error);
    }

    @Test
    void aFullFileIsSetAsideCompressedAndTheNextBegins() throws Exception {
        LogFiles.start(data.resolve("logs"), "kiosk", "kiosk-07", new LogFiles.Policy(1, 2));
        String filler = "x".repeat(1000);
        for (int i = 0; i < 1500; i++) {
            LOG.info("line {} {}", i, filler);
        }
        LogFiles.stop();
        List<String> rolled;
        try (Stream<Path> files = Files.list(data.resolve("logs"))) {
            rolled = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("kiosk-\\d{4}-\\d\\d-\\d\\d\\.\\d+\\.log\\.gz"))
                    .toList();
        }
        assertTrue(!rolled.isEmpty(), "a file set aside as kiosk-DATE.N.log.gz");
        assertTrue(Files.size(data.resolve("logs/kiosk.log")) <= 1024 * 1024 + 2000, "the current file stays under its cap");
        assertEquals(2, new LogFiles.Policy(1, 2).totalCapMegabytes());
        assertEquals(140, LogFiles.Policy.DEFAULTS.totalCapMegabytes(), "10 MB for 14 days");
    }

    @Test
    void aLogThatCannotBeWrittenLeavesStandardErrorAndSaysSoOnce() throws Exception {
        Files.writeString(data.resolve("logs"), "a file where the folder belongs");
        Optional<String> warning = LogFiles.start(data.resolve("logs"), "kiosk", "kiosk-07", LogFiles.Policy.DEFAULTS);
        assertTrue(warning.isPresent());
        assertTrue(warning.get().startsWith("the log cannot be written to " + data.resolve("logs/kiosk.log") + " ("),
                warning.get());
        assertTrue(warning.get().endsWith("); logging to standard error only"), warning.get());
        LOG.info("still logged");
        List<String> recent = RecentLog.get().lines();
        assertEquals(1, recent.stream().filter(l -> l.contains("the log cannot be written")).count(), recent.toString());
        assertTrue(recent.get(recent.size() - 1).endsWith(" - still logged"));
    }

    @Test
    void aDiskThatFillsWhileTheKioskRunsIsSaidOnce() throws Exception {
        assertEquals(Optional.empty(), LogFiles.start(data.resolve("logs"), "kiosk", "kiosk-07", LogFiles.Policy.DEFAULTS));
        // What logback records, and nothing more, when a write fails: a full disk cannot be made for a test.
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Object file = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        for (int i = 0; i < 3; i++) {
            context.getStatusManager().add(new ErrorStatus("IO failure in appender", file,
                    new IOException("No space left on device")));
        }
        LOG.info("still going");
        List<String> recent = RecentLog.get().lines();
        List<String> said = recent.stream().filter(l -> l.contains("the log can no longer be written")).toList();
        assertEquals(1, said.size(), recent.toString());
        assertTrue(said.get(0).contains(data.resolve("logs/kiosk.log") + " (IOException: No space left on device); "
                + "logging to standard error until it can again"), said.get(0));
        assertTrue(recent.get(recent.size() - 1).endsWith(" - still going"), "and the kiosk goes on logging");
    }

    @Test
    void recentLinesAreBoundedAndKeepTheLastErrorsClass() throws Exception {
        RecentLog recent = RecentLog.get();
        LOG.error("a failure", new java.net.SocketTimeoutException("slow"));
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            int n = t;
            threads.add(new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 40; i++) {
                    LOG.info("thread {} line {}", n, i);
                }
            }, "yizhan-test-" + t));
        }
        threads.forEach(Thread::start);
        go.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }
        LOG.error("an error without an exception");
        List<String> lines = recent.lines();
        assertEquals(RecentLog.CAPACITY, lines.size());
        assertTrue(lines.get(lines.size() - 1).endsWith(" - an error without an exception"), "newest last");
        assertEquals(Optional.of("java.net.SocketTimeoutException"), recent.lastErrorClass(),
                "the last ERROR that carried an exception");
    }

    @Test
    void theFoldersTheLoaderChecksAreTheOnesTheKioskKeeps() {
        assertEquals(List.of(CatalogSetup.CATALOG_DIR, CatalogSetup.SYNC_DIR, LogFiles.DIR, CatalogSetup.EMBEDDED_DIR).stream()
                .sorted().toList(), KioskConfigLoader.DATA_FOLDERS.stream().sorted().toList());
    }
}
