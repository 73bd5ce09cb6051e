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
 * the shell's building (bench startup: these are most of the time to the first frame). What it cannot read (no
 * catalog installed, a damaged cache) it leaves to the kiosk, which then waits for its sync to restore one.
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
            EverydayWords w = Kiosk.everydayWords(config.everydayWords());
            SearchIndex.preload(w); // beside the catalog's reading, not after it
            return w;
        }, CatalogReadAhead::thread);
        installed = CompletableFuture.supplyAsync(() -> read(config), CatalogReadAhead::thread)
                .thenCombine(words, (catalog, w) -> catalog.map(c -> new Read(c, SearchIndex.build(c.catalog(), w))));
    }

    static CatalogReadAhead begin(KioskConfig config) {
        return new CatalogReadAhead(config);
    }

    /** No catalog was installed and the sync never ran: nothing to restore, the demo may stand in at once. */
    boolean firstRun() {
        return firstRun;
    }

    /** Blocks until the dictionary is read (the shipped one and the hall's). */
    EverydayWords words() {
        return words.join();
    }

    /** Blocks until the installed catalog and its index are there; empty if none could be read. */
    Optional<Read> installed() {
        return installed.join();
    }

    private static Optional<CatalogSnapshot> read(KioskConfig config) {
        try {
            Optional<Catalog> cached = CatalogDirectory.open(config.dataDir().resolve(CatalogSetup.CATALOG_DIR)).load();
            cached.ifPresent(c -> LOG.info("catalog version {} read from the cache", c.version()));
            return cached.map(CatalogSnapshot::new);
        } catch (DamagedCacheException | java.io.IOException | RuntimeException e) {
            return Optional.empty(); // the kiosk's slow path reports it and mends what it can
        }
    }

    private static void thread(Runnable work) {
        Thread t = new Thread(work, "yizhan-catalog-read");
        t.setDaemon(true);
        t.start();
    }
}
