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
        // The shipped file, found through YIZHAN_CONFIG: the folder the kiosk starts in has none.
        Path config = java.nio.file.Files.createDirectories(dir.resolve("conf")).resolve("kiosk.properties");
        java.nio.file.Files.copy(Path.of("kiosk.properties"), config);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("YIZHAN_CONFIG", config.toString());
        Process kiosk = builder.start();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch syncing = new java.util.concurrent.CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(kiosk.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    if (line.contains("catalog sync from")) {
                        syncing.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // The kiosk is gone.
            }
        }, "kiosk-output");
        reader.setDaemon(true);
        reader.start();
        try {
            // A kiosk that never comes up (a config problem page, say) fails the test instead of hanging the build.
            assertTrue(syncing.await(60, TimeUnit.SECONDS), "the kiosk did not come up: " + output);
            assertTrue(kiosk.isAlive(), "the kiosk did not come up: " + output);
            assertTrue(output.stream().anyMatch(l -> l.contains("kiosk kiosk-01 starts with " + config
                    + " (from the environment variable YIZHAN_CONFIG)")), output.toString());
            // The same lines in data.dir/logs/kiosk.log, one an event, each naming the kiosk.
            // The console's appender comes first: the file may get the line a moment after the console showed it.
            Path log = dir.resolve(".yizhan/logs/kiosk.log");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            List<String> logged = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
            while (logged.stream().noneMatch(KioskStopTest::syncLine) && System.nanoTime() < end) {
                Thread.sleep(20);
                logged = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
            }
            assertTrue(logged.stream().anyMatch(KioskStopTest::syncLine), logged.toString());
            kiosk.destroy(); // SIGTERM
            assertTrue(kiosk.waitFor(30, TimeUnit.SECONDS), "the kiosk did not stop");
            assertEquals(0, kiosk.exitValue(), "130 or 143 is what `mvn javafx:run` reports as a BUILD FAILURE");
        } finally {
            kiosk.destroyForcibly();
        }
    }

    private static boolean syncLine(String line) {
        return line.contains(" kiosk-01 [yizhan-sync] ") && line.contains("catalog sync from");
    }
}
