package org.yizhan.app;

import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.catalog.CatalogDirectory;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.catalog.DamagedCacheException;
import org.yizhan.config.KioskConfig;
import org.yizhan.model.Catalog;
import org.yizhan.search.EverydayWords;
import org.yizhan.search.SearchIndex;

/**
 * The installed catalog and its search index, read on threads of their own from the moment the configuration is
 * known: {@link KioskApp} begins it before JavaFX starts, so the reading overlaps the toolkit's start, the fonts and
 * the shell's building. It comes in two steps (bench startup: on two cores, every bit of work before the first frame
 * delays it): the {@linkplain #outline outline} (the catalog with only its services' plain columns), which is all the
 * home screen needs; then, once the kiosk says the home screen is drawn ({@link #homeShown}), the rest of the
 * catalog, the everyday words and the search index. What it cannot read (a damaged cache, or none installed after a
 * sync ran) it leaves to the kiosk, which then waits for its sync to restore one.
 */
final class CatalogReadAhead {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogReadAhead.class);

    /** The whole catalog and its index. */
    record Read(CatalogSnapshot snapshot, SearchIndex index) {
    }

    private final KioskConfig config;
    private final boolean firstRun;
    private final CompletableFuture<Optional<CatalogSnapshot>> outline = new CompletableFuture<>();
    private final CompletableFuture<Void> homeShown = new CompletableFuture<>();
    private final CompletableFuture<EverydayWords> words;
    private final CompletableFuture<Optional<Read>> installed;

    private CatalogReadAhead(KioskConfig config, java.util.concurrent.CompletionStage<?> alsoAfter) {
        this.config = config;
        // Before the sync is built: it makes its folder, and a folder there means a last good bundle may be.
        firstRun = !Files.exists(config.dataDir().resolve(CatalogSetup.SYNC_DIR));
        words = homeShown.thenCombine(alsoAfter, (shown, also) -> shown).thenApplyAsync(done -> {
            // The JSON mapper first (0.2 s to make, cold, and 400 classes): the rest of the rows' JSON columns need it,
            // the outline does not.
            org.yizhan.json.Json.mapper().getTypeFactory();
            EverydayWords w = Kiosk.everydayWords(config.everydayWords());
            SearchIndex.preload(w); // beside the rest of the catalog's reading, not after it
            return w;
        }, CatalogReadAhead::thread);
        installed = CompletableFuture.supplyAsync(this::readAll, CatalogReadAhead::thread)
                .thenCombine(words, (catalog, w) -> catalog.map(c -> new Read(c, SearchIndex.build(c.catalog(), w))));
    }

    static CatalogReadAhead begin(KioskConfig config) {
        return new CatalogReadAhead(config, CompletableFuture.completedFuture(null));
    }

    /** As {@link #begin}, the index also waiting for {@code alsoAfter}: for a test of what a citizen sees before it. */
    static CatalogReadAhead begin(KioskConfig config, java.util.concurrent.CompletionStage<?> alsoAfter) {
        return new CatalogReadAhead(config, alsoAfter);
    }

    /**
     * Blocks until the outline the home screen is built from is read: the installed catalog with only its services'
     * plain columns, for no other screen (on a first run on the embedded server, the whole demo); empty if there is none
     * to read ahead, and the kiosk must wait for its sync to restore one (or show none).
     */
    Optional<CatalogSnapshot> outline() {
        return outline.join();
    }

    /**
     * The kiosk's home screen is drawn from the outline (or the kiosk closes): the rest of the catalog and the index
     * may have the cores now. Any thread; once is enough.
     */
    void homeShown() {
        homeShown.complete(null);
    }

    /** Blocks until the dictionary is read (the shipped one and the hall's); only after {@link #homeShown}. */
    EverydayWords words() {
        return words.join();
    }

    /**
     * Blocks until the whole catalog and its index are there: the installed one, or on a first run on the embedded
     * server the demo; empty if the kiosk must wait for its sync to restore one (or show none).
     */
    Optional<Read> installed() {
        return installed.join();
    }

    private Optional<CatalogSnapshot> readAll() {
        Optional<CatalogSnapshot> read = Optional.empty();
        try {
            read = read();
            return read;
        } finally {
            // Nothing to show ahead (or the whole catalog came at once): nothing to wait for either.
            if (outline.complete(read) && read.isEmpty()) {
                homeShown();
            }
        }
    }

    /**
     * The installed catalog, its outline offered first; on the very first start of a kiosk on the embedded server (none
     * installed, no sync yet to restore one from), the demo that stands in for it; empty for a damaged or unreadable
     * cache.
     */
    private Optional<CatalogSnapshot> read() {
        Optional<Catalog> cached;
        try {
            cached = CatalogDirectory.open(config.dataDir().resolve(CatalogSetup.CATALOG_DIR)).load(first -> {
                outline.complete(Optional.of(new CatalogSnapshot(first)));
                homeShown.join();
            });
        } catch (DamagedCacheException | java.io.IOException | RuntimeException e) {
            return Optional.empty(); // the kiosk's slow path reports it and mends what it can
        }
        if (cached.isPresent()) {
            LOG.info("catalog version {} read from the cache", cached.get().version());
            return Optional.of(new CatalogSnapshot(cached.get()));
        }
        if (firstRun && config.embeddedServer()) {
            LOG.info("no catalog in the cache yet");
            return Optional.of(CatalogStartup.standIn(true));
        }
        return Optional.empty();
    }

    private static void thread(Runnable work) {
        Thread t = new Thread(work, "yizhan-catalog-read");
        t.setDaemon(true);
        t.start();
    }
}
