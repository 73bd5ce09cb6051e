package org.yizhan.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.catalog.CatalogFormatException;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.bundle.BundleException;
import org.yizhan.catalog.bundle.BundleIndex;
import org.yizhan.catalog.bundle.Ed25519Keys;
import org.yizhan.catalog.bundle.KeyFileException;
import org.yizhan.server.BundlePublisher;
import org.yizhan.server.HallServer;

/**
 * {@code server.url=embedded}: the hall server in the kiosk's own process, on a free loopback port,
 * publishing the bundled demo catalog with a key this kiosk made for itself. The kiosk then syncs from it
 * over real HTTP, so a first run goes through every step a hall's kiosks do.
 */
final class EmbeddedServer {
    /** Demo data is not a freeze risk: the embedded index may stay valid for ten years. */
    private static final Duration EXPIRY = Duration.ofDays(3650);
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    /** {@code hallSecret}: what the server made in its data directory, so this kiosk may take tickets from it. */
    record Started(HallServer server, PublicKey publicKey, String hallSecret) {
    }

    private EmbeddedServer() {
    }

    static Started start(Path dir, Clock clock) throws IOException, KeyFileException, CatalogFormatException, BundleException {
        Path privateFile = dir.resolve("keys/embedded.key");
        Path publicFile = dir.resolve("keys/embedded.pub");
        if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
            Files.deleteIfExists(privateFile);
            Ed25519Keys.write(Ed25519Keys.generate(), privateFile, publicFile);
        }
        PrivateKey privateKey = Ed25519Keys.readPrivate(privateFile);
        PublicKey publicKey = Ed25519Keys.readPublic(publicFile);
        publishDemo(dir.resolve(HallServer.CATALOG_DIR), privateKey, publicKey, clock);
        HallServer server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), dir, clock);
        return new Started(server, publicKey, server.hallSecret());
    }

    /** Publishes the demo unless the same version is already published, valid, with this key. */
    private static void publishDemo(Path out, PrivateKey key, PublicKey publicKey, Clock clock)
            throws IOException, CatalogFormatException, BundleException {
        Path demo = Files.createTempFile("yizhan-demo-catalog", ".json");
        try {
            try (InputStream in = EmbeddedServer.class.getResourceAsStream(CatalogStartup.DEMO_CATALOG)) {
                if (in == null) {
                    throw new IOException("the jar has no " + CatalogStartup.DEMO_CATALOG);
                }
                Files.copy(in, demo, StandardCopyOption.REPLACE_EXISTING);
            }
            long version;
            try (InputStream in = Files.newInputStream(demo)) {
                version = CatalogJson.scan(in).version();
            }
            Optional<BundleIndex> current;
            try {
                current = BundlePublisher.current(out);
            } catch (IOException unreadable) {
                current = Optional.empty();
            }
            boolean fine = current.isPresent() && current.get().catalogVersion() == version
                    && current.get().keyId().equals(Ed25519Keys.keyId(publicKey))
                    && current.get().signatureValid(publicKey)
                    && current.get().expiresAt().isAfter(clock.instant().plus(Duration.ofDays(30)))
                    && Files.isRegularFile(out.resolve(current.get().file()));
            if (fine) {
                return;
            }
            clear(out);
            BundlePublisher.publish(demo, key, out, "", EXPIRY, clock);
            LOG.info("embedded hall server: demo catalog version {} published to {}", version, out);
        } finally {
            Files.deleteIfExists(demo);
        }
    }

    private static void clear(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
