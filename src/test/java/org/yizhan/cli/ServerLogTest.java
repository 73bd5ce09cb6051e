package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yizhan server} in its own JVM writes DATA/logs/server.log beside its access log, one line an event. */
class ServerLogTest {

    @Test
    void theServerLogsToItsDataFolder(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("server-data");
        // This JVM's own arguments (pom.xml's argLine), as KioskStopTest starts the kiosk.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "server", "--port", "0", "--data", data.toString(), "--log-max-file-size", "5", "--log-keep-days", "3"));
        Process server = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch listening = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    if (line.startsWith("Yizhan hall server listening on")) {
                        listening.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // The server is gone.
            }
            listening.countDown(); // ended without listening: the assertion below says so at once
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            assertTrue(listening.await(60, TimeUnit.SECONDS) && server.isAlive(), "the server did not come up: " + output);
            List<String> logged = Files.readAllLines(data.resolve("logs/server.log"), StandardCharsets.UTF_8);
            // Its first start makes the hall secret and says where (never what).
            assertTrue(logged.stream().anyMatch(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT\\S+ INFO  server \\[main\\] .*made a new "
                    + "hall secret in .*")), logged.toString());
            server.destroy(); // SIGTERM, right after the start line: the handler is set before the start says so
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server did not stop");
            assertEquals(0, server.exitValue());
        } finally {
            server.destroyForcibly();
        }
    }
}
