package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.catalog.CatalogDirectory;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.catalog.bundle.Ed25519Keys;
import org.yizhan.model.Catalog;
import org.yizhan.server.BundlePublisher;
import org.yizhan.server.HallServer;
import org.yizhan.sync.CatalogSync;
import org.yizhan.sync.SyncSettings;
import org.yizhan.testing.TestCatalogs;

/** What the kiosk shows at start: the cache, a rebuilt cache, or the demo. */
class CatalogStartupTest {
    @TempDir
    Path dir;

    @Test
    void theFirstStartShowsTheDemoWithoutInstallingIt() throws Exception {
        CatalogDirectory catalogs = CatalogDirectory.open(dir.resolve("catalog"));
        CatalogSnapshot shown = CatalogStartup.load(catalogs, Optional.empty(), true);
        assertEquals(CatalogStartup.demo(), shown.catalog());
        assertEquals(Optional.empty(), catalogs.load(), "a demo in the cache would look like a real catalog to the sync");
    }

    @Test
    void aCachedCatalogIsShown() throws Exception {
        CatalogDirectory catalogs = CatalogDirectory.open(dir.resolve("catalog"));
        catalogs.install(TestCatalogs.small());
        assertEquals(TestCatalogs.small(), CatalogStartup.load(catalogs, Optional.empty(), true).catalog());
    }

    @Test
    void aDamagedCacheIsRebuiltFromTheLastGoodBundle() throws Exception {
        CatalogSync sync = syncedOnceFromAServerThatThenGoesAway();
        damage(dir.resolve("catalog"));

        Catalog shown = CatalogStartup.load(CatalogDirectory.open(dir.resolve("catalog")), Optional.of(sync), true).catalog();
        assertEquals(TestCatalogs.small(), shown, "rebuilt without the network, from the bundle kept in sync/");
        assertEquals(Optional.of(TestCatalogs.small()), CatalogDirectory.open(dir.resolve("catalog")).load());
    }

    @Test
    void aStopBetweenDiscardingAndRestoringIsMendedAtTheNextStart() throws Exception {
        CatalogSync sync = syncedOnceFromAServerThatThenGoesAway();
        CatalogDirectory catalogs = CatalogDirectory.open(dir.resolve("catalog"));
        catalogs.discard();
        assertEquals(TestCatalogs.small(), CatalogStartup.load(catalogs, Optional.of(sync), true).catalog());
    }

    @Test
    void aDamagedCacheWithoutABundleFallsBackToTheDemoAndIsCleared() throws Exception {
        CatalogDirectory catalogs = CatalogDirectory.open(dir.resolve("catalog"));
        catalogs.install(TestCatalogs.small());
        damage(dir.resolve("catalog"));
        assertEquals(CatalogStartup.demo(), CatalogStartup.load(catalogs, Optional.empty(), true).catalog());
        assertEquals(Optional.empty(), catalogs.load(), "the damaged file is no longer current");
    }

    @Test
    void aHallsKioskWithNothingToShowShowsNoCatalogRatherThanTheDemo() throws Exception {
        CatalogDirectory catalogs = CatalogDirectory.open(dir.resolve("catalog"));
        assertTrue(CatalogStartup.load(catalogs, Optional.empty(), false).isEmpty(), "first start of a hall's kiosk");
        catalogs.install(TestCatalogs.small());
        damage(dir.resolve("catalog"));
        assertTrue(CatalogStartup.load(catalogs, Optional.empty(), false).isEmpty(), "damaged, and nothing to rebuild from");
    }

    @Test
    void aDamagedCacheIsRebuiltWithTheKeyThatSignedItWhateverTheConfigTrustsNow() throws Exception {
        syncedOnceFromAServerThatThenGoesAway();
        damage(dir.resolve("catalog"));
        // Now, by a slip, the kiosk trusts another key (server.url=embedded left in, say).
        CatalogSync other = new CatalogSync(SyncSettings.of(java.net.URI.create("http://127.0.0.1:9/"),
                Ed25519Keys.generate().getPublic(), "").asDemoSource(), CatalogDirectory.open(dir.resolve("catalog")),
                dir.resolve("sync"), Clock.systemUTC());
        Catalog shown = CatalogStartup.load(CatalogDirectory.open(dir.resolve("catalog")), Optional.of(other), true).catalog();
        assertEquals(TestCatalogs.small(), shown, "the hall's own catalog, not the demo");
    }

    /** The small catalog, published, served and synced into {@code dir/catalog}; then the server stops. */
    private CatalogSync syncedOnceFromAServerThatThenGoesAway() throws Exception {
        KeyPair key = Ed25519Keys.generate();
        Path json = dir.resolve("small.json");
        CatalogJson.write(TestCatalogs.small(), json);
        BundlePublisher.publish(json, key.getPrivate(), dir.resolve("server/catalog"), "", Duration.ofDays(30),
                Clock.systemUTC());
        try (HallServer server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), dir.resolve("server"))) {
            CatalogSync sync = new CatalogSync(SyncSettings.of(server.baseUri(), key.getPublic(), ""),
                    CatalogDirectory.open(dir.resolve("catalog")), dir.resolve("sync"), Clock.systemUTC());
            assertEquals("applied version 7", sync.syncOnce().line());
            return sync;
        }
    }

    /** Overwrites the current catalog file with zeros, as a failing disk might. */
    private static void damage(Path catalogDir) throws Exception {
        try (Stream<Path> files = Files.list(catalogDir)) {
            Path db = files.filter(f -> f.getFileName().toString().endsWith(".db")).findFirst().orElseThrow();
            Files.write(db, new byte[(int) Files.size(db)]);
        }
        assertTrue(Files.exists(catalogDir.resolve("CURRENT")));
    }
}
