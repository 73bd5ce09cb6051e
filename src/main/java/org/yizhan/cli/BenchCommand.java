package org.yizhan.cli;

import java.util.concurrent.Callable;
import org.yizhan.bench.QueueBenchmark;
import org.yizhan.bench.SearchBenchmark;
import org.yizhan.bench.SearchQuality;
import org.yizhan.bench.SyncBenchmark;
import org.yizhan.storage.PostgresStore;
import org.yizhan.storage.postgres.ThrowawayCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench search --services N}: measures the search engine against an FTS5 baseline. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {BenchCommand.Search.class, BenchCommand.SearchQualityCommand.class, BenchCommand.Sync.class,
                BenchCommand.Queue.class, BenchCommand.Server.class, BenchCommand.Startup.class,
                BenchCommand.HelloWindowCommand.class, BenchCommand.SoakCommand.class})
final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("Usage: bench search --services N | bench search-quality | bench sync --services N "
                + "| bench queue --clients N --tickets N | bench server --slow N --idle N --streams N "
                + "| bench startup [--headless] | bench soak --sessions N");
        return 2;
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Synthetic catalog, keystroke replay; last line: search services=… p50_ms=… p99_ms=… build_ms=… heap_mb=… fts5_p99_ms=… ratio=…")
    static final class Search implements Callable<Integer> {
        @Option(names = "--services", paramLabel = "N", defaultValue = "100000", description = "Catalog size (default: ${DEFAULT-VALUE}).")
        int services;

        @Override
        public Integer call() throws Exception {
            SearchBenchmark.Result r = SearchBenchmark.run(services);
            System.out.printf("%d keystroke sequences, %d keystrokes%n", r.sequences(), r.queries());
            System.out.printf(java.util.Locale.ROOT, "everyday words and mistyped names: %d keystrokes, p50_ms=%.3f p99_ms=%.3f%n",
                    r.everydayQueries(), r.everydayP50Ms(), r.everydayP99Ms());
            System.out.println(r.line());
            return 0;
        }
    }

    @Command(name = "search-quality", mixinStandardHelpOptions = true,
            description = "Queries citizens type, against an imported provincial catalog: each query's place of a right answer; "
                    + "empty results for them and for service names typed with one character changed; last line: "
                    + "search quality queries=… top5=… top1=…")
    static final class SearchQualityCommand implements Callable<Integer> {
        @Option(names = "--eval", paramLabel = "FILE", defaultValue = "../shared/data/search-eval.tsv",
                description = "query<TAB>text a right answer's name contains<TAB>what it exercises (default: ${DEFAULT-VALUE}).")
        java.nio.file.Path eval;

        @Option(names = "--catalog", paramLabel = "FILE", defaultValue = "../shared/data/gd-services-2021.json",
                description = "A provincial list in the shape of gd-services-2021.json (default: ${DEFAULT-VALUE}).")
        java.nio.file.Path catalog;

        @Option(names = "--demo", paramLabel = "FILE", defaultValue = "assets/catalog/demo-catalog.json",
                description = "A Yizhan catalog whose names are also typed with a character changed (default: ${DEFAULT-VALUE}).")
        java.nio.file.Path demo;

        @Override
        public Integer call() throws Exception {
            for (java.nio.file.Path p : new java.nio.file.Path[] {eval, catalog, demo}) {
                java.util.Optional<String> problem = FileProblems.unreadable(p, "file");
                if (problem.isPresent()) {
                    System.err.println("bench search-quality: " + problem.get());
                    return 2;
                }
            }
            SearchQuality.Result r = SearchQuality.run(eval, catalog, demo);
            for (SearchQuality.Outcome o : r.outcomes()) {
                System.out.printf("%-4s %-10s %s%n", o.rank() == 0 ? "--" : "#" + o.rank(), o.query(),
                        o.top().stream().map(h -> h.name()).limit(3).toList());
            }
            System.out.printf("empty results: %d of %d queries of the file%n", r.emptyEval(), r.outcomes().size());
            r.typos().forEach(t -> System.out.println(t.line()));
            System.out.println(r.line());
            return 0;
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = "Publishes a synthetic catalog of full guides, serves it on loopback and syncs it into an empty "
                    + "cache, then loads the same rows with SQLite alone; last line: sync services=… full_s=… not_modified_ms=… "
                    + "peak_heap_mb=… bytes=… sqlite_bulk_s=… ratio=…")
    static final class Sync implements Callable<Integer> {
        @Option(names = "--services", paramLabel = "N", defaultValue = "100000", description = "Catalog size (default: ${DEFAULT-VALUE}).")
        int services;

        @Override
        public Integer call() throws Exception {
            SyncBenchmark.Result r = SyncBenchmark.run(services);
            System.out.printf(java.util.Locale.ROOT,
                    "catalog %d bytes of JSON, %d bytes gzipped, published in %.1f s; 304 round trip max %.2f ms; "
                            + "heap in use at most %d MB with garbage (-Xmx %d MB), live after GC at most %d MB%n",
                    r.jsonBytes(), r.bytes(), r.publishSeconds(), r.notModifiedMaxMs(), r.peakUsedMb(), r.maxHeapMb(),
                    r.peakHeapMb());
            System.out.println(r.line());
            return 0;
        }
    }

    @Command(name = "queue", mixinStandardHelpOptions = true,
            description = "A hall server on loopback with the durable ticket store; clients take numbers and confirm them "
                    + "printed over HTTP, then the store is checked; last line: queue tickets=… clients=… per_s=… p99_ms=… "
                    + "duplicates=… missing=…")
    static final class Queue implements Callable<Integer> {
        @Option(names = "--clients", paramLabel = "N", defaultValue = "8", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
        int clients;

        @Option(names = "--tickets", paramLabel = "N", defaultValue = "2000", description = "Numbers to take (default: ${DEFAULT-VALUE}).")
        int tickets;

        @Option(names = "--store", paramLabel = "STORE", defaultValue = "sqlite",
                description = "sqlite (default), postgres (a throwaway PostgreSQL cluster of its own, as the tests "
                        + "start; the SQLite line is printed first, in the same run) or a jdbc:postgresql:// URL of an "
                        + "empty database (password from PGPASSWORD).")
        String store;

        @Option(names = "--servers", paramLabel = "N", defaultValue = "1",
                description = "Hall servers on the one database, clients taking numbers from each in turn "
                        + "(more than 1 needs PostgreSQL; default: ${DEFAULT-VALUE}).")
        int servers;

        @Override
        public Integer call() throws Exception {
            if (clients < 1 || clients > 256 || tickets < 1 || tickets > 1_000_000 || servers < 1 || servers > 8) {
                System.err.println("bench queue: --clients must be 1 to 256, --tickets 1 to 1000000, --servers 1 to 8");
                return 2;
            }
            if (store.equals("sqlite")) {
                if (servers > 1) {
                    System.err.println("bench queue: servers share a database only on PostgreSQL: --store postgres");
                    return 2;
                }
                return print(QueueBenchmark.run(clients, tickets));
            }
            if (!store.equals("postgres") && !store.startsWith("jdbc:postgresql:")) {
                System.err.println("bench queue: --store is sqlite, postgres or a jdbc:postgresql:// URL");
                return 2;
            }
            // The SQLite line first, in the same run, as the yardstick.
            int sqlite = print(QueueBenchmark.run(clients, tickets));
            if (store.startsWith("jdbc:")) {
                try (PostgresStore db = PostgresStore.connect(store, System.getenv("PGPASSWORD"))) {
                    return Math.max(sqlite, print(QueueBenchmark.run(clients, tickets, db, "postgres", servers)));
                }
            }
            try (ThrowawayCluster cluster = ThrowawayCluster.start();
                 PostgresStore db = PostgresStore.connect(cluster.createDatabase(), null)) {
                return Math.max(sqlite, print(QueueBenchmark.run(clients, tickets, db, "postgres", servers)));
            }
        }

        private static int print(QueueBenchmark.Result r) {
            System.out.printf(java.util.Locale.ROOT, "latency per ticket (issue + printed): p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                    + "CPU per ticket (servers and clients): %.2f ms%n", r.p50Ms(), r.p99Ms(), r.maxMs(), r.cpuMsPerTicket());
            System.out.println(r.line());
            return r.duplicates() == 0 && r.missing() == 0 ? 0 : 1;
        }
    }

    @Command(name = "server", mixinStandardHelpOptions = true,
            description = "A hall server on loopback under slow, idle and streaming clients while kiosks take numbers; "
                    + "last line: server slow=… idle=… streams=… tickets=… ticket_p99_ms=… threads=… rss_mb=…")
    static final class Server implements Callable<Integer> {
        @Option(names = "--slow", paramLabel = "N", defaultValue = "500",
                description = "Connections sending their headers a byte a second (default: ${DEFAULT-VALUE}).")
        int slow;

        @Option(names = "--idle", paramLabel = "N", defaultValue = "500", description = "Idle keep-alive connections (default: ${DEFAULT-VALUE}).")
        int idle;

        @Option(names = "--streams", paramLabel = "N", defaultValue = "200", description = "Open event streams (default: ${DEFAULT-VALUE}).")
        int streams;

        @Option(names = "--clients", paramLabel = "N", defaultValue = "8", description = "Kiosks taking numbers (default: ${DEFAULT-VALUE}).")
        int clients;

        @Option(names = "--tickets", paramLabel = "N", defaultValue = "2000", description = "Numbers to take (default: ${DEFAULT-VALUE}).")
        int tickets;

        @Override
        public Integer call() throws Exception {
            if (slow < 0 || idle < 0 || streams < 0 || slow > 500 || idle > 500 || streams > 500 || clients < 1
                    || clients > 256 || tickets < 1 || tickets > 1_000_000) {
                System.err.println("bench server: --slow, --idle and --streams must be 0 to 500 (each comes from one "
                        + "address, and an address may have 500), --clients 1 to 256, --tickets 1 to 1000000");
                return 2;
            }
            org.yizhan.bench.ServerBenchmark.Result r = org.yizhan.bench.ServerBenchmark.run(slow, idle, streams, clients, tickets);
            System.out.println("connections open at the end: " + r.connections() + "; streams that got the numbers' events: "
                    + r.streamsWithEvents() + " of " + r.streams());
            System.out.println(r.line());
            return r.streamsWithEvents() == r.streams() ? 0 : 1;
        }
    }

    @Command(name = "startup", mixinStandardHelpOptions = true,
            description = "Child JVMs of this jar, each timed from its spawn to its first frame: a bare JavaFX window, the "
                    + "kiosk with a large catalog in its cache, the kiosk on a fresh data directory; last line: startup "
                    + "first_frame_ms=… hello_first_frame_ms=… ratio=…")
    static final class Startup implements Callable<Integer> {
        @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Runs of each, alternating (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--services", paramLabel = "N", defaultValue = "3000", description = "Services in the cache (default: ${DEFAULT-VALUE}).")
        int services;

        @Option(names = "--config", paramLabel = "FILE", defaultValue = "kiosk.properties",
                description = "The kiosk's settings, data.dir replaced by the benchmark's (default: ${DEFAULT-VALUE}).")
        java.nio.file.Path config;

        @Option(names = "--headless", description = "Monocle's headless platform instead of the display in DISPLAY.")
        boolean headless;

        @Option(names = "--keep", description = "Keep the children's data folders and logs (named on standard error).")
        boolean keep;

        @Override
        public Integer call() throws Exception {
            java.util.Optional<String> problem = FileProblems.unreadable(config, "file");
            if (problem.isPresent() || runs < 1 || runs > 100 || services < 1 || services > 200_000) {
                System.err.println("bench startup: " + problem.orElse("--runs must be 1 to 100 and --services 1 to 200000"));
                return 2;
            }
            boolean display = System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank();
            if (!headless && !display) {
                System.err.println("bench startup: no DISPLAY; measuring headless (Monocle). Use xvfb-run for a real window.");
            }
            java.util.List<String> options = headless || !display ? HeadlessFx.options() : java.util.List.of();
            org.yizhan.bench.StartupBenchmark.Result r = org.yizhan.bench.StartupBenchmark.run(options, config, services,
                    runs, keep);
            System.out.println("hello runs_ms=" + r.helloMs() + "; kiosk (" + services + " services cached) runs_ms="
                    + r.kioskMs() + "; first run (fresh data dir, demo) runs_ms=" + r.firstRunMs() + " median_ms="
                    + r.firstRun());
            System.out.println(r.line());
            return 0;
        }
    }

    /** The yardstick of bench startup, which starts it in a child JVM: a bare window with one label. */
    @Command(name = "hello-window", hidden = true, description = "A bare JavaFX window (for bench startup).")
    static final class HelloWindowCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            org.yizhan.app.HelloWindow.run();
            return 0;
        }
    }

    @Command(name = "soak", mixinStandardHelpOptions = true,
            description = "The real kiosk, headless, on its embedded hall server, through N citizens' sessions (browse, "
                    + "search, a number, a case, the idle reset); progress on standard error; last line: soak sessions=… "
                    + "heap_mb_at_500=… heap_mb_at_N=… growth_pct=… threads_start=… threads_end=… errors=…")
    static final class SoakCommand implements Callable<Integer> {
        private static final String SOFT_REFERENCES = "-XX:SoftRefLRUPolicyMSPerMB=0";

        @Option(names = "--sessions", paramLabel = "N", defaultValue = "5000", description = "Citizens (default: ${DEFAULT-VALUE}).")
        int sessions;

        @Override
        public Integer call() throws Exception {
            if (sessions < 1 || sessions > 1_000_000) {
                System.err.println("bench soak: --sessions must be 1 to 1000000");
                return 2;
            }
            java.util.List<String> jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
            if (!jvm.contains(SOFT_REFERENCES)) {
                // Again in a JVM that clears soft references at every collection. JavaFX's software renderer caches
                // each scroll pane's viewport as an image and pools them by soft reference; a JVM with room clears
                // those only as the heap fills, so "heap after a full GC" would measure the room, not what the kiosk
                // holds: 74 MB live, 5 GB reachable after 60 sessions on a 6 GB heap.
                java.util.List<String> args = java.util.List.of("bench", "soak", "--sessions", String.valueOf(sessions));
                Process child = new ProcessBuilder(org.yizhan.bench.SameJar.current()
                        .command(java.util.List.of(SOFT_REFERENCES), args)).inheritIO().start();
                return child.waitFor();
            }
            HeadlessFx.set();
            org.yizhan.app.soak.Soak.Result r = org.yizhan.app.soak.Soak.run(sessions, System.err);
            r.errorExamples().forEach(e -> System.err.println("error: " + e));
            System.out.println("numbers taken " + r.tickets() + ", refused calmly " + r.refused() + " (closed, cap, per-minute "
                    + "limit), cases looked up " + r.lookups() + "; screens reached: " + String.join(", ", r.visited()));
            System.out.println(r.line());
            return r.errors() == 0 ? 0 : 1;
        }
    }
}
