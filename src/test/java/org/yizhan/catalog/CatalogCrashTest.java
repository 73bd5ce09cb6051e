package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.model.Catalog;

/**
 * The crash test: a separate JVM ({@link CrashVictim}) applies large catalogs and is killed with
 * SIGKILL at random moments, 20 times, on the same directory; after each kill the cache opens and holds
 * exactly one whole catalog version, the one before the interrupted install or the one it installed,
 * and nothing an interrupted install left behind.
 *
 * <p>Where a kill lands is random but aimed: a few rounds kill the victim while it starts; the others
 * wait for its first or second install to begin and kill it at a random instant within about one
 * install's length, half of them near its end, so kills hit the streaming, the forcing to disk, the
 * rename and the deleting of the old file as well as the time between installs. How long starting and
 * installing take is measured as the rounds go, so the aim holds on a slow or busy machine. The output
 * lists every round and where its kill landed. Set {@code -Dcrash.seed=...} to repeat a run's choices
 * (not its timing).
 */
class CatalogCrashTest {
    private static final int ROUNDS = 20;
    /** Documents prepared ahead of the current version: a round gets through at most three installs. */
    private static final int DOCUMENTS_AHEAD = 3;
    private static final long LINE_TIMEOUT_MILLIS = 60_000;
    private static final Pattern CATALOG_VERSION = Pattern.compile("catalog-v(\\d+)-");

    @TempDir
    Path temp;

    /** One line the victim printed, with when the test read it. */
    private record Line(String text, long nanos) {
    }

    /** Where a kill landed, from the victim's last words. */
    private enum Moment {
        STARTING("while the JVM started or the directory opened"),
        BEFORE_INSTALL("after opening, before the first install began"),
        MID_INSTALL("during an install (streaming, forcing or renaming)"),
        BETWEEN_INSTALLS("after an install, before the next began");

        final String description;

