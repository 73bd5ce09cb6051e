package org.yizhan.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.catalog.CatalogDirectory;
import org.yizhan.catalog.CatalogFormatException;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.catalog.DamagedCacheException;
import org.yizhan.model.Catalog;
import org.yizhan.sync.CatalogSync;

/**
 * What the kiosk shows at start, at once and without the network: the cached catalog; if its file is
 * damaged, the last good bundle installed again. Failing both, or on the very first start, a kiosk on the
 * embedded demo server shows the demo catalog bundled in the jar, from memory, until its first sync; a
 * kiosk set up for a hall shows no catalog (the home screen says so) rather than a fictional county's.
 */
final class CatalogStartup {

    static final String DEMO_CATALOG = "/assets/catalog/demo-catalog.json";
    private static final Logger LOG = LoggerFactory.getLogger(CatalogStartup.class);

    private CatalogStartup() {
    }

    /**
     * @param demo whether the bundled demo may stand in while no catalog can be shown
     *             ({@code server.url=embedded}); otherwise an empty catalog does
     */
    static CatalogSnapshot load(CatalogDirectory catalogs, Optional<CatalogSync> sync, boolean demo) {
        try {
            Optional<Catalog> cached = catalogs.load();
            if (cached.isPresent()) {
                LOG.info("catalog version {} read from the cache", cached.get().version());
                return new CatalogSnapshot(cached.get());
            }
            // Nothing installed: a first start, or a stop between discarding a damaged file and restoring.
            Optional<Catalog> restored = restore(catalogs, sync);
            if (restored.isPresent()) {
                return new CatalogSnapshot(restored.get());
            }
        } catch (DamagedCacheException e) {
            LOG.error("the catalog cache is damaged ({}); rebuilding it", e.getMessage());
            try {
                catalogs.discard(e.file());
                Optional<Catalog> restored = restore(catalogs, sync);
                if (restored.isPresent()) {
                    return new CatalogSnapshot(restored.get());
                }
                LOG.warn("no last good bundle to rebuild the cache from; the next sync fetches the catalog again");
            } catch (IOException | DamagedCacheException again) {
                LOG.error("the catalog cache could not be rebuilt: {}", again.getMessage());
            }
        } catch (IOException e) {
            // Not damage (a full or read-only disk, a lock): keep the file; the next sync reads it again.
            LOG.error("the catalog cache cannot be read now ({})", e.getMessage());
            return standIn(demo);
        }
        LOG.info("no catalog in the cache yet");
        return standIn(demo);
    }

    /** What is shown until a sync brings a catalog (or the cache reads again). */
    static CatalogSnapshot standIn(boolean demo) {
        if (demo) {
            LOG.info("showing the bundled demo catalog until a sync brings one");
            return new CatalogSnapshot(demo());
        }
        LOG.warn("no catalog to show until a sync brings one; the home screen says the catalog is unavailable");
        return CatalogSnapshot.empty();
    }

    private static Optional<Catalog> restore(CatalogDirectory catalogs, Optional<CatalogSync> sync)
            throws IOException, DamagedCacheException {
        if (sync.isPresent() && sync.get().restoreLastGood()) {
            return catalogs.load();
        }
        return Optional.empty();
    }

    static Catalog demo() {
        try (InputStream in = CatalogStartup.class.getResourceAsStream(DEMO_CATALOG)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + DEMO_CATALOG);
            }
            return CatalogJson.read(in);
        } catch (IOException | CatalogFormatException e) {
            throw new IllegalStateException("the bundled demo catalog is unreadable: " + e.getMessage(), e);
        }
    }
}
