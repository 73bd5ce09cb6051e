package org.yizhan.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the kiosk asks of the disk under its data before it relies on it: can it write there, and how much room
 * is left. An interface so that a test can play a read-only or a full disk, which a test running as root
 * cannot make for real.
 */
public interface Disk {

    /** Less than this free under data.dir stops the start: a catalog, the outbox and the log all need room. */
    long MIN_FREE_BYTES = 50L * 1024 * 1024;

    /** The machine's own disks. */
    Disk REAL = new Disk() {
        @Override
        public void probeWrite(Path dir) throws IOException {
            Path probe = Files.createTempFile(dir, ".yizhan-write-check", ".tmp");
            Files.delete(probe);
        }

        @Override
        public long usableBytes(Path dir) throws IOException {
            return Files.getFileStore(dir).getUsableSpace();
        }
    };

    /** Writes and deletes a small file in {@code dir}; throws if it cannot. */
    void probeWrite(Path dir) throws IOException;

    /** The bytes this program may still write on the disk that holds {@code dir}. */
    long usableBytes(Path dir) throws IOException;

    /** E.g. {@code 12 MB}, rounded down; {@code 0.3 MB} under one. */
    static String megabytes(long bytes) {
        long mb = bytes / (1024 * 1024);
        return mb > 0 ? mb + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
