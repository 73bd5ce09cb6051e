package org.yizhan.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Files of the project's {@code ../shared} (its path comes from surefire as {@code yizhan.shared.dir}): real
 * data that is not ours to ship. A developer's machine may lack it, and the test that needs it is skipped;
 * CI has it beside the project, so there ({@code CI=true}) a missing file is a broken setup and fails the test.
 */
public final class SharedData {
    private static final Path DIR = Path.of(System.getProperty("yizhan.shared.dir", "../shared"));

    private SharedData() {
    }

    /** The file at {@code path} under {@code ../shared}; skips the calling test if it is missing, fails it in CI. */
    public static Path require(String path) {
        return require(DIR.resolve(path), System.getenv("CI"));
    }

    static Path require(Path file, String ci) {
        if (Files.isRegularFile(file)) {
            return file;
        }
        if ("true".equalsIgnoreCase(ci)) {
            return fail(file + " is missing, and CI=true: CI has ../shared beside the project, so its setup is broken");
        }
        return Assumptions.abort(file + " is missing (../shared is not beside the project); skipped here, "
                + "it fails in CI");
    }
}