        Moment(String description) {
            this.description = description;
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyKillLeavesOneWholeCatalogVersion() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CatalogCrashTest seed " + seed + " (-Dcrash.seed=" + seed + " repeats the choices)");
        Random random = new Random(seed);

        Path dir = Files.createDirectories(temp.resolve("cache"));
        Path documents = Files.createDirectories(temp.resolve("documents"));
        Path victimTemp = Files.createDirectories(temp.resolve("victim-tmp"));

        // Measured as the run goes (the latest of each), so that the kills stay aimed on a slow or busy machine.
        long startupMillis = 600;
        long firstInstallMillis = 1_000;
        long laterInstallMillis = 500;
        Map<String, Integer> states = new TreeMap<>();

        Map<Moment, Integer> moments = new TreeMap<>();
        int noCatalog = 0;
        int withCatalog = 0;
        int newVersionAfterMidInstallKill = 0;
        int leftoversRemoved = 0;
        List<String> log = new ArrayList<>();
        long started = System.nanoTime();

        for (int round = 1; round <= ROUNDS; round++) {
            OptionalLong before = CatalogDirectory.open(dir).version();
            long current = before.orElse(0);
            prepareDocuments(documents, current);

            Process victim = start(dir, documents, victimTemp, round);
            LinkedBlockingQueue<Line> lines = new LinkedBlockingQueue<>();
            List<Line> all = new ArrayList<>();
            Thread reader = readLines(victim, lines);
            long spawned = System.nanoTime();
            int target;
            long delay;
            try {
                // 0: kill while it starts; 1 or 2: kill during or just after that install of this run. While
                // there is no catalog, a second install cannot begin before the first one is whole.
                int dice = random.nextInt(20);
                target = dice < 3 ? 0 : dice < 13 || before.isEmpty() ? 1 : 2;
                if (target == 0) {
                    delay = (long) (random.nextDouble() * startupMillis);
                    sleepUntil(spawned + TimeUnit.MILLISECONDS.toNanos(delay));
                } else {
                    Line begun = awaitLine(lines, all, CrashVictim.INSTALLING, target, victim);
                    long install = target == 1 ? firstInstallMillis : laterInstallMillis;
                    // Half anywhere in about an install's length, half about its end: forcing, renaming, deleting.
                    // While there is no catalog, anywhere, so that the first install is often cut short.
                    delay = (long) (install * (before.isEmpty() || random.nextBoolean()
                            ? 1.25 * random.nextDouble() : 0.8 + 0.4 * random.nextDouble()));
                    sleepUntil(begun.nanos() + TimeUnit.MILLISECONDS.toNanos(delay));
                }
                if (!victim.isAlive()) {
                    fail("round " + round + ": the victim ended by itself with " + victim.exitValue()
                            + " before it was killed; its stderr:\n" + stderr(victimTemp, round));
                }
                victim.destroyForcibly();
                assertTrue(victim.waitFor(30, TimeUnit.SECONDS), "the killed victim did not end");
            } finally {
                victim.destroyForcibly();
                victim.waitFor(30, TimeUnit.SECONDS);
            }
            reader.join(10_000);
            lines.drainTo(all);
            keepProtocolLines(all);
            // 128 + 9: the JVM was ended by SIGKILL, with no shutdown hook or finally block run.
            assertEquals(137, victim.exitValue(), "round " + round + ": not ended by SIGKILL");

            // What the victim got done, from its own words.
            long lastInstalled = current;
            long pending = -1;
            boolean ready = false;
            for (Line line : all) {
                if (line.text().equals(CrashVictim.READY)) {
                    ready = true;
                } else if (line.text().startsWith(CrashVictim.INSTALLING)) {
                    pending = Long.parseLong(line.text().substring(CrashVictim.INSTALLING.length()));
                } else if (line.text().startsWith(CrashVictim.INSTALLED)) {
                    long version = Long.parseLong(line.text().substring(CrashVictim.INSTALLED.length()));
                    assertEquals(pending, version, "installed what it was not installing");
                    lastInstalled = version;
                    pending = -1;
                }
            }
            Moment moment = !ready ? Moment.STARTING
                    : pending >= 0 ? Moment.MID_INSTALL
                    : lastInstalled == current ? Moment.BEFORE_INSTALL
                    : Moment.BETWEEN_INSTALLS;
            moments.merge(moment, 1, Integer::sum);
            startupMillis = orElse(millisTo(all, CrashVictim.READY, spawned), startupMillis);
            long measuredFirst = installMillis(all, 0);
            if (measuredFirst == 0 && before.isEmpty() && moment == Moment.MID_INSTALL && withCatalog == 0) {
                // Every kill so far came before the first install could finish: on a busy machine an install
                // takes longer than the last estimate, so widen the window until one completes.
                firstInstallMillis = firstInstallMillis * 3 / 2;
            }
            firstInstallMillis = orElse(measuredFirst, firstInstallMillis);
            laterInstallMillis = orElse(installMillis(all, 1), laterInstallMillis);

            // The state the kill left, before and after opening.
            int catalogFilesBefore = catalogFiles(dir).size();
            String state = stateLeft(dir, pending);
            states.merge(state, 1, Integer::sum);
            CatalogDirectory directory = CatalogDirectory.open(dir);
            Optional<Catalog> loaded = directory.load();

            Set<Long> possible = new TreeSet<>();
            if (lastInstalled > 0) {
                possible.add(lastInstalled);
            }
            if (pending >= 0) {
                possible.add(pending);
            }
            String what = "round " + round + " (seed " + seed + "), killed " + moment.description
                    + ", target " + target + " +" + delay + " ms, leaving " + state + "; the victim said " + texts(all);
            if (loaded.isEmpty()) {
                assertTrue(lastInstalled == 0, what + ": no catalog after version " + lastInstalled
                        + " was installed");
                noCatalog++;
            } else {
                long version = loaded.get().version();
                assertTrue(possible.contains(version), what + ": version " + version + " is none of " + possible);
                Catalog expected = CrashVictim.expected(version);
                assertEquals(expected.services().size(), loaded.get().services().size(), what + ": service count");
                assertEquals(expected, loaded.get(), what + ": not version " + version + " whole");
                withCatalog++;
                if (version == pending) {
                    newVersionAfterMidInstallKill++;
                }
            }

            // Nothing left but the pointer, the lock and the file it names.
            Set<String> left = names(dir);
            Set<String> allowed = new TreeSet<>(Set.of(CatalogDirectory.POINTER, "install.lock"));
            List<String> catalogs = catalogFiles(dir);
            if (loaded.isPresent()) {
                assertEquals(1, catalogs.size(), what + ": catalog files " + left);
                allowed.add(catalogs.get(0));
                String pointer = Files.readString(dir.resolve(CatalogDirectory.POINTER), StandardCharsets.UTF_8).strip();
                assertEquals(pointer, catalogs.get(0), what + ": CURRENT names another file");
            } else {
                assertEquals(List.of(), catalogs, what + ": catalog files with no catalog " + left);
            }
            assertTrue(allowed.containsAll(left), what + ": left behind " + left);
            leftoversRemoved += Math.max(0, catalogFilesBefore - catalogs.size());

            log.add(String.format("round %2d: target %d +%4d ms, killed %-16s, left %-28s -> %s", round, target,
                    delay, moment, state, loaded.map(c -> "version " + c.version() + " (" + c.services().size() + " services)")
                            .orElse("no catalog")));
        }

        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        log.forEach(System.out::println);
        System.out.println("CatalogCrashTest: " + ROUNDS + " kills in " + seconds + " s; landed " + moments
                + "; afterwards no catalog " + noCatalog + ", a catalog " + withCatalog
                + " (the new version after a mid-install kill " + newVersionAfterMidInstallKill
                + "); directory states left " + states + "; stray catalog files removed at open " + leftoversRemoved
                + "; measured startup " + startupMillis + " ms, first install " + firstInstallMillis
                + " ms, later install " + laterInstallMillis + " ms");
        assertTrue(moments.getOrDefault(Moment.MID_INSTALL, 0) >= 3,
                "too few kills landed during an install to test anything: " + moments + ", seed " + seed);
        assertTrue(withCatalog > 0, "no install ever completed: " + moments + ", seed " + seed);
    }

