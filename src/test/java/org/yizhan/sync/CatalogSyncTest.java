package org.yizhan.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.sync.SyncFixture.NOW;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.bundle.BundleIndex;
import org.yizhan.model.Catalog;

/** Sync against a real hall server on loopback: the good paths, then each attack or fault. */
class CatalogSyncTest {
    @TempDir
    Path dir;
    SyncFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new SyncFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** Applies version 3, so that each attack below has a catalog to keep. */
    private void haveVersion3() throws Exception {
        f.publish(3);
        SyncOutcome first = f.sync(NOW).syncOnce();
        assertEquals(SyncOutcome.Kind.APPLIED, first.kind(), first.line());
    }

    private void assertKeptVersion3(SyncOutcome outcome, SyncOutcome.Kind kind, String reasonPart) throws Exception {
        assertEquals(kind, outcome.kind(), outcome.line());
        assertTrue(outcome.reason().contains(reasonPart), outcome.reason());
        assertEquals(3, outcome.version());
        assertEquals(Optional.of(SyncFixture.catalog(3)), f.catalogs.load());
        assertTrue(outcome.line().startsWith("rejected: ") && outcome.line().endsWith("(kept version 3)"), outcome.line());
        assertTrue(Files.readString(f.syncDir.resolve(LastGoodBundle.LAST_SYNC)).strip().endsWith(outcome.line()),
                "the technician finds the reason in data.dir/sync/last-sync.txt too");
    }

    @Test
    void theFirstSyncAppliesThePublishedCatalog() throws Exception {
        f.publish(3);
        SyncOutcome outcome = f.sync(NOW).syncOnce();
        assertEquals("applied version 3", outcome.line());
        assertEquals(Optional.of(SyncFixture.catalog(3)), f.catalogs.load());
    }

    @Test
    void theCatalogsTranslationsArriveWithIt() throws Exception {
        Catalog c = SyncFixture.catalog(3);
        Catalog translated = new Catalog(c.version(), c.generatedAt(), c.title(), c.sample(), c.notice(), c.themes(),
                c.departments(), c.services(), new org.yizhan.model.Translations(java.util.Map.of(
                        "services/gaj-sfz-hl/name", java.util.Map.of("en", "Renewing a resident ID card", "zh-Hant", "居民身份證換領"),
                        "departments/mzj/name", java.util.Map.of("en", "Civil Affairs Bureau"))));
        f.publish(translated, SyncFixture.KEY, f.published);
        SyncOutcome outcome = f.sync(NOW).syncOnce();
        assertEquals("applied version 3", outcome.line());
        assertEquals(Optional.of(translated), f.catalogs.load());
        assertEquals(Optional.of("Renewing a resident ID card"),
                f.catalogs.load().orElseThrow().translations().text("services/gaj-sfz-hl/name", "en"));
    }

    @Test
    void nothingNewIsA304AndCostsNoDownload() throws Exception {
        haveVersion3();
        assertTrue(Files.exists(f.syncDir.resolve("index.etag")), "the ETag is kept for the next poll");
        SyncOutcome outcome = f.sync(NOW).syncOnce();
        assertEquals("not modified (version 3)", outcome.line());
        assertEquals(Optional.of(SyncFixture.catalog(3)), f.catalogs.load());
    }

    @Test
    void aNewerVersionReplacesTheCatalog() throws Exception {
        haveVersion3();
        f.publish(4);
        assertEquals("applied version 4", f.sync(NOW).syncOnce().line());
        assertEquals(Optional.of(SyncFixture.catalog(4)), f.catalogs.load());
        assertTrue(Files.exists(f.syncDir.resolve("catalog-v4.json.gz")), "the last good bundle is kept");
        assertTrue(!Files.exists(f.syncDir.resolve("catalog-v3.json.gz")), "older bundles are not");
    }

