package org.yizhan.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.yizhan.config.Disk;

/**
 * A sync that ran out of disk says so in the technician's words ("disk full: 3 MB free in /data/catalog"),
 * not as the SQLite or file system message it arrived as.
 */
final class DiskFull {

    /** How the JDK (ENOSPC on Linux, ERROR_DISK_FULL on Windows) and SQLite (SQLITE_FULL) say it. */
    private static final List<String> WORDS = List.of("no space left on device", "not enough space on the disk",
            "database or disk is full", "sqlite_full");

    private DiskFull() {
    }

    /** Whether {@code e}, or one of its causes, is a full disk. */
    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (WORDS.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }

    /** E.g. {@code disk full: 3 MB free in /data/catalog; free some space on that disk}. */
    static String reason(Path dir, Disk disk) {
        return "disk full: " + free(dir, disk) + " free in " + dir + "; free some space on that disk";
    }

    static String reason(long free, Path dir, long needed) {
        return "disk full: " + Disk.megabytes(free) + " free in " + dir + ", and this catalog needs about "
                + Disk.megabytes(needed) + " with " + Disk.megabytes(Disk.MIN_FREE_BYTES)
                + " kept free; free some space on that disk";
    }

    private static String free(Path dir, Disk disk) {
        try {
            return Disk.megabytes(disk.usableBytes(dir));
        } catch (IOException e) {
            return "no space";
        }
    }
}
