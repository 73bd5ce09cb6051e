package org.yizhan.app.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.yizhan.app.Kiosk;
import org.yizhan.config.ConfigKey;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.Orientation;
import org.yizhan.config.PrinterType;
import org.yizhan.ui.Fonts;
import org.yizhan.ui.Icons;
import org.yizhan.ui.Messages;
import org.yizhan.ui.UiTaskExecutor;

/**
 * {@code bench soak}: the real kiosk (its stage, shell, screens and executor, on the embedded hall server, with a data
 * directory of its own and the soak's clock) through {@code sessions} citizens ({@link Citizen}); the heap after full
 * collections at session 500 and at the end (the least over the ten sessions before each), the threads after the first
 * session and at the end, and every error. The
 * toolkit must be headless or have a display before this starts it (the command sets Monocle's properties).
 */
public final class Soak {
    /** As the repository's kiosk.properties has it. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** Every seventh citizen turns elder mode on, and walks away from the longer timeout it brings. */
    private static final Duration ELDER_IDLE_TIMEOUT = Duration.ofSeconds(180);
    private static final int CHECKPOINT = 500;
    private static final int PROGRESS_EVERY = 500;
    private static final int PROGRESS_AT_LEAST = 10;
    /** Sessions whose heaps after full collections give each measurement its floor. */
    private static final int FLOOR_OVER = 10;

    public record Result(int sessions, int checkpoint, double heapMbAtCheckpoint, double heapMbAtEnd, int threadsStart,
            int threadsEnd, int errors, List<String> errorExamples, int tickets, int refused, int lookups,
            Set<String> visited, int scheduledWaiting) {
        public double growthPct() {
            return (heapMbAtEnd - heapMbAtCheckpoint) / heapMbAtCheckpoint * 100;
        }

        public String line() {
            return String.format(Locale.ROOT,
                    "soak sessions=%d heap_mb_at_%d=%.1f heap_mb_at_%d=%.1f growth_pct=%.1f threads_start=%d threads_end=%d errors=%d",
                    sessions, checkpoint, heapMbAtCheckpoint, sessions, heapMbAtEnd, growthPct(), threadsStart, threadsEnd,
                    errors);
        }
    }

    private Soak() {
    }

    public static Result run(int sessions, PrintStream progress) throws Exception {
        Path data = Files.createTempDirectory("yizhan-soak");
        try (SoakErrors errors = new SoakErrors()) {
            return run(sessions, progress, data, errors);
        } finally {
            delete(data);
        }
    }

    private static Result run(int sessions, PrintStream progress, Path data, SoakErrors errors) throws Exception {
        startToolkit();
        SceneDriver.fx(() -> {
            errors.watchThisThread();
            Fonts.load(); // as KioskApp.init does before the kiosk starts
            Icons.preload();
            return null;
        });
        KioskConfig config = KioskConfig.defaults(data)
                .with(ConfigKey.KIOSK_ID, "kiosk-soak")
                .with(ConfigKey.DATA_DIR, data)
                .with(ConfigKey.DISPLAY_ORIENTATION, Orientation.PORTRAIT)
                .with(ConfigKey.IDLE_TIMEOUT, IDLE_TIMEOUT)
                .with(ConfigKey.IDLE_TIMEOUT_ELDER, ELDER_IDLE_TIMEOUT)
                .with(ConfigKey.PRINTER_TYPE, PrinterType.NONE)
                .with(ConfigKey.TICKET_ON_SCREEN, true);
        SoakClock clock = SoakClock.mondayMorning();
        ClockedTasks tasks = new ClockedTasks(new UiTaskExecutor(2), clock);
        Stage stage = SceneDriver.fx(Stage::new);
        Kiosk kiosk = SceneDriver.fx(() -> Kiosk.start(stage, config, clock, tasks, false));
        try {
            kiosk.ready().get(60, TimeUnit.SECONDS);
            if (!kiosk.setupFinished().get(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the embedded hall server did not start");
            }
            SceneDriver screen = new SceneDriver(kiosk.scene(), tasks);
            screen.settle();
            Citizen citizen = new Citizen(kiosk, screen, clock, tasks, errors, IDLE_TIMEOUT, ELDER_IDLE_TIMEOUT,
                    Messages.simplifiedChinese());
            int checkpoint = Math.min(CHECKPOINT, sessions);
            double heapAtCheckpoint = 0;
            int threadsStart = 0;
            long started = System.nanoTime();
            // Every 500 sessions; a short run (a test) every tenth of it.
            int every = Math.max(1, Math.min(PROGRESS_EVERY, sessions / PROGRESS_AT_LEAST));
            double floor = Double.MAX_VALUE;
            double heapAtEnd = 0;
            for (int n = 1; n <= sessions; n++) {
                citizen.session(n);
                if (n == 1) {
                    threadsStart = threads(); // every kind of thread a session uses has started by now
                }
                // The floor over the last sessions before each: what stays. Above it the live heap swings by hundreds of
                // MB with what JavaFX holds for a while (frames being drawn, bounded caches of text layouts).
                if (n > checkpoint - FLOOR_OVER && n <= checkpoint || n > sessions - FLOOR_OVER) {
                    floor = Math.min(floor, heapMbAfterGc());
                }
                if (n == checkpoint) {
                    heapAtCheckpoint = floor;
                    floor = Double.MAX_VALUE;
                }
                if (n == sessions) {
                    heapAtEnd = n == checkpoint ? heapAtCheckpoint : floor;
                }
                if (n % every == 0 || n == sessions) {
                    progress.printf(Locale.ROOT, "soak %d/%d: heap_mb=%.1f threads=%d tickets=%d refused=%d lookups=%d "
                            + "errors=%d scheduled_waiting=%d elapsed_s=%.0f%n", n, sessions, heapMbAfterGc(), threads(),
                            citizen.tickets(), citizen.refused(), citizen.lookups(), errors.count(), tasks.waiting(),
                            (System.nanoTime() - started) / 1e9);
                }
            }
            int threadsEnd = threads();
            return new Result(sessions, checkpoint, heapAtCheckpoint, heapAtEnd, threadsStart, threadsEnd, errors.count(),
                    errors.examples(), citizen.tickets(), citizen.refused(), citizen.lookups(), citizen.visited(),
                    tasks.waiting());
        } finally {
            kiosk.close();
            tasks.close();
            SceneDriver.fx(() -> {
                stage.hide();
                return null;
            });
        }
    }

    /** Started here for the command; a test's toolkit may already run. */
    private static void startToolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // one toolkit per JVM: use it
        }
        Platform.setImplicitExit(false);
    }

    /**
     * Heap in use after full collections, as each collection itself reports it (what the renderer allocates the moment
     * the collection ends would count in the heap's usage read after it): the least of at least three, until two
     * agree within 1 %.
     */
    static double heapMbAfterGc() {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null).toList();
        long least = Long.MAX_VALUE;
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 12; i++) {
            System.gc();
            long now = heap.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
            least = Math.min(least, now);
            boolean stable = i >= 2 && Math.abs(last - now) < now / 100;
            last = now;
            if (stable) {
                break;
            }
        }
        return least / (1024.0 * 1024.0);
    }

    private static int threads() {
        return Thread.getAllStackTraces().size();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
