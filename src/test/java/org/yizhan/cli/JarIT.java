package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** target/yizhan.jar as `java -jar` starts it: only the packaged jar loads JavaFX as modules (JavaFxModules). */
class JarIT {
    private static final Path JAR = Path.of("target/yizhan.jar").toAbsolutePath();

    @TempDir
    Path dir;

    /** Standard output and error, merged, of `java -jar yizhan.jar ARGS` run in {@code dir} with no desktop. */
    private List<String> run(int expectedCode, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running: " + output);
        assertEquals(expectedCode, process.exitValue(), output);
        return output.lines().toList();
    }

    @Test
    void versionIsThePomsVersion() throws Exception {
        assertEquals(List.of("Yizhan " + CommandsTest.pomVersion()), run(0, "-V"));
    }

    @Test
    void theKioskLoadsJavaFxAsModulesSoJavaFxDoesNotWarnOfAnUnsupportedConfiguration() throws Exception {
        // With no desktop JavaFX fails to open a window, but only after it checked where its classes came from.
        java.nio.file.Files.copy(Path.of("kiosk.properties"), dir.resolve("kiosk.properties")); // the shipped one
        List<String> lines = run(1, "--dev");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("The kiosk cannot start: ")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("WARNING") || l.contains("Unsupported JavaFX configuration")
                || l.startsWith("\tat ")), lines.toString());
    }

    @Test
    void commandsRunAboveTheJavaFxLayerToo() throws Exception {
        Path catalog = Path.of("assets/catalog/demo-catalog.json").toAbsolutePath();
        List<String> names = run(0, "search", "--catalog", catalog.toString(), "sfz");
        assertEquals(10, names.size(), names.toString());
        assertTrue(names.get(0).startsWith("居民身份证"), names.toString());
    }
}
