package org.yizhan.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.catalog.CatalogCache;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.model.Catalog;

/**
 * Where the catalog comes from at start: the SQLite cache in the data directory, or on the first
 * start (or a cache that cannot be read) the demo catalog bundled in the jar.
 */
final class CatalogStartup {

    static final String DEMO_CATALOG = "/assets/catalog/demo-catalog.json";
    static final String CACHE_FILE = "catalog.db";
    private static final Logger LOG = LoggerFactory.getLogger(CatalogStartup.class);

    private final Path dataDir;

    CatalogStartup(Path dataDir) {
        this.dataDir = dataDir;
    }

    CatalogSnapshot load() {
        Path file = dataDir.resolve(CACHE_FILE);
        try {
            CatalogCache cache = CatalogCache.open(file);
            var cached = cache.load();
            if (cached.isPresent()) {
                LOG.info("Catalog version {} read from {}", cached.get().version(), file);
                return new CatalogSnapshot(cached.get());
            }
            Catalog demo = demo();
            cache.replace(demo);
            LOG.info("First start: demo catalog version {} loaded into {}", demo.version(), file);
            return new CatalogSnapshot(demo);
        } catch (Exception e) {
            LOG.error("Catalog cache {} could not be used ({}); showing the bundled demo catalog", file, e.toString());
            return new CatalogSnapshot(demo());
        }
    }

    static Catalog demo() {
        try (InputStream in = CatalogStartup.class.getResourceAsStream(DEMO_CATALOG)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + DEMO_CATALOG);
            }
            return CatalogJson.read(in);
        } catch (IOException | org.yizhan.catalog.CatalogFormatException e) {
            throw new IllegalStateException("the bundled demo catalog is unreadable: " + e.getMessage(), e);
        }
    }
}
