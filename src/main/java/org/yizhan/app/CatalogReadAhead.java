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
 * the shell's building (bench startup: these are most of the time to the first frame). What it cannot read (a damaged
 * cache, or none installed after a sync ran) it leaves to the kiosk, which then waits for its sync to restore one.
 */
final class CatalogReadAhead {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogReadAhead.class);

    /** What the home screen needs: the catalog and its index. */
    record Read(CatalogSnapshot snapshot, SearchIndex index) {
    }

    private final boolean firstRun;
    private final CompletableFuture<EverydayWords> words;
    private final CompletableFuture<Optional<Read>> installed;

    private CatalogReadAhead(KioskConfig config) {
        // Before the sync is built: it makes its folder, and a folder there means a last good bundle may be.
        firstRun = !Files.exists(config.dataDir().resolve(CatalogSetup.SYNC_DIR));
        words = CompletableFuture.supplyAsync(() -> {
            // The JSON mapper first (0.2 s to make, cold): the catalog's rows need it once SQLite's native library,
            // which their thread loads first, is in (0.5 s).
            org.yizhan.json.Json.mapper().getTypeFactory();
            EverydayWords w = Kiosk.everydayWords(config.everydayWords());
            SearchIndex.preload(w); // beside the catalog's reading, not after it
            return w;
        }, CatalogReadAhead::thread);
        installed = CompletableFuture.supplyAsync(() -> read(config, firstRun), CatalogReadAhead::thread)
                .thenCombine(words, (catalog, w) -> catalog.map(c -> new Read(c, SearchIndex.build(c.catalog(), w))));
    }

    static CatalogReadAhead begin(KioskConfig config) {
        return new CatalogReadAhead(config);
    }

    /** Blocks until the dictionary is read (the shipped one and the hall's). */
    EverydayWords words() {
        return words.join();
    }

    /**
     * Blocks until the catalog to show and its index are there: the installed one, or on a first run on the embedded
     * server the demo; empty if the kiosk must wait for its sync to restore one (or show none).
     */
    Optional<Read> installed() {
        return installed.join();
    }

    /**
     * The installed catalog; on the very first start of a kiosk on the embedded server (none installed, no sync yet
     * to restore one from), the demo that stands in for it; empty for a damaged or unreadable cache.
     */
    private static Optional<CatalogSnapshot> read(KioskConfig config, boolean firstRun) {
        Optional<Catalog> cached;
        try {
            cached = CatalogDirectory.open(config.dataDir().resolve(CatalogSetup.CATALOG_DIR)).load();
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
