package org.yizhan.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.sync.SyncFixture.NOW;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.config.Disk;

/** A sync on a full disk keeps its catalog and says "disk full: … free in PATH", not what SQLite said. */
class DiskFullTest {
    @TempDir
    Path dir;
    SyncFixture f;
    private final AtomicLong free = new AtomicLong(10L << 30);
    private final Disk disk = new Disk() {
        @Override
        public void probeWrite(Path folder) {
        }

        @Override
        public long usableBytes(Path folder) {
            return free.get();
        }
    };

    @BeforeEach
    void start() throws Exception {
        f = new SyncFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private SyncOutcome sync() {
        CatalogSync sync = f.sync(NOW);
        sync.useDisk(disk);
        return sync.syncOnce();
    }

    @Test
    void aCatalogThatWouldLeaveTooLittleRoomIsNotDownloaded() throws Exception {
        f.publish(3);
        assertEquals("applied version 3", sync().line());

        f.publish(4);
        free.set(Disk.MIN_FREE_BYTES + 100); // less than the catalog needs on top of the 50 MB kept free
        SyncOutcome outcome = sync();
        assertEquals(SyncOutcome.Kind.UNREACHABLE, outcome.kind(), "tried again soon: room may come back");
        Path catalogs = dir.resolve("kiosk/catalog").toAbsolutePath();
        assertTrue(outcome.reason().startsWith("disk full: 50 MB free in " + catalogs + ", and this catalog needs about "),
                outcome.reason());
        assertTrue(outcome.reason().endsWith(" with 50 MB kept free; free some space on that disk"), outcome.reason());
        assertEquals(3, outcome.version());
        assertEquals(Optional.of(SyncFixture.catalog(3)), f.catalogs.load());

        free.set(10L << 30);
        assertEquals("applied version 4", sync().line(), "once there is room");
    }

    @Test
    void theWordsOfAFullDiskAreKnownWhereverTheyComeFrom() {
        // As CatalogDirectory wraps SQLite's SQLITE_FULL, and as the JDK reports ENOSPC on Linux and Windows.
        assertTrue(DiskFull.is(new IOException("the catalog cache cannot be written: [SQLITE_FULL] Insertion failed "
                + "because database is full (database or disk is full)", new RuntimeException("cause"))));
        assertTrue(DiskFull.is(new IOException("cannot write", new IOException("No space left on device"))));
        assertTrue(DiskFull.is(new FileSystemException("D:\\yizhan\\sync\\download-1.tmp", null,
                "There is not enough space on the disk")));
        assertFalse(DiskFull.is(new IOException("Permission denied")));
        assertFalse(DiskFull.is(new IOException((String) null)));
    }

    @Test
    void theReasonNamesWhatIsFree() {
        free.set(3L * 1024 * 1024);
        assertEquals("disk full: 3 MB free in /data/catalog; free some space on that disk",
                DiskFull.reason(Path.of("/data/catalog"), disk));
    }
}
