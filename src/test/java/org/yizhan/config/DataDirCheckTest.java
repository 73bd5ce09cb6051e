package org.yizhan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data.dir that is a file, cannot be written or is on a full disk stops the start with one plain problem. */
class DataDirCheckTest {

    @TempDir
    Path dir;

    private Path data;

    private ConfigException refused(Disk disk) throws IOException {
        data = dir.resolve("data");
        Path file = Files.writeString(dir.resolve("kiosk.properties"),
                "hall.name=云溪县政务服务中心\nkiosk.id=kiosk-01\nserver.url=embedded\ndata.dir=" + data + "\n",
                StandardCharsets.UTF_8);
        return assertThrows(ConfigException.class, () -> KioskConfigLoader.load(file, dir, disk));
    }

    /** Ends after one sentence, with a way out, in both languages, and no exception's trace. */
    private static ConfigProblem onlyProblem(ConfigException e) {
        assertEquals(1, e.problems().size(), e.getMessage());
        ConfigProblem p = e.problems().get(0);
        assertEquals("data.dir", p.key());
        assertEquals(1, e.lines().size());
        assertTrue(!e.getMessage().contains("\tat ") && !e.getMessage().contains("Exception:"), e.getMessage());
        return p;
    }

    @Test
    void aFileWhereTheKioskKeepsItsCatalogFolderIsAProblem() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/catalog"), "not a folder");
        ConfigProblem p = onlyProblem(refused(Disk.REAL));
        assertTrue(p.expected().endsWith("but " + data.resolve("catalog") + " is a file where the kiosk keeps a folder; "
                + "move the file away"), p.expected());
        assertTrue(p.expectedZh().contains(data.resolve("catalog") + " 是文件"), p.expectedZh());
    }

    @Test
    void aReadOnlyDataDirIsAProblem() throws Exception {
        Disk readOnly = new Disk() {
            @Override
            public void probeWrite(Path folder) throws IOException {
                throw new AccessDeniedException(folder.toString());
            }

            @Override
            public long usableBytes(Path folder) {
                return 10L << 30;
            }
        };
        ConfigProblem p = onlyProblem(refused(readOnly));
        assertTrue(p.expected().endsWith("but " + data + " is not writable (AccessDeniedException); let the kiosk's user "
                + "write there or give another data.dir"), p.expected());
        assertTrue(p.expectedZh().contains("不可写"), p.expectedZh());
    }

    @Test
    void aReadOnlyFolderOnTheRealDisk() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "root may write in a read-only folder; aReadOnlyDataDirIsAProblem plays one through the Disk seam");
        Path folder = Files.createDirectories(dir.resolve("data/logs"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            ConfigProblem p = onlyProblem(refused(Disk.REAL));
            assertTrue(p.expected().contains(folder + " is not writable"), p.expected());
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFullDiskIsAProblemNamingWhatIsFreeAndWhatIsNeeded() throws Exception {
        Disk full = new Disk() {
            @Override
            public void probeWrite(Path folder) {
            }

            @Override
            public long usableBytes(Path folder) {
                return 12L * 1024 * 1024 + 5;
            }
        };
        ConfigProblem p = onlyProblem(refused(full));
        assertTrue(p.expected().endsWith("but the disk is full: only 12 MB free in " + data + ", and the kiosk needs at "
                + "least 50 MB; free some space on that disk or give another data.dir"), p.expected());
        assertTrue(p.expectedZh().contains("磁盘已满") && p.expectedZh().contains("12 MB"), p.expectedZh());
    }

    @Test
    void justEnoughRoomIsFine() throws Exception {
        Disk enough = new Disk() {
            @Override
            public void probeWrite(Path folder) {
            }

            @Override
            public long usableBytes(Path folder) {
                return Disk.MIN_FREE_BYTES;
            }
        };
        Path file = Files.writeString(dir.resolve("kiosk.properties"),
                "hall.name=云溪县政务服务中心\nkiosk.id=kiosk-01\nserver.url=embedded\ndata.dir=data\n",
                StandardCharsets.UTF_8);
        assertEquals(dir.resolve("data"), KioskConfigLoader.load(file, dir, enough).config().dataDir());
    }

    @Test
    void megabytesReadAsATechnicianWouldSayThem() {
        assertEquals("12 MB", Disk.megabytes(12L * 1024 * 1024 + 1000));
        assertEquals("0.5 MB", Disk.megabytes(512 * 1024));
    }
}
