package org.yizhan.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.model.Catalog;
import org.yizhan.storage.Database;

/**
 * The kiosk's cached catalogs: one SQLite file per installed version and a small pointer file,
 * {@code CURRENT}, naming the one in use. A new catalog is written to a new file, forced to the disk,
 * and only then does an atomic rename of the pointer make it current. An open database file is never
 * renamed or overwritten, and a crash or power cut at any instant leaves the old catalog or the new one,
 * whole. Files the pointer does not name are leftovers of an interrupted install and are removed.
 */
public final class CatalogDirectory {
    static final String POINTER = "CURRENT";
    private static final String LOCK = "install.lock";
    private static final Pattern CATALOG_FILE = Pattern.compile("catalog-v\\d+-\\d+\\.db(-wal|-shm|-journal)?");
    private static final Logger LOG = LoggerFactory.getLogger(CatalogDirectory.class);

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path dir;

    private CatalogDirectory(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating if needed) the directory and clears what an interrupted install left behind. */
    public static CatalogDirectory open(Path dir) throws IOException {
        Files.createDirectories(dir);
        CatalogDirectory directory = new CatalogDirectory(dir.toAbsolutePath());
        directory.removeLeftovers();
        return directory;
    }

    /** The folder, absolute: for a message about the disk it is on. */
    public Path dir() {
        return dir;
    }

    /**
     * The current catalog.
     *
     * @return empty if none was installed yet
     * @throws DamagedCacheException if the pointer is garbled or names a file that is missing, empty,
     *                               corrupt, fails SQLite's check or holds no catalog; {@link #discard(String)}
     *                               it and install again
     * @throws IOException           if the file could not be read just now (a full or read-only disk, a
     *                               lock): not damage, so nothing should be thrown away
     */
    public Optional<Catalog> load() throws DamagedCacheException, IOException {
        return load(outline -> { });
    }