    /** Writes the documents of the next versions and removes those that can no longer be installed. */
    private static void prepareDocuments(Path documents, long current) throws IOException {
        for (long version = 1; version <= current; version++) {
            Files.deleteIfExists(documents.resolve(CrashVictim.documentName(version)));
        }
        for (long version = current + 1; version <= current + DOCUMENTS_AHEAD; version++) {
            Path document = documents.resolve(CrashVictim.documentName(version));
            if (!Files.exists(document)) {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(document), 1 << 16)) {
                    CrashVictim.write(version, out);
                }
            }
        }
    }

    private static Process start(Path dir, Path documents, Path victimTemp, int round) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java,
                // Short-lived and on two cores: one collector thread and the quick compiler only.
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                // SQLite's native library is unpacked here; a killed JVM cannot delete it.
                "-Djava.io.tmpdir=" + victimTemp, "-Dorg.sqlite.tmpdir=" + victimTemp,
                "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"),
                CrashVictim.class.getName(), dir.toString(), documents.toString());
        return new ProcessBuilder(command)
                .directory(victimTemp.toFile())
                .redirectError(victimTemp.resolve("stderr-" + round + ".txt").toFile())
                .start();
    }

    /**
     * What the kill left, seen before {@link CatalogDirectory#open} tidies up: "clean", or any of a new
     * file CURRENT does not name (killed while streaming or forcing it), a pointer being written, CURRENT
     * naming the install in progress (killed after the rename), an old file not yet deleted, and journal,
     * WAL or shared-memory files of the current file or of another.
     */
    private static String stateLeft(Path dir, long pending) throws IOException {
        Path pointerFile = dir.resolve(CatalogDirectory.POINTER);
        String pointer = Files.exists(pointerFile)
                ? Files.readString(pointerFile, StandardCharsets.UTF_8).strip() : "";
        List<String> state = new ArrayList<>();
        if (!pointer.isEmpty() && version(pointer) == pending) {
            state.add("pointer-moved");
        }
        for (String name : names(dir)) {
            if (name.equals(CatalogDirectory.POINTER + ".tmp")) {
                state.add("pointer-tmp");
            } else if (name.startsWith("catalog-v") && !name.equals(pointer)) {
                String owner = !pointer.isEmpty() && name.startsWith(pointer) ? "current"
                        : version(name) == pending ? "unfinished-new" : "old";
                state.add(owner + (name.endsWith(".db") ? "-file" : name.substring(name.lastIndexOf('-'))));
            }
        }
        return state.isEmpty() ? "clean" : String.join("+", state);
    }

    private static long version(String catalogFile) {
        Matcher matcher = CATALOG_VERSION.matcher(catalogFile);
        return matcher.lookingAt() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static long orElse(long measured, long otherwise) {
        return measured > 0 ? measured : otherwise;
    }

    private static String stderr(Path victimTemp, int round) throws IOException {
        return Files.readString(victimTemp.resolve("stderr-" + round + ".txt"), StandardCharsets.UTF_8);
    }

    private static Thread readLines(Process victim, LinkedBlockingQueue<Line> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(new Line(line, System.nanoTime()));
                }
            } catch (IOException e) {
                // The pipe closes when the victim dies.
            }
        }, "crash-victim-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Waits for the {@code count}th line starting with {@code prefix}; fails if the victim ends first. */
    private static Line awaitLine(LinkedBlockingQueue<Line> lines, List<Line> all, String prefix, int count,
                                  Process victim) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINE_TIMEOUT_MILLIS);
        int seen = 0;
        while (System.nanoTime() < deadline) {
            Line line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!victim.isAlive()) {
                    break;
                }
                continue;
            }
            all.add(line);
            if (line.text().startsWith(prefix) && ++seen == count) {
                return line;
            }
        }
        throw new AssertionError("the victim did not print \"" + prefix + "\" " + count + " times; it said "
                + texts(all) + (victim.isAlive() ? "" : " and ended with " + victim.exitValue()));
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** Drops the victim's log lines. */
    private static void keepProtocolLines(List<Line> all) {
        all.removeIf(line -> !line.text().equals(CrashVictim.READY) && !line.text().equals(CrashVictim.DONE)
                && !line.text().startsWith(CrashVictim.INSTALLING) && !line.text().startsWith(CrashVictim.INSTALLED));
    }

    private static long millisTo(List<Line> all, String text, long since) {
        return all.stream().filter(line -> line.text().equals(text)).findFirst()
                .map(line -> TimeUnit.NANOSECONDS.toMillis(line.nanos() - since)).orElse(0L);
    }

    /** How long the {@code index}th install of this run took, or 0 if it did not end. */
    private static long installMillis(List<Line> all, int index) {
        int seen = -1;
        for (int i = 0; i + 1 < all.size(); i++) {
            if (all.get(i).text().startsWith(CrashVictim.INSTALLING) && ++seen == index) {
                Line next = all.get(i + 1);
                return next.text().startsWith(CrashVictim.INSTALLED)
                        ? TimeUnit.NANOSECONDS.toMillis(next.nanos() - all.get(i).nanos()) : 0;
            }
        }
        return 0;
    }

    private static List<String> texts(List<Line> all) {
        return all.stream().map(Line::text).toList();
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static List<String> catalogFiles(Path dir) throws IOException {
        return names(dir).stream().filter(name -> name.startsWith("catalog-v") && name.endsWith(".db")).toList();
    }
}
