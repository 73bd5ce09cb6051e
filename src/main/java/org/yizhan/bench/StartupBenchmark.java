package org.yizhan.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yizhan.catalog.CatalogDirectory;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.model.Catalog;
import org.yizhan.model.Service;

/**
 * {@code bench startup}: child JVMs of the same java and jar, timed from their spawn to the first frame they report
 * ({@code yizhan-first-frame}, printed by the child at the pulse that lays the screen out): a bare JavaFX window
 * ("hello"), the kiosk on the repository's kiosk.properties with a catalog of {@code services} services already in
 * its cache (a later run: the embedded server's data made by an earlier one), and the kiosk on a fresh data
 * directory (a first run: the demo catalog, the embedded server's store still to make). Alternating, {@code runs}
 * of each; medians.
 */
public final class StartupBenchmark {
    /** As FirstFrame.MARKER in app, which bench may not use; the two are tested together (StartupBenchmarkTest). */
    static final String MARKER = "yizhan-first-frame epoch_ms=";
    private static final long CHILD_TIMEOUT_SECONDS = 120;
    private static final String DEMO = "/assets/catalog/demo-catalog.json";

    public record Result(List<Long> helloMs, List<Long> kioskMs, List<Long> firstRunMs) {
        public long hello() {
            return median(helloMs);
        }

        public long kiosk() {
            return median(kioskMs);
        }

        public long firstRun() {
            return median(firstRunMs);
        }

        public String line() {
            return String.format(Locale.ROOT, "startup first_frame_ms=%d hello_first_frame_ms=%d ratio=%.2f", kiosk(),
                    hello(), (double) kiosk() / hello());
        }
    }

    private StartupBenchmark() {
    }

    /** {@code keep}: leaves the children's data and logs in the work folder (named on standard error). */
    /** {@code jvmOptions}: the children's, e.g. Monocle's properties for a run without a display. */
    public static Result run(List<String> jvmOptions, Path kioskProperties, int services, int runs, boolean keep)
            throws Exception {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dyizhan.firstFrame=true");
        Child launch = new Child(SameJar.current(), options);
        Path work = Files.createTempDirectory("yizhan-bench-startup");
        try {
            String properties = Files.readString(kioskProperties, StandardCharsets.UTF_8);
            Path later = work.resolve("later");
            Path laterConfig = config(properties, later);
            System.err.printf("preparing %s: the embedded server's data (yizhan sync), then %d services in the cache%n",
                    later, services);
            // `yizhan sync` builds what the kiosk builds (CatalogSetup): the embedded server's keys, demo cases and
            // published demo, and the first sync; the large catalog then goes in as a hall's newer one would.
            child(launch, work.resolve("prepare.log"), List.of("sync", "--config", laterConfig.toString()), false);
            CatalogDirectory.open(later.resolve("data/catalog")).install(catalog(services));
            List<Long> hello = new ArrayList<>();
            List<Long> kiosk = new ArrayList<>();
            List<Long> first = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                hello.add(child(launch, work.resolve("hello-" + i + ".log"), List.of("bench", "hello-window"), true));
                kiosk.add(child(launch, work.resolve("kiosk-" + i + ".log"), List.of("--config", laterConfig.toString()),
                        true));
                Path fresh = config(properties, work.resolve("first-" + i));
                first.add(child(launch, work.resolve("first-" + i + ".log"), List.of("--config", fresh.toString()), true));
                System.err.printf("run %d: hello %d ms, kiosk %d ms, first run %d ms%n", i + 1, hello.get(i),
                        kiosk.get(i), first.get(i));
            }
            return new Result(hello, kiosk, first);
        } finally {
            if (keep) {
                System.err.println("the children's data and logs: " + work);
            } else {
                delete(work);
            }
        }
    }

    /** The repository's settings with {@code data.dir} pointed into {@code dir}. */
    private static Path config(String properties, Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder out = new StringBuilder();
        for (String line : properties.split("\n", -1)) {
            out.append(line.startsWith("data.dir=") ? "data.dir=" + dir.resolve("data") : line).append('\n');
        }
        Path file = dir.resolve("kiosk.properties");
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return file;
    }

    /** The demo catalog's guides, each cloned under a new id until there are {@code size}, as bench sync does. */
    static Catalog catalog(int size) throws Exception {
        Catalog demo;
        try (InputStream in = StartupBenchmark.class.getResourceAsStream(DEMO)) {
            demo = CatalogJson.read(in);
        }
        List<Service> templates = demo.services();
        List<Service> services = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Service template = templates.get(i % templates.size());
            services.add(i < templates.size() ? template
                    : template.withIdAndName(template.id() + "-" + i, template.name() + "（" + (i + 1) + "）"));
        }
        return new Catalog(2, Instant.now(), demo.title(), false, demo.notice(), demo.themes(), demo.departments(),
                services);
    }

    /**
     * Starts a child and returns the milliseconds from just before its spawn to its first frame; or, when
     * {@code untilFrame} is false, waits for it to end by itself. A timed child is then stopped as a kiosk is
     * (SIGTERM) and waited for, so it does not share the cores with the next one.
     */
    private record Child(SameJar jar, List<String> options) {
    }

    private static long child(Child launch, Path log, List<String> args, boolean untilFrame) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launch.jar().command(launch.options(), args)).redirectError(log.toFile());
        long spawned = System.currentTimeMillis();
        Process process = builder.start();
        CompletableFuture<Long> frame = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(process.getInputStream(), frame), "startup-child-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!untilFrame) {
                if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException(args + " failed; its log: " + tail(log));
                }
                return 0;
            }
            Long at = frame.get(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (at == null) {
                throw new IllegalStateException(args + " ended without a first frame; its log: " + tail(log));
            }
            return at - spawned;
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static void read(InputStream stdout, CompletableFuture<Long> frame) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith(MARKER)) {
                    frame.complete(Long.parseLong(line.substring(MARKER.length()).trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            frame.completeExceptionally(e);
        }
        frame.complete(null);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
