package org.yizhan.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.catalog.AtomicFiles;
import org.yizhan.catalog.CatalogFormatException;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.bundle.BundleException;
import org.yizhan.catalog.bundle.BundleIndex;
import org.yizhan.catalog.bundle.Ed25519Keys;
import org.yizhan.catalog.bundle.Sha256;

/**
 * Writes a bundle (docs/protocol.md): the catalog, checked and gzipped, then the signed index that
 * announces it. The catalog file is in place before the index names it, and each file appears by an
 * atomic rename, so a kiosk polling during a publication sees the old bundle or the new one.
 */
public final class BundlePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(BundlePublisher.class);

    /** What was published. */
    public record Published(BundleIndex index, int services) {
    }

    private BundlePublisher() {
    }

    /**
     * @param hall    the hall id the bundle is for, or "" for any hall
     * @param expires how long kiosks may trust this index without a newer one
     * @throws BundleException if the version is not higher than the one already published in {@code out}
     */
    public static Published publish(Path catalog, PrivateKey key, Path out, String hall, Duration expires, Clock clock)
            throws IOException, CatalogFormatException, BundleException {
        Optional<Path> made = AtomicFiles.createDirectories(out);
        Path copy = null;
        boolean published = false;
        try {
            // A private copy is checked and then compressed, so a file still being written by an export job
            // cannot change between the check and the signature.
            copy = Files.createTempFile(out, "catalog-source.", ".tmp");
            Files.copy(catalog, copy, StandardCopyOption.REPLACE_EXISTING);
            Published result = publishChecked(copy, key, out, hall, expires, clock);
            published = true;
            return result;
        } finally {
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
            // A failed publication leaves no empty folder behind to be mistaken for a published one.
            if (!published) {
                made.ifPresent(top -> AtomicFiles.removeMade(out, top));
            }
        }
    }

    private static Published publishChecked(Path catalog, PrivateKey key, Path out, String hall, Duration expires,
                                            Clock clock) throws IOException, CatalogFormatException, BundleException {
        CatalogJson.Scanned scanned;
        try (InputStream in = Files.newInputStream(catalog)) {
            scanned = CatalogJson.scan(in);
        }
        Optional<BundleIndex> current = current(out);
        if (current.isPresent() && current.get().catalogVersion() >= scanned.version()) {
            throw new BundleException("catalog version " + scanned.version() + " is not higher than version "
                    + current.get().catalogVersion() + ", already published in " + out.toAbsolutePath()
                    + "; versions only go up, so give the catalog a higher one (e.g. the date and time, 202611231230)");
        }
        PublicKey publicKey = Ed25519Keys.publicOf(key);
        String name = BundleIndex.catalogFile(scanned.version());
        MessageDigest digest = Sha256.digest();
        long[] lengths = new long[2];
        AtomicFiles.write(out.resolve(name), AtomicFiles.Readers.EVERYONE, file -> {
            CountingOutputStream compressed = new CountingOutputStream(new DigestOutputStream(file, digest));
            GZIPOutputStream gzip = new GZIPOutputStream(compressed, 1 << 16);
            lengths[1] = Files.copy(catalog, gzip);
            gzip.finish();
            lengths[0] = compressed.count;
        });
        long length = lengths[0];
        long jsonLength = lengths[1];
        String sha256 = Sha256.hex(digest, 32);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        BundleIndex index = new BundleIndex(scanned.version(), now, now.plus(expires), hall, name, length, sha256,
                jsonLength, Ed25519Keys.keyId(publicKey), "").signedWith(key);
        try {
            if (!index.signatureValid(publicKey)) {
                throw new IllegalStateException("the signature does not verify with the key's own public half");
            }
            AtomicFiles.write(out.resolve(BundleIndex.FILE_NAME), AtomicFiles.Readers.EVERYONE, index.toJson());
        } catch (IOException | RuntimeException e) {
            // No index names the new file, and its version is above the published one: it would only lie there.
            Files.deleteIfExists(out.resolve(name));
            throw e;
        }
        current.ifPresent(previous -> removeOlderThan(out, previous.catalogVersion()));
        LOG.info("published catalog version {} ({} services, {} bytes) to {}", scanned.version(), scanned.services(),
                length, out);
        return new Published(index, scanned.services());
    }

    /** The index already published in {@code out}, if it can be read. */
    public static Optional<BundleIndex> current(Path out) throws IOException {
        Path file = out.resolve(BundleIndex.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(BundleIndex.parse(Files.readAllBytes(file)));
        } catch (BundleException e) {
            throw new IOException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Keeps the previous catalog file for kiosks that read the previous index a moment ago. */
    private static void removeOlderThan(Path out, long keep) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(out, "catalog-v*.json.gz")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String digits = name.substring("catalog-v".length(), name.length() - ".json.gz".length());
                if (digits.matches("[0-9]{1,18}") && Long.parseLong(digits) < keep) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not remove old catalog files from {}: {}", out, e.toString());
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
