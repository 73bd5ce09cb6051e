package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.model.Catalog;

class CatalogDirectoryTest {
    @TempDir
    Path dir;

    static byte[] json(Catalog catalog) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogJson.write(catalog, out);
        return out.toByteArray();
    }

    static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    @Test
    void anEmptyDirectoryHasNoCatalog() throws Exception {
        CatalogDirectory directory = CatalogDirectory.open(dir);
        assertEquals(Optional.empty(), directory.load());
        assertEquals(OptionalLong.empty(), directory.version());
    }

    @Test
    void aStreamedCatalogReadsBackEqual() throws Exception {
        CatalogDirectory directory = CatalogDirectory.open(dir);
        Catalog rich = TestCatalogs.rich(3);
        assertTrue(directory.installIfNewer(in(json(rich)), 3, "test-key"));
        assertEquals(Optional.of(rich), directory.load());
        assertEquals(OptionalLong.of(3), directory.version());
        assertEquals(Optional.of(rich), CatalogDirectory.open(dir).load(), "after reopening");
    }

    @Test
    void theOutlineComesBeforeTheWholeCatalogFromTheSameFile() throws Exception {
        CatalogDirectory directory = CatalogDirectory.open(dir);
        directory.install(TestCatalogs.rich(5));
        java.util.List<Catalog> outlines = new java.util.ArrayList<>();
        assertEquals(Optional.of(TestCatalogs.rich(5)), directory.load(outlines::add));
        assertEquals(1, outlines.size());
        assertEquals(5, outlines.get(0).version());
        assertTrue(outlines.get(0).services().stream().allMatch(s -> s.materials().isEmpty() && s.steps().isEmpty()));
    }

    @Test
    void aRowThatCannotBeReadAfterTheOutlineStillFailsTheLoad() throws Exception {
        CatalogDirectory directory = CatalogDirectory.open(dir);
        directory.install(TestCatalogs.rich(5));
        Path file;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            file = files.filter(f -> f.getFileName().toString().endsWith(".db")).findFirst().orElseThrow();
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement st = c.createStatement()) {
            assertTrue(st.executeUpdate("UPDATE step SET time_limit = '{not json'") > 0);
        }
        java.util.List<Catalog> outlines = new java.util.ArrayList<>();
        // As before the outline: a JSON column that does not parse cannot be read now (IOException), and the kiosk falls
        // back on its slow path.
        assertThrows(IOException.class, () -> directory.load(outlines::add));
        assertEquals(1, outlines.size(), "the outline's tables were readable");
    }

    @Test
    void aCatalogInstalledWholeReadsBackEqual() throws Exception {
        CatalogDirectory directory = CatalogDirectory.open(dir);
        directory.install(TestCatalogs.rich(5));
        assertEquals(Optional.of(TestCatalogs.rich(5)), directory.load());
    }

    @Test
    void versionsOnlyGoUpAndOnlyOneFileStays() throws Exception {
        CatalogDirectory directory = CatalogDirectory.open(dir);
        assertTrue(directory.installIfNewer(in(json(TestCatalogs.rich(2))), 2, "test-key"));
        assertFalse(directory.installIfNewer(in(json(TestCatalogs.rich(2))), 2, "test-key"));
        assertFalse(directory.installIfNewer(in(json(TestCatalogs.rich(1))), 1, "test-key"));
        assertTrue(directory.installIfNewer(in(json(TestCatalogs.rich(7))), 7, "test-key"));
        assertEquals(OptionalLong.of(7), directory.version());
        assertEquals(1, catalogFiles().length, Arrays.toString(catalogFiles()));
    }

    @Test
    void aDocumentWithAnotherVersionThanAnnouncedIsRefused() throws Exception {
        CatalogDirectory directory = CatalogDirectory.open(dir);
        directory.install(TestCatalogs.rich(1));
        CatalogFormatException e = assertThrows(CatalogFormatException.class,
                () -> directory.installIfNewer(in(json(TestCatalogs.rich(2))), 3, "test-key"));
        assertTrue(e.getMessage().contains("announced as version 3"), e.getMessage());
        assertEquals(Optional.of(TestCatalogs.rich(1)), directory.load());
        assertEquals(1, catalogFiles().length);
    }

    @Test
    void aBrokenDocumentChangesNothingAndLeavesNoFile() throws Exception {
        CatalogDirectory directory = CatalogDirectory.open(dir);
        directory.install(TestCatalogs.rich(1));
        byte[] good = json(TestCatalogs.rich(2));
        byte[] truncated = Arrays.copyOf(good, good.length * 2 / 3);
        String badReference = new String(good, StandardCharsets.UTF_8).replace("\"departmentId\": \"gaj\"",
                "\"departmentId\": \"nowhere\"");
        for (byte[] bad : new byte[][] {truncated, badReference.getBytes(StandardCharsets.UTF_8),
                "[]".getBytes(StandardCharsets.UTF_8), new byte[0]}) {
            assertThrows(CatalogFormatException.class, () -> directory.installIfNewer(in(bad), 2, "test-key"));
            assertEquals(Optional.of(TestCatalogs.rich(1)), directory.load());
            assertEquals(1, catalogFiles().length, Arrays.toString(catalogFiles()));
        }
    }

    @Test
    void theStreamNamesProblemsLikeTheValidator() throws Exception {
        String bad = new String(json(TestCatalogs.rich(2)), StandardCharsets.UTF_8)
                .replace("\"departmentId\": \"gaj\"", "\"departmentId\": \"nowhere\"");
        CatalogFormatException streamed = assertThrows(CatalogFormatException.class,
                () -> CatalogDirectory.open(dir).installIfNewer(in(bad.getBytes(StandardCharsets.UTF_8)), 2, "test-key"));
        CatalogFormatException whole = assertThrows(CatalogFormatException.class,
                () -> CatalogJson.read(in(bad.getBytes(StandardCharsets.UTF_8))));
        assertEquals(whole.problems(), streamed.problems());
    }

    @Test
    void servicesBeforeDepartmentsAreRefusedWithAReason() throws Exception {
        String reordered = "{\"format\":\"yizhan-catalog/1\",\"version\":1,\"generatedAt\":\"2026-01-01T00:00:00Z\","
                + "\"services\":[],\"themes\":[],\"departments\":[]}";
        CatalogFormatException e = assertThrows(CatalogFormatException.class,
                () -> CatalogDirectory.open(dir).installIfNewer(in(reordered.getBytes(StandardCharsets.UTF_8)), 1, "test-key"));
        assertTrue(e.getMessage().contains("must come before"), e.getMessage());
    }

    @Test
    void aPointerToAMissingOrEmptyFileIsDamage() throws Exception {
        CatalogDirectory directory = CatalogDirectory.open(dir);
        directory.install(TestCatalogs.rich(1));
        Path file = catalogFiles()[0];
        Files.write(file, new byte[0]);
        assertThrows(DamagedCacheException.class, directory::load);
        Files.delete(file);
        assertThrows(DamagedCacheException.class, directory::load);
        directory.discard();
        assertEquals(Optional.empty(), directory.load());
        directory.install(TestCatalogs.rich(1));
        assertEquals(Optional.of(TestCatalogs.rich(1)), directory.load());
    }

    @Test
    void aFileOfGarbageIsDamage() throws Exception {
        CatalogDirectory directory = CatalogDirectory.open(dir);
        directory.install(TestCatalogs.rich(1));
        Path file = catalogFiles()[0];
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 100; i < bytes.length; i += 7) {
            bytes[i] ^= 0x5A;
        }
        Files.write(file, bytes);
        assertThrows(DamagedCacheException.class, directory::load);
    }

    @Test
    void aGarbledPointerIsDamageAndNoFileIsRemoved() throws Exception {
        CatalogDirectory.open(dir).install(TestCatalogs.rich(1));
        Files.writeString(dir.resolve("CURRENT"), "\u0000\u0000garbage");
        CatalogDirectory reopened = CatalogDirectory.open(dir);
        assertEquals(1, catalogFiles().length, "which file was current is unknown: none is thrown away at open");
        DamagedCacheException e = assertThrows(DamagedCacheException.class, reopened::load);
        reopened.discard(e.file());
        assertEquals(Optional.empty(), reopened.load());
    }

    @Test
    void readingAMissingFileDoesNotCreateIt() throws Exception {
        CatalogDirectory directory = CatalogDirectory.open(dir);
        directory.install(TestCatalogs.rich(1));
        Path file = catalogFiles()[0];
        Files.delete(file);
        assertThrows(DamagedCacheException.class, directory::load);
        assertEquals(OptionalLong.empty(), CatalogDirectory.open(dir).version());
        assertFalse(Files.exists(file));
    }

    @Test
    void discardingAFileThatIsNoLongerCurrentChangesNothing() throws Exception {
        CatalogDirectory directory = CatalogDirectory.open(dir);
        directory.install(TestCatalogs.rich(1));
        String old = catalogFiles()[0].getFileName().toString();
        directory.install(TestCatalogs.rich(2));
        directory.discard(old);
        assertEquals(Optional.of(TestCatalogs.rich(2)), directory.load());
    }

    @Test
    void leftoversOfAnInterruptedInstallAreRemovedAtOpen() throws Exception {
        CatalogDirectory.open(dir).install(TestCatalogs.rich(1));
        Files.write(dir.resolve("catalog-v9-123.db"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("catalog-v9-123.db-journal"), new byte[] {1});
        Files.writeString(dir.resolve("CURRENT.tmp"), "catalog-v9-123.db");
        CatalogDirectory reopened = CatalogDirectory.open(dir);
        assertEquals(1, catalogFiles().length, Arrays.toString(catalogFiles()));
        assertFalse(Files.exists(dir.resolve("CURRENT.tmp")));
        assertEquals(Optional.of(TestCatalogs.rich(1)), reopened.load());
    }

    private Path[] catalogFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".db")).sorted().toArray(Path[]::new);
        }
    }
}
