package org.yizhan.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedDataTest {
    @TempDir
    Path dir;

    @Test
    void aFileThatIsThereIsReturned() throws Exception {
        Path file = Files.writeString(dir.resolve("gd.json"), "[]");
        assertEquals(file, SharedData.require(file, "true"));
        assertEquals(file, SharedData.require(file, null));
    }

    @Test
    void aMissingFileSkipsTheTestOutsideCi() {
        assertThrows(TestAbortedException.class, () -> SharedData.require(dir.resolve("gd.json"), null));
        assertThrows(TestAbortedException.class, () -> SharedData.require(dir.resolve("gd.json"), "false"));
    }

    @Test
    void aMissingFileFailsTheTestInCi() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> SharedData.require(dir.resolve("gd.json"), "true"));
        assertEquals(dir.resolve("gd.json") + " is missing, and CI=true: CI has ../shared beside the project, "
                + "so its setup is broken", e.getMessage());
    }

    @Test
    void aFolderIsNotTheFile() {
        assertThrows(AssertionFailedError.class, () -> SharedData.require(dir, "true"));
    }
}
