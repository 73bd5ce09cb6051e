package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk in its own JVM (headless, as the tests run JavaFX), stopped as Ctrl+C or `kill` stops it. */
class KioskStopTest {

    @Test
    void sigtermEndsTheKioskWithExitCodeZero(@TempDir Path dir) throws Exception {
        // This JVM's own arguments (pom.xml's argLine): headless JavaFX, from the module path.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Duser.home=" + dir, Launcher.class.getName(), "--dev"));
        Process kiosk = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(kiosk.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.contains("catalog sync from")) {
                output.add(line);
            }
            assertTrue(kiosk.isAlive(), "the kiosk did not come up: " + output);
            kiosk.destroy(); // SIGTERM
            assertTrue(kiosk.waitFor(30, TimeUnit.SECONDS), "the kiosk did not stop");
            assertEquals(0, kiosk.exitValue(), "130 or 143 is what `mvn javafx:run` reports as a BUILD FAILURE");
        } finally {
            kiosk.destroyForcibly();
        }
    }
}
