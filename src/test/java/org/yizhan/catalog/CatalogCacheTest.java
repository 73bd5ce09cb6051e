package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.model.Catalog;
import org.yizhan.storage.Database;

class CatalogCacheTest {
    @TempDir
    Path dir;
    private Database database;
    private CatalogCache cache;

    @BeforeEach
    void open() throws Exception {
        database = StoreFixture.database(dir);
        cache = new CatalogCache(database);
    }

    @Test
    void aNewCacheHoldsNoCatalog() throws Exception {
        assertEquals(Optional.empty(), cache.load());
        assertEquals(OptionalLong.empty(), cache.version());
    }

    @Test
    void replaceThenLoadGivesAnEqualCatalog() throws Exception {
        cache.replace(TestCatalogs.rich(3));
        assertEquals(Optional.of(TestCatalogs.rich(3)), cache.load());
        assertEquals(OptionalLong.of(3), cache.version());
    }

    @Test
    void theOutlineComesFirstWithTheServicesPlainColumnsOnlyThenTheWholeCatalog() throws Exception {
        Catalog rich = TestCatalogs.rich(3);
        cache.replace(rich);
        List<Catalog> outlines = new java.util.ArrayList<>();
        Optional<Catalog> whole = cache.load(outlines::add);
        assertEquals(Optional.of(rich), whole);
        assertEquals(1, outlines.size());
        Catalog outline = outlines.get(0);
        assertEquals(List.of(rich.version(), rich.title(), rich.notice(), rich.sample()),
                List.of(outline.version(), outline.title(), outline.notice(), outline.sample()));
        assertEquals(rich.themes(), outline.themes());
        assertEquals(rich.departments(), outline.departments());
        assertEquals(rich.services().size(), outline.services().size());
        for (int i = 0; i < rich.services().size(); i++) {
            org.yizhan.model.Service full = rich.services().get(i);
            org.yizhan.model.Service plain = outline.services().get(i);
            assertEquals(List.of(full.id(), full.name(), full.departmentId(), full.code(), full.consultPhone()),
                    List.of(plain.id(), plain.name(), plain.departmentId(), plain.code(), plain.consultPhone()));
            assertEquals(full.visits(), plain.visits());
            assertEquals(List.of(List.of(), List.of(), List.of(), List.of(), List.of()), List.of(plain.materials(),
                    plain.steps(), plain.variants(), plain.themeIds(), plain.keywords()));
        }
        assertTrue(rich.services().stream().anyMatch(s -> !s.materials().isEmpty() && !s.themeIds().isEmpty()),
                "the test catalog has parts the outline leaves out");
    }

    @Test
    void noCatalogNoOutline() throws Exception {
        List<Catalog> outlines = new java.util.ArrayList<>();
        assertEquals(Optional.empty(), cache.load(outlines::add));
        assertEquals(List.of(), outlines);
    }

    @Test
    void theCatalogSurvivesReopeningTheFile() throws Exception {
        cache.replace(TestCatalogs.rich(3));
        assertEquals(Optional.of(TestCatalogs.rich(3)), CatalogCache.open(dir.resolve("cache.db")).load());
    }

    @Test
    void replacingTwiceKeepsOnlyTheSecond() throws Exception {
        cache.replace(TestCatalogs.rich(1));
        Catalog second = new Catalog(2, Instant.parse("2026-12-01T00:00:00Z"), "第二版", false, "", List.of(),
                List.of(TestCatalogs.MARKET), List.of(TestCatalogs.minimal("only", "唯一事项", "scjgj")));
        cache.replace(second);
        assertEquals(Optional.of(second), cache.load());
        database.inReadTransaction(connection -> {
            assertEquals(0, StoreFixture.count(connection, "material"));
            assertEquals(0, StoreFixture.count(connection, "theme"));
            assertEquals(1, StoreFixture.count(connection, "service"));
            return null;
        });
    }

    @Test
    void aFailedReplaceKeepsTheOldCatalogWhole() throws Exception {
        cache.replace(TestCatalogs.rich(1));
        // Valid up to its last service, whose department does not exist: the failure comes mid-way.
        Catalog broken = new Catalog(2, Instant.EPOCH, "", false, "", List.of(), List.of(TestCatalogs.POLICE),
                List.of(TestCatalogs.minimal("a", "甲", "gaj"), TestCatalogs.minimal("b", "乙", "nowhere")));
        assertThrows(SQLException.class, () -> cache.replace(broken));
        assertEquals(Optional.of(TestCatalogs.rich(1)), cache.load());
    }

    @Test
    void replaceIfNewerOnlyEverMovesUp() throws Exception {
        assertTrue(cache.replaceIfNewer(TestCatalogs.rich(5)), "an empty cache takes any catalog");
        assertFalse(cache.replaceIfNewer(TestCatalogs.rich(5)));
        assertFalse(cache.replaceIfNewer(TestCatalogs.large(4, 3)));
        assertEquals(Optional.of(TestCatalogs.rich(5)), cache.load());
        assertTrue(cache.replaceIfNewer(TestCatalogs.large(6, 3)));
        assertEquals(OptionalLong.of(6), cache.version());
    }

    @Test
    void aReaderSeesTheOldCatalogWhileAReplaceIsUnderWay() throws Exception {
        cache.replace(TestCatalogs.rich(1));
        CountDownLatch halfWritten = new CountDownLatch(1);
        CountDownLatch readDone = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                database.inTransaction(connection -> {
                    new StepStore().deleteAll(connection);
                    new MaterialStore().deleteAll(connection);
                    halfWritten.countDown();
                    await(readDone);
                    throw new SQLException("power cut");
                });
            } catch (SQLException expected) {
                // the rollback is the point
            }
        });
        assertTrue(halfWritten.await(10, TimeUnit.SECONDS));
        assertEquals(Optional.of(TestCatalogs.rich(1)), cache.load());
        readDone.countDown();
        writer.get(10, TimeUnit.SECONDS);
        assertEquals(Optional.of(TestCatalogs.rich(1)), cache.load());
    }

    @Test
    void storesAndLoadsTwoThousandFiveHundredServicesQuickly() throws Exception {
        Catalog large = TestCatalogs.large(9, 2_500);
        long start = System.nanoTime();
        cache.replace(large);
        Duration replace = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        Optional<Catalog> loaded = cache.load();
        Duration load = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Optional.of(large), loaded);
        // Generous bounds for a slow two-core machine; an N+1 load takes far longer than this.
        assertTrue(replace.toMillis() < 15_000, "replace took " + replace);
        assertTrue(load.toMillis() < 5_000, "load took " + load);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