    /**
     * As {@link #load()}, handing {@code outline} the catalog without its services' variants, materials and steps
     * first ({@link CatalogCache#load(java.util.function.Consumer)}), once the file has passed SQLite's check: the
     * kiosk shows its home screen from it. What is read after it can still find the file damaged.
     */
    public Optional<Catalog> load(java.util.function.Consumer<Catalog> outline) throws DamagedCacheException, IOException {
        if (pointerGarbled()) {
            throw new DamagedCacheException(POINTER, POINTER + " does not name a catalog file");
        }
        Optional<String> name = pointer();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Path file = dir.resolve(name.get());
        if (!Files.isRegularFile(file)) {
            throw new DamagedCacheException(name.get(), POINTER + " names " + name.get() + ", which is missing");
        }
        if (Files.size(file) == 0) {
            throw new DamagedCacheException(name.get(), name.get() + " is empty");
        }
        try {
            CatalogCache cache = CatalogCache.openExisting(file);
            String check = cache.database().quickCheck();
            if (!"ok".equals(check)) {
                throw new DamagedCacheException(name.get(), name.get() + " fails SQLite's check: " + check);
            }
            return Optional.of(cache.load(outline).orElseThrow(
                    () -> new DamagedCacheException(name.get(), name.get() + " holds no catalog")));
        } catch (SQLException e) {
            if (Database.isCorruption(e)) {
                throw new DamagedCacheException(name.get(), name.get() + " is corrupt: " + e.getMessage(), e);
            }
            throw new IOException(name.get() + " cannot be read now: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // A row that no longer maps to a record (e.g. an enum name that was flipped on the disk).
            throw new DamagedCacheException(name.get(), name.get() + " holds unreadable data: " + e, e);
        }
    }

    /** The current catalog's version; empty if there is none or it cannot be read. */
    public OptionalLong version() {
        try {
            return installed().map(i -> OptionalLong.of(i.version())).orElse(OptionalLong.empty());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The current catalog's version, sample flag and publisher. Remembered per file, so the frequent
     * "anything newer?" poll reads only the pointer; another process's install changes the pointer and so
     * is noticed.
     *
     * @return empty if none is installed, or if the pointer or the file it names is damaged (a rebuild is due)
     * @throws IOException if the file is there but cannot be read just now: not the same as having none
     */
    public Optional<InstalledCatalog> installed() throws IOException {
        Optional<String> name = pointer();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Known known = this.known;
        if (known != null && known.file().equals(name.get())) {
            return Optional.of(known.catalog());
        }
        Path file = dir.resolve(name.get());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Optional<InstalledCatalog> installed = CatalogCache.openExisting(file).installed();
            installed.ifPresent(i -> this.known = new Known(name.get(), i));
            return installed;
        } catch (SQLException e) {
            if (Database.isCorruption(e)) {
                return Optional.empty();
            }
            throw new IOException(name.get() + " cannot be read now: " + e.getMessage(), e);
        }
    }

    private record Known(String file, InstalledCatalog catalog) {
    }

    private volatile Known known;

    /**
     * Streams the catalog document {@code json} into a new file and makes it current, unless the current
     * catalog's version is already {@code version} or higher.
     *
     * @param version   the version the document must carry (e.g. the one a signed index promised)
     * @param publisher the key id of the publisher that signed it, recorded with it
     * @return true if installed, false if the current catalog was as new or newer
     * @throws CatalogFormatException if the document is not a valid catalog of {@code version}; nothing changes
     */
    public synchronized boolean installIfNewer(InputStream json, long version, String publisher)
            throws CatalogFormatException, IOException {
        return locked(() -> {
            OptionalLong current = version();
            if (current.isPresent() && current.getAsLong() >= version) {
                return false;
            }
            installDocument(json, version, publisher);
            return true;
        });
    }

    /**
     * As {@link #installIfNewer}, but whatever the current version: for a catalog that may replace the
     * current one whatever its version (see the sync's publisher rules), or to rebuild a discarded cache.
     */
    public synchronized void installReplacing(InputStream json, long version, String publisher)
            throws CatalogFormatException, IOException {
        locked(() -> {
            installDocument(json, version, publisher);
            return null;
        });
    }

    private void installDocument(InputStream json, long version, String publisher)
            throws CatalogFormatException, IOException {
        install(version, cache -> {
            CatalogMeta meta = cache.writeFrom(json);
            if (meta.version() != version) {
                throw new CatalogFormatException("the catalog has version " + meta.version()
                        + " but was announced as version " + version);
            }
            cache.recordPublisher(publisher);
        });
    }

    /** Makes {@code catalog} current whatever the current version: for the demo catalog or a rebuild. */
    public synchronized void install(Catalog catalog) throws IOException {
        try {
            locked(() -> {
                install(catalog.version(), cache -> cache.replace(catalog));
                return null;
            });
        } catch (CatalogFormatException e) {
            throw new IllegalStateException("replace does not read a document", e);
        }
    }

    /** Forgets the current catalog, whatever it is. */
    public synchronized void discard() throws IOException {
        discard(pointer().orElse(POINTER));
    }

    /**
     * Forgets the damaged catalog {@code name} (as {@link DamagedCacheException#file()} names it), so that
     * another can be installed; does nothing if meanwhile another install has made a different file current.
     */
    public synchronized void discard(String name) throws IOException {
        try {
            locked(() -> {
                boolean current = name.equals(POINTER) ? pointerGarbled() || pointer().isEmpty()
                        : pointer().filter(name::equals).isPresent();
                if (!current) {
                    return null;
                }
                Files.deleteIfExists(dir.resolve(POINTER));
                AtomicFiles.forceDirectory(dir);
                if (!name.equals(POINTER)) {
                    deleteQuietly(name);
                }
                known = null;
                return null;
            });
        } catch (CatalogFormatException e) {
            throw new IllegalStateException("discarding reads no document", e);
        }
    }

    private interface Filling {
        void fill(CatalogCache cache) throws SQLException, CatalogFormatException, IOException;
    }

    private void install(long version, Filling filling) throws CatalogFormatException, IOException {
        Optional<String> old = pointer();
        // Time and a random part: the same version may be installed twice in one millisecond, or after the
        // clock stepped back.
        String name = "catalog-v" + version + "-" + System.currentTimeMillis()
                + String.format("%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000)) + ".db";
        Path file = dir.resolve(name);
        boolean created = false;
        boolean done = false;
        try {
            long start = System.nanoTime();
            Database database = BulkLoad.create(file);
            created = true;
            filling.fill(new CatalogCache(database));
            long filled = System.nanoTime();
            BulkLoad.finish(file);
            writePointer(name);
            done = true;
            LOG.info("catalog version {} written in {} ms, made durable in {} ms", version,
                    (filled - start) / 1_000_000, (System.nanoTime() - filled) / 1_000_000);
        } catch (SQLException e) {
            throw new IOException("the catalog cache cannot be written: " + e.getMessage(), e);
        } finally {
            if (created && !done) {
                deleteQuietly(name);
            }
        }
        LOG.info("catalog version {} installed as {}", version, name);
        old.filter(o -> !o.equals(name)).ifPresent(this::deleteQuietly);
    }

    /** The pointer file's content; empty if there is none, "" if it cannot be read. */
    private Optional<String> pointerText() {
        try {
            return Optional.of(Files.readString(dir.resolve(POINTER), StandardCharsets.UTF_8).strip());
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.of("");
        }
    }

    /** The file the pointer names. */
    private Optional<String> pointer() {
        return pointerText().filter(name -> CATALOG_FILE.matcher(name).matches());
    }

    /** A pointer file that exists but names no catalog file: damage, not a first start. */
    private boolean pointerGarbled() {
        return pointerText().filter(name -> !CATALOG_FILE.matcher(name).matches()).isPresent();
    }

    private void writePointer(String name) throws IOException {
        AtomicFiles.write(dir.resolve(POINTER), AtomicFiles.Readers.EVERYONE, (name + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void removeLeftovers() throws IOException {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(dir, d -> new ReentrantLock());
        if (!inProcess.tryLock()) {
            return; // this process is installing right now; that install cleans up after itself
        }
        try (FileChannel lockFile = FileChannel.open(dir.resolve(LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock != null) {
                removeLeftoversLocked();
            }
        } finally {
            inProcess.unlock();
        }
    }

    private interface Locked<T> {
        T run() throws CatalogFormatException, IOException;
    }

    /**
     * Runs an install holding the directory's lock file, so a {@code yizhan sync} beside a running kiosk
     * waits its turn. Within one process a plain lock comes first: closing any channel on the lock file
     * would drop the process's file lock, so only the holder of this lock ever opens one.
     */
    private <T> T locked(Locked<T> work) throws CatalogFormatException, IOException {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(dir, d -> new ReentrantLock());
        inProcess.lock();
        try (FileChannel lockFile = FileChannel.open(dir.resolve(LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.lock();
            try {
                return work.run();
            } finally {
                lock.release();
            }
        } finally {
            inProcess.unlock();
        }
    }

    private void removeLeftoversLocked() throws IOException {
        if (pointerGarbled()) {
            return; // which file is current is unknown: keep them all for load() to report
        }
        String current = pointer().orElse("");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean ours = CATALOG_FILE.matcher(name).matches()
                        || name.startsWith(POINTER + ".") && name.endsWith(".tmp");
                if (ours && !name.startsWith(current.isEmpty() ? "\0" : current)) {
                    LOG.info("removing {}, left by an interrupted install", name);
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private void deleteQuietly(String name) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Path file = dir.resolve(name + suffix);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Another process may still have it open (Windows); the next start removes it.
                LOG.warn("cannot remove {} yet: {}", file, e.toString());
            }
        }
    }
}