    @Test
    void anAlteredSignatureIsRefused() throws Exception {
        haveVersion3();
        f.publish(4);
        Path index = f.published.resolve(BundleIndex.FILE_NAME);
        BundleIndex signed = BundleIndex.parse(Files.readAllBytes(index));
        // Same signature, but the index now claims a later expiry: the signed text no longer matches.
        BundleIndex altered = new BundleIndex(signed.catalogVersion(), signed.publishedAt(),
                signed.expiresAt().plus(Duration.ofDays(365)), signed.hall(), signed.file(), signed.length(),
                signed.sha256(), signed.jsonLength(), signed.keyId(), signed.signature());
        Files.write(index, altered.toJson());
        assertKeptVersion3(f.sync(NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "signature is not valid");
    }

    @Test
    void aBundleSignedWithAnotherKeyIsRefused() throws Exception {
        haveVersion3();
        f.publish(SyncFixture.catalog(4), SyncFixture.OTHER_KEY, f.published);
        assertKeptVersion3(f.sync(NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "this kiosk trusts key");
    }

    @Test
    void aFlippedByteInTheCatalogIsRefused() throws Exception {
        haveVersion3();
        BundleIndex index = f.publish(4);
        Path file = f.published.resolve(index.file());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertKeptVersion3(f.sync(NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "SHA-256");
    }

    @Test
    void aCatalogFileLongerThanSignedIsCutOffAndRefused() throws Exception {
        haveVersion3();
        BundleIndex index = f.publish(4);
        Files.write(f.published.resolve(index.file()), new byte[4096], java.nio.file.StandardOpenOption.APPEND);
        assertKeptVersion3(f.sync(NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "longer than");
    }

    @Test
    void aCatalogFileShorterThanSignedIsRefused() throws Exception {
        haveVersion3();
        BundleIndex index = f.publish(4);
        Path file = f.published.resolve(index.file());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertKeptVersion3(f.sync(NOW).syncOnce(), SyncOutcome.Kind.UNREACHABLE, "truncated");
    }

    @Test
    void anOlderVersionIsARollbackAndRefused() throws Exception {
        haveVersion3();
        serveAnOldPublicationOfVersion2();
        assertKeptVersion3(f.sync(NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "rollback");
    }

    @Test
    void aLostLastGoodIndexDoesNotLiftTheRollbackCheck() throws Exception {
        haveVersion3();
        Files.delete(f.syncDir.resolve(BundleIndex.FILE_NAME));
        serveAnOldPublicationOfVersion2();
        assertKeptVersion3(f.sync(NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "rollback");
    }

    @Test
    void anExpiredIndexIsRefused() throws Exception {
        haveVersion3();
        f.publish(4);
        assertKeptVersion3(f.sync(NOW.plus(Duration.ofDays(31))).syncOnce(), SyncOutcome.Kind.REJECTED, "expired");
    }

    @Test
    void aServerAnswering304ForeverCannotFreezeTheKioskOnAnExpiredCatalog() throws Exception {
        haveVersion3();
        CatalogSync later = f.sync(NOW.plus(Duration.ofDays(31)));
        assertKeptVersion3(later.syncOnce(), SyncOutcome.Kind.REJECTED, "expired");
        // The ETag was dropped, so the next poll fetches the index in full and is refused on its own expiry.
        assertKeptVersion3(later.syncOnce(), SyncOutcome.Kind.REJECTED, "expired");
    }

    @Test
    void aBundleOverTheSizeCapIsNotDownloaded() throws Exception {
        haveVersion3();
        f.publish(4);
        SyncSettings small = f.settings().withLimits(100, 2L << 30);
        assertKeptVersion3(f.sync(small, NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "more than this kiosk accepts");
    }

    @Test
    void aGzipBombIsStoppedAtTheSignedDecompressedLength() throws Exception {
        haveVersion3();
        byte[] json = catalogJson(SyncFixture.catalog(4));
        byte[] bomb = java.util.Arrays.copyOf(json, json.length + 50_000_000);
        f.publishRaw(4, bomb, json.length);
        assertKeptVersion3(f.sync(NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "gzip bomb");
    }

    @Test
    void aCatalogAnnouncedLargerThanTheCapIsRefused() throws Exception {
        haveVersion3();
        f.publish(4);
        SyncSettings small = f.settings().withLimits(256L << 20, 1000);
        assertKeptVersion3(f.sync(small, NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "decompressed");
    }

    @Test
    void aMalformedIndexIsRefused() throws Exception {
        haveVersion3();
        Files.writeString(f.published.resolve(BundleIndex.FILE_NAME), "{\"format\": \"yizhan-bundle/1\", ");
        assertKeptVersion3(f.sync(NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "malformed index");
    }

    @Test
    void aMalformedCatalogIsRefused() throws Exception {
        haveVersion3();
        byte[] broken = "{\"format\": \"yizhan-catalog/1\", \"version\": 4, \"themes\": [".getBytes(StandardCharsets.UTF_8);
        f.publishRaw(4, broken, broken.length);
        assertKeptVersion3(f.sync(NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "not valid");
    }

    @Test
    void validJsonThatBreaksTheSchemaIsRefused() throws Exception {
        haveVersion3();
        byte[] json = new String(catalogJson(SyncFixture.catalog(4)), StandardCharsets.UTF_8)
                .replace("\"departmentId\": \"mzj\"", "\"departmentId\": \"nowhere\"").getBytes(StandardCharsets.UTF_8);
        f.publishRaw(4, json, json.length);
        assertKeptVersion3(f.sync(NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "nowhere");
    }

    @Test
    void aCatalogWithAnotherVersionThanSignedIsRefused() throws Exception {
        haveVersion3();
        byte[] json = catalogJson(SyncFixture.catalog(9));
        f.publishRaw(4, json, json.length);
        assertKeptVersion3(f.sync(NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "announced as version 4");
    }

    @Test
    void aBundleForAnotherHallIsRefused() throws Exception {
        haveVersion3();
        Path file = dir.resolve("v4.json");
        CatalogJson.write(SyncFixture.catalog(4), file);
        org.yizhan.server.BundlePublisher.publish(file, SyncFixture.KEY.getPrivate(), f.published, "hall-b",
                Duration.ofDays(30), java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        SyncSettings hallA = new SyncSettings(f.settings().indexUri(), SyncFixture.KEY.getPublic(), "hall-a",
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(1), 65536, 1 << 20, 1 << 24, false,
                java.util.Optional.empty());
        assertKeptVersion3(f.sync(hallA, NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "hall-b");
    }

    @Test
    void aHallsCatalogIsNeverGivenUpForAnotherKeyBecauseOfTheConfig() throws Exception {
        haveVersion3();
        // sync.public-key now names another key: a wrong file copied, or a change nobody confirmed.
        Files.delete(f.published.resolve(BundleIndex.FILE_NAME));
        f.publish(SyncFixture.catalog(9), SyncFixture.OTHER_KEY, f.published);
        SyncOutcome outcome = f.sync(county(), NOW).syncOnce();
        assertKeptVersion3(outcome, SyncOutcome.Kind.REJECTED, "is signed by key " + keyId(SyncFixture.KEY)
                + " but sync.public-key is key " + keyId(SyncFixture.OTHER_KEY));
        assertTrue(outcome.reason().contains("set sync.replaces-key=" + keyId(SyncFixture.KEY)), outcome.reason());
        assertKeptVersion3(f.sync(county().withReplacesKey(Optional.of("0123456789abcdef")), NOW).syncOnce(),
                SyncOutcome.Kind.REJECTED, "sync.replaces-key=" + keyId(SyncFixture.KEY));
    }

    @Test
    void aConfirmedChangeOfPublisherTakesTheNewKeysCatalogWhateverItsVersion() throws Exception {
        haveVersion3();
        Files.delete(f.published.resolve(BundleIndex.FILE_NAME));
        f.publish(SyncFixture.catalog(1), SyncFixture.OTHER_KEY, f.published);
        SyncSettings confirmed = county().withReplacesKey(Optional.of(keyId(SyncFixture.KEY)));
        assertEquals("applied version 1", f.sync(confirmed, NOW).syncOnce().line());
        assertEquals(Optional.of(SyncFixture.catalog(1)), f.catalogs.load());
        assertEquals("not modified (version 1)", f.sync(confirmed, NOW).syncOnce().line());
        // From now on the new publisher's series holds, and the old key is the one refused.
        SyncOutcome back = f.sync(NOW).syncOnce();
        assertEquals(SyncOutcome.Kind.REJECTED, back.kind(), back.line());
        assertTrue(back.reason().contains("sync.replaces-key=" + keyId(SyncFixture.OTHER_KEY)), back.reason());
    }

    @Test
    void theEmbeddedDemoNeverReplacesAHallsCatalog() throws Exception {
        haveVersion3();
        // server.url=embedded left in by mistake: the kiosk's own key signs the demo, version 1 or any other.
        Files.delete(f.published.resolve(BundleIndex.FILE_NAME));
        f.publish(SyncFixture.demo(1_000_000), SyncFixture.OTHER_KEY, f.published);
        SyncSettings embedded = county().asDemoSource();
        SyncOutcome outcome = f.sync(embedded, NOW).syncOnce();
        assertKeptVersion3(outcome, SyncOutcome.Kind.REJECTED, "the demo never replaces this kiosk's catalog version 3");
        assertKeptVersion3(f.sync(embedded.withReplacesKey(Optional.of(keyId(SyncFixture.KEY))), NOW).syncOnce(),
                SyncOutcome.Kind.REJECTED, "server.url is embedded");
    }

    @Test
    void theDemoFillsAnEmptyCacheAndGivesWayToTheHallsPublisherWhateverTheVersions() throws Exception {
        f.publish(SyncFixture.demo(5), SyncFixture.OTHER_KEY, f.published);
        SyncSettings embedded = county().asDemoSource();
        assertEquals("applied version 5", f.sync(embedded, NOW).syncOnce().line());
        assertEquals("not modified (version 5)", f.sync(embedded, NOW).syncOnce().line());
        // The technician points the kiosk at the county: sample data is no catalog to keep.
        Files.delete(f.published.resolve(BundleIndex.FILE_NAME));
        f.publish(3);
        assertEquals("applied version 3", f.sync(NOW).syncOnce().line());
        assertEquals(Optional.of(SyncFixture.catalog(3)), f.catalogs.load());
    }

    @Test
    void aCatalogWithoutARecordOfItsPublisherKeepsTheRollbackCheck() throws Exception {
        f.catalogs.install(SyncFixture.catalog(3));
        Files.createDirectories(f.published);
        serveAnOldPublicationOfVersion2();
        SyncOutcome outcome = f.sync(NOW).syncOnce();
        assertEquals(SyncOutcome.Kind.REJECTED, outcome.kind(), outcome.line());
        assertTrue(outcome.reason().contains("rollback"), outcome.reason());
    }

    @Test
    void aRebuildBringsBackTheHallsCatalogWhateverKeyTheConfigTrustsNow() throws Exception {
        haveVersion3();
        f.catalogs.discard();
        assertTrue(f.sync(county().asDemoSource(), NOW).restoreLastGood());
        assertEquals(Optional.of(SyncFixture.catalog(3)), f.catalogs.load());
        assertEquals(Optional.of(keyId(SyncFixture.KEY)), f.catalogs.installed().orElseThrow().publisher());
    }

    private SyncSettings county() {
        return SyncSettings.of(f.server.baseUri(), SyncFixture.OTHER_KEY.getPublic(), "");
    }

    private static String keyId(java.security.KeyPair key) {
        return org.yizhan.catalog.bundle.Ed25519Keys.keyId(key.getPublic());
    }

    @Test
    void aGzippedCatalogFileIsRefusedWithAHint() throws Exception {
        haveVersion3();
        BundleIndex index = f.publish(4);
        try (FaultyServer faulty = FaultyServer.gzippingCatalog(f.published, index)) {
            SyncOutcome outcome = f.sync(settingsFor(faulty.baseUri()), NOW).syncOnce();
            assertKeptVersion3(outcome, SyncOutcome.Kind.REJECTED, "turn gzip off");
        }
    }

    @Test
    void http404IsRefusedWithAHint() throws Exception {
        haveVersion3();
        Files.delete(f.published.resolve(BundleIndex.FILE_NAME));
        assertKeptVersion3(f.sync(NOW).syncOnce(), SyncOutcome.Kind.REJECTED, "HTTP 404");
    }

    @Test
    void http500IsUnreachable() throws Exception {
        haveVersion3();
        try (FaultyServer faulty = FaultyServer.status(500)) {
            assertKeptVersion3(f.sync(settingsFor(faulty.baseUri()), NOW).syncOnce(), SyncOutcome.Kind.UNREACHABLE,
                    "HTTP 500");
        }
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws Exception {
        haveVersion3();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SyncOutcome outcome = f.sync(settingsFor(URI.create("http://127.0.0.1:" + port + "/")), NOW).syncOnce();
        assertKeptVersion3(outcome, SyncOutcome.Kind.UNREACHABLE, "connection refused");
    }

    @Test
    void aServerThatStallsMidBodyIsAbandoned() throws Exception {
        haveVersion3();
        BundleIndex index = f.publish(4);
        try (FaultyServer faulty = FaultyServer.stallingCatalog(f.published, index)) {
            long start = System.nanoTime();
            SyncOutcome outcome = f.sync(settingsFor(faulty.baseUri()), NOW).syncOnce();
            assertKeptVersion3(outcome, SyncOutcome.Kind.UNREACHABLE, "stalled");
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "the watchdog did not wait forever");
        }
    }

    @Test
    void aSyncStoppedMidwayByTheKiosksCloseIsNoError() throws Exception {
        haveVersion3();
        BundleIndex index = f.publish(4);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        ch.qos.logback.classic.Logger syncLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(CatalogSync.class);
        syncLog.addAppender(log);
        try (FaultyServer faulty = FaultyServer.stallingCatalog(f.published, index)) {
            CatalogSync sync = f.sync(settingsFor(faulty.baseUri()), NOW);
            java.util.concurrent.CompletableFuture<SyncOutcome> outcome = new java.util.concurrent.CompletableFuture<>();
            Thread thread = new Thread(() -> outcome.complete(sync.syncOnce()), "sync-being-stopped");
            thread.start();
            Thread.sleep(1_000);
            thread.interrupt();
            SyncOutcome stopped = outcome.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(SyncOutcome.Kind.UNREACHABLE, stopped.kind(), stopped.line());
            assertTrue(stopped.reason().contains("the kiosk is closing"), stopped.reason());
            assertEquals(Optional.of(SyncFixture.catalog(3)), f.catalogs.load(), "the cache keeps what it had");
            assertTrue(log.list.stream().noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)),
                    log.list.toString());
        } finally {
            syncLog.detachAppender(log);
        }
    }

    @Test
    void aBodyCutOffMidwayIsUnreachable() throws Exception {
        haveVersion3();
        BundleIndex index = f.publish(4);
        try (FaultyServer faulty = FaultyServer.truncatingCatalog(f.published, index)) {
            SyncOutcome outcome = f.sync(settingsFor(faulty.baseUri()), NOW).syncOnce();
            assertEquals(SyncOutcome.Kind.UNREACHABLE, outcome.kind(), outcome.line());
            assertEquals(Optional.of(SyncFixture.catalog(3)), f.catalogs.load());
        }
    }

    @Test
    void aDamagedCacheIsRebuiltFromTheLastGoodBundle() throws Exception {
        haveVersion3();
        f.catalogs.discard();
        assertEquals(Optional.empty(), f.catalogs.load());
        assertTrue(f.sync(NOW).restoreLastGood());
        assertEquals(Optional.of(SyncFixture.catalog(3)), f.catalogs.load());
    }

    @Test
    void anAlteredLastGoodBundleIsNotRestored() throws Exception {
        haveVersion3();
        f.catalogs.discard();
        Path kept = f.syncDir.resolve(BundleIndex.catalogFile(3));
        byte[] bytes = Files.readAllBytes(kept);
        bytes[bytes.length / 2] ^= 1;
        Files.write(kept, bytes);
        assertTrue(!f.sync(NOW).restoreLastGood());
        assertEquals(Optional.empty(), f.catalogs.load());
    }

    /** A replay: version 2, validly signed and unexpired, served where version 3 was. */
    private void serveAnOldPublicationOfVersion2() throws Exception {
        Path elsewhere = dir.resolve("old-publication");
        f.publish(SyncFixture.catalog(2), SyncFixture.KEY, elsewhere);
        for (String name : new String[] {BundleIndex.FILE_NAME, BundleIndex.catalogFile(2)}) {
            Files.copy(elsewhere.resolve(name), f.published.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private SyncSettings settingsFor(URI base) {
        return SyncSettings.of(base, SyncFixture.KEY.getPublic(), "").withStallTimeout(Duration.ofSeconds(2));
    }

    private static byte[] catalogJson(Catalog catalog) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogJson.write(catalog, out);
        return out.toByteArray();
    }
}
