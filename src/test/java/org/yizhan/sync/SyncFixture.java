package org.yizhan.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;

import org.yizhan.catalog.CatalogDirectory;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.bundle.BundleIndex;
import org.yizhan.catalog.bundle.Ed25519Keys;
import org.yizhan.model.Catalog;
import org.yizhan.server.BundlePublisher;
import org.yizhan.server.HallServer;
import org.yizhan.testing.TestCatalogs;

/** A hall server on loopback with a publisher's key, and a kiosk's directories that sync from it. */
final class SyncFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final KeyPair KEY = Ed25519Keys.generate();
    static final KeyPair OTHER_KEY = Ed25519Keys.generate();

    final Path root;
    final Path serverData;
    final Path published;
    final HallServer server;
    final CatalogDirectory catalogs;
    final Path syncDir;

    SyncFixture(Path root) throws IOException {
        this.root = root;
        this.serverData = root.resolve("server");
        this.published = serverData.resolve(HallServer.CATALOG_DIR);
        this.server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), serverData);
        this.catalogs = CatalogDirectory.open(root.resolve("kiosk/catalog"));
        this.syncDir = root.resolve("kiosk/sync");
    }

    /** A hall's catalog (not sample data) of {@code version}. */
    static Catalog catalog(long version) {
        return catalog(version, false);
    }

    /** Sample data, as the bundled demo is. */
    static Catalog demo(long version) {
        return catalog(version, true);
    }

    private static Catalog catalog(long version, boolean sample) {
        Catalog c = TestCatalogs.small();
        return new Catalog(version, c.generatedAt(), c.title() + " v" + version, sample, c.notice(), c.themes(),
                c.departments(), c.services());
    }

    SyncSettings settings() {
        return SyncSettings.of(server.baseUri(), KEY.getPublic(), "").withStallTimeout(Duration.ofSeconds(2));
    }

    CatalogSync sync(Instant now) {
        return sync(settings(), now);
    }

    CatalogSync sync(SyncSettings settings, Instant now) {
        return new CatalogSync(settings, catalogs, syncDir, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Publishes {@code catalog} into {@code out} with {@code key}, valid for 30 days from NOW. */
    BundleIndex publish(Catalog catalog, KeyPair key, Path out) throws Exception {
        Path file = root.resolve("catalog-" + System.nanoTime() + ".json");
        CatalogJson.write(catalog, file);
        return BundlePublisher.publish(file, key.getPrivate(), out, "", Duration.ofDays(30),
                Clock.fixed(NOW, ZoneOffset.UTC)).index();
    }

    BundleIndex publish(long version) throws Exception {
        return publish(catalog(version), KEY, published);
    }

    /** A bundle as a careless or hostile publisher might write it: any catalog bytes, signed by KEY. */
    BundleIndex publishRaw(long version, byte[] json, long jsonLength) throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(json);
        }
        byte[] compressed = gz.toByteArray();
        String sha = org.yizhan.catalog.bundle.Sha256.hex(compressed);
        BundleIndex index = new BundleIndex(version, NOW, NOW.plus(Duration.ofDays(30)), "",
                BundleIndex.catalogFile(version), compressed.length, sha, jsonLength,
                Ed25519Keys.keyId(KEY.getPublic()), "").signedWith(KEY.getPrivate());
        Files.createDirectories(published);
        Files.write(published.resolve(index.file()), compressed);
        Files.write(published.resolve(BundleIndex.FILE_NAME), index.toJson());
        return index;
    }

    @Override
    public void close() {
        server.close();
    }
}
