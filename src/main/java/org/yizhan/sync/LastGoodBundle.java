package org.yizhan.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.Optional;

import org.yizhan.catalog.AtomicFiles;
import org.yizhan.catalog.bundle.BundleException;
import org.yizhan.catalog.bundle.BundleIndex;
import org.yizhan.catalog.bundle.Ed25519Keys;
import org.yizhan.catalog.bundle.KeyFileException;

/**
 * The last bundle this kiosk verified and applied, kept as received (signed index, compressed catalog,
 * ETag) in the sync directory: to ask the server "anything newer?" cheaply, and to rebuild the cache if
 * its file is ever found damaged.
 */
final class LastGoodBundle {
    private static final String INDEX = "index.json";
    private static final String ETAG = "index.etag";
    /** The key that verified the kept bundle, so a rebuild can check it again whatever the config says now. */
    private static final String PUBLISHER_KEY = "publisher.pub";
    static final String LAST_SYNC = "last-sync.txt";

    private final Path dir;

    LastGoodBundle(Path dir) {
        this.dir = dir;
    }

    Optional<BundleIndex> index() {
        try {
            return Optional.of(BundleIndex.parse(Files.readAllBytes(dir.resolve(INDEX))));
        } catch (IOException | BundleException e) {
            return Optional.empty();
        }
    }

    Optional<String> etag() {
        try {
            String etag = Files.readString(dir.resolve(ETAG), StandardCharsets.US_ASCII).strip();
            return etag.isEmpty() ? Optional.empty() : Optional.of(etag);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The catalog file that {@link #index()} announces, if it is here. */
    Optional<Path> catalogFile() {
        return index().map(i -> dir.resolve(i.file())).filter(Files::isRegularFile);
    }

    /** The folder, e.g. {@code data.dir/sync}. */
    Path dir() {
        return dir;
    }

    /**
     * A new file for one download, this attempt's alone: a {@code yizhan sync} run beside the kiosk
     * downloads into its own, so the bytes that were hashed are the bytes that get installed.
     */
    Path downloadFile() throws IOException {
        Files.createDirectories(dir);
        removeStaleDownloads();
        return Files.createTempFile(dir, "download-", ".tmp");
    }

    /** Downloads a crash or a kill left behind; a day old, so another process's live download is never one. */
    private void removeStaleDownloads() {
        java.time.Instant dayAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(1));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "download-*.tmp")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(dayAgo)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // Only tidiness is lost.
        }
    }

    void forgetEtag() throws IOException {
        Files.deleteIfExists(dir.resolve(ETAG));
    }

    /** Records an index for the version the kiosk already has (e.g. after a restart). */
    void saveIndex(byte[] indexJson, Optional<String> etag) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(INDEX), AtomicFiles.Readers.EVERYONE, indexJson);
        saveEtag(etag);
    }

    Optional<PublicKey> publisherKey() {
        try {
            return Optional.of(Ed25519Keys.readPublic(dir.resolve(PUBLISHER_KEY)));
        } catch (IOException | KeyFileException e) {
            return Optional.empty();
        }
    }

    /** Keeps an applied bundle: the catalog file and the key that verified it first, then the index that names it. */
    void save(Path download, BundleIndex index, byte[] indexJson, Optional<String> etag, PublicKey key) throws IOException {
        Files.move(download, dir.resolve(index.file()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.write(dir.resolve(PUBLISHER_KEY), AtomicFiles.Readers.EVERYONE,
                Ed25519Keys.publicPem(key).getBytes(StandardCharsets.US_ASCII));
        AtomicFiles.write(dir.resolve(INDEX), AtomicFiles.Readers.EVERYONE, indexJson);
        saveEtag(etag);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "catalog-v*.json.gz")) {
            for (Path file : files) {
                if (!file.getFileName().toString().equals(index.file())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * Writes how the latest attempt ended, one line with its time, for a technician at the kiosk's
     * console ({@code cat data.dir/sync/last-sync.txt}) until the status panel shows it.
     */
    void recordOutcome(String line) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(LAST_SYNC), AtomicFiles.Readers.EVERYONE, (line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The log has the same line.
        }
    }

    private void saveEtag(Optional<String> etag) throws IOException {
        if (etag.isPresent() && etag.get().length() <= 256) {
            AtomicFiles.write(dir.resolve(ETAG), AtomicFiles.Readers.EVERYONE, etag.get().getBytes(StandardCharsets.US_ASCII));
        } else {
            forgetEtag();
        }
    }

}
