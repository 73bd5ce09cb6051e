package org.yizhan.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.yizhan.catalog.CatalogDirectory;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.bundle.Ed25519Keys;
import org.yizhan.model.Catalog;
import org.yizhan.model.Service;
import org.yizhan.server.BundlePublisher;
import org.yizhan.server.HallServer;
import org.yizhan.sync.CatalogSync;
import org.yizhan.sync.SyncOutcome;
import org.yizhan.sync.SyncSettings;

/**
 * {@code bench sync}: a catalog of N full service guides (the demo catalog's 47, repeated with new ids
 * and names), published and served by a real hall server on loopback, then synced by the kiosk's own
 * code into an empty cache. Measures the full download + verify + apply, the 304 round trip, and the
 * heap used meanwhile (sampled every 5 ms). Then, as the yardstick, the time SQLite alone takes to load the
 * rows that sync wrote ({@link SqliteBulkBaseline}).
 */
public final class SyncBenchmark {
    private static final String DEMO = "/assets/catalog/demo-catalog.json";
    private static final int NOT_MODIFIED_ROUNDS = 50;

    /**
     * @param peakHeapMb the most live heap any collection during the sync found
     * @param peakUsedMb the most heap in use at any 5 ms sample, garbage included
     * @param maxHeapMb  the JVM's maximum heap (-Xmx)
     */
    public record Result(int services, double fullSeconds, double notModifiedMs, double notModifiedMaxMs,
                         long peakHeapMb, long peakUsedMb, long maxHeapMb, long bytes, long jsonBytes,
                         double publishSeconds, double sqliteBulkSeconds) {
        public String line() {
            return String.format(java.util.Locale.ROOT,
                    "sync services=%d full_s=%.2f not_modified_ms=%.2f peak_heap_mb=%d bytes=%d sqlite_bulk_s=%.2f "
                            + "ratio=%.2f",
                    services, fullSeconds, notModifiedMs, peakHeapMb, bytes, sqliteBulkSeconds,
                    fullSeconds / sqliteBulkSeconds);
        }
    }

    private SyncBenchmark() {
    }

    public static Result run(int size) throws Exception {
        Path work = Files.createTempDirectory("yizhan-bench-sync");
        try {
            return run(size, work);
        } finally {
            delete(work);
        }
    }

    private static Result run(int size, Path work) throws Exception {
        Catalog demo;
        try (InputStream in = SyncBenchmark.class.getResourceAsStream(DEMO)) {
            demo = CatalogJson.read(in);
        }
        Path json = work.resolve("catalog.json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(json), 1 << 16)) {
            List<Service> templates = demo.services();
            CatalogJson.writeStreaming(withVersion(demo, 2), size, i -> {
                Service template = templates.get(i % templates.size());
                return template.withIdAndName(template.id() + "-" + i, template.name() + "（" + (i + 1) + "）");
            }, out);
        }
        KeyPair key = Ed25519Keys.generate();
        Path serverData = work.resolve("server");
        long publishStart = System.nanoTime();
        BundlePublisher.Published published = BundlePublisher.publish(json, key.getPrivate(),
                serverData.resolve(HallServer.CATALOG_DIR), "", Duration.ofDays(30), Clock.systemUTC());
        double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
        Files.delete(json);

        try (HallServer server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), serverData);
             HeapSampler heap = new HeapSampler()) {
            CatalogDirectory catalogs = CatalogDirectory.open(work.resolve("kiosk/catalog"));
            CatalogSync sync = new CatalogSync(SyncSettings.of(server.baseUri(), key.getPublic(), ""), catalogs,
                    work.resolve("kiosk/sync"), Clock.systemUTC());
            heap.reset();
            long start = System.nanoTime();
            SyncOutcome full = sync.syncOnce();
            double fullSeconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.peakMb();
            long peakUsed = heap.peakUsedMb();
            if (full.kind() != SyncOutcome.Kind.APPLIED) {
                throw new IllegalStateException("the full sync did not apply: " + full.line());
            }
            double[] rounds = new double[NOT_MODIFIED_ROUNDS];
            for (int i = 0; i < rounds.length; i++) {
                long t = System.nanoTime();
                SyncOutcome outcome = sync.syncOnce();
                rounds[i] = (System.nanoTime() - t) / 1e6;
                if (outcome.kind() != SyncOutcome.Kind.NOT_MODIFIED) {
                    throw new IllegalStateException("expected not modified: " + outcome.line());
                }
            }
            Arrays.sort(rounds);
            Path installed = work.resolve("kiosk/catalog").resolve(
                    Files.readString(work.resolve("kiosk/catalog/CURRENT"), StandardCharsets.UTF_8).strip());
            double bulkSeconds = SqliteBulkBaseline.seconds(installed, work.resolve("sqlite-bulk.db"));
            return new Result(size, fullSeconds, rounds[rounds.length / 2], rounds[rounds.length - 1], peak, peakUsed,
                    Runtime.getRuntime().maxMemory() >> 20, published.index().length(), published.index().jsonLength(),
                    publishSeconds, bulkSeconds);
        }
    }

    private static Catalog withVersion(Catalog c, long version) {
        return new Catalog(version, c.generatedAt(), c.title(), c.sample(), c.notice(), c.themes(), c.departments(),
                List.of());
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Heap in use during the sync. {@link #peakMb()} is the most live data any garbage collection found
     * (heap used right after it): what the sync needs. {@link #peakUsedMb()} also counts garbage not yet
     * collected, sampled every 5 ms; it grows with whatever maximum heap the JVM was given.
     */
    private static final class HeapSampler implements AutoCloseable {
        private final Thread thread;
        private final List<javax.management.NotificationEmitter> emitters = new java.util.ArrayList<>();
        private final javax.management.NotificationListener listener = this::collected;
        private volatile long peakLive;
        private volatile long peakUsed;
        private volatile boolean running = true;

        HeapSampler() {
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                    emitters.add(emitter);
                }
            }
            thread = new Thread(() -> {
                while (running) {
                    Runtime r = Runtime.getRuntime();
                    peakUsed = Math.max(peakUsed, r.totalMemory() - r.freeMemory());
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void collected(javax.management.Notification notification, Object handback) {
            if (!notification.getType().equals(
                    com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                    (javax.management.openmbean.CompositeData) notification.getUserData());
            long live = 0;
            for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                var after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (pool.getType() == java.lang.management.MemoryType.HEAP && after != null) {
                    live += after.getUsed();
                }
            }
            peakLive = Math.max(peakLive, live);
        }

        void reset() {
            System.gc();
            Runtime r = Runtime.getRuntime();
            peakUsed = r.totalMemory() - r.freeMemory();
            peakLive = peakUsed;
        }

        long peakMb() {
            return peakLive >> 20;
        }

        long peakUsedMb() {
            return peakUsed >> 20;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
            for (var emitter : emitters) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // already gone
                }
            }
        }
    }
}
