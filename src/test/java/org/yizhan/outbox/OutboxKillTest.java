package org.yizhan.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.queue.TicketState;
import org.yizhan.server.HallServer;
import org.yizhan.server.queue.Ticket;

/**
 * The issue's proof with a real process: a kiosk ({@link KioskVictim}, its own JVM, the real ViewModel, outbox and
 * client) killed with SIGKILL after the paper came out and before its confirmation reached the hall server; on
 * restart the confirmation arrives and the number is printed on the server.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OutboxKillTest {
    @TempDir
    Path temp;
    private HallServer server;
    private Path kiosk;

    @BeforeEach
    void start() throws Exception {
        Path data = Files.createDirectories(temp.resolve("server"));
        Files.writeString(data.resolve("queues.json"), """
                {"hall": "测试大厅", "queues": [{"id": "zonghe", "prefix": "Z", "name": "综合", "hours":
                 {"mon-sun": ["00:00-24:00"]}, "dailyCap": 9999, "location": "一楼"}]}
                """);
        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data, Clock.systemUTC());
        kiosk = Files.createDirectories(temp.resolve("kiosk"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void killedWithThePaperOutInTheCitizensHandTheConfirmationArrivesOnRestart() throws Exception {
        Victim victim = victim("print");
        assertEquals(KioskVictim.PAPER_OUT, victim.line());
        victim.kill();
        assertEquals(TicketState.ISSUED, only().state(), "nothing was sent before the kill");
        resume();
        assertEquals(TicketState.PRINTED, only().state());
    }

    @Test
    void killedWithTheTicketOnScreenAndItsConfirmationNotYetSentItArrivesOnRestart() throws Exception {
        Victim victim = victim("shown");
        String shown = victim.line();
        assertTrue(shown.startsWith(KioskVictim.SHOWN), shown);
        victim.kill();
        Ticket ticket = only();
        assertEquals(shown.substring(KioskVictim.SHOWN.length()), ticket.number());
        assertEquals(TicketState.ISSUED, ticket.state());
        resume();
        assertEquals(TicketState.PRINTED, only().state());
    }

    private void resume() throws Exception {
        Victim again = victim("resume");
        assertEquals(KioskVictim.EMPTY, again.line());
        assertTrue(again.process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, again.process.exitValue());
    }

    private Ticket only() throws Exception {
        List<Ticket> day = server.queues().ticketsOf(server.queues().businessDate());
        assertEquals(1, day.size(), day.toString());
        return day.get(0);
    }

    private record Victim(Process process, BlockingQueue<String> lines, Path stderr) {
        String line() throws Exception {
            String line = lines.poll(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("the kiosk said nothing; its stderr: " + Files.readString(stderr));
            }
            return line;
        }

        void kill() throws Exception {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, process.exitValue(), "not ended by SIGKILL");
        }
    }

    private Victim victim(String mode) throws Exception {
        Path stderr = temp.resolve("stderr-" + mode + "-" + System.nanoTime() + ".txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m", "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + temp, "-Dorg.sqlite.tmpdir=" + temp));
        String modules = System.getProperty("jdk.module.path");
        if (modules != null) {
            // The ViewModel's properties are javafx.base's, which the tests take from the module path.
            command.addAll(List.of("--module-path", modules, "--add-modules", "javafx.base"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KioskVictim.class.getName(), mode,
                kiosk.toString(), server.baseUri().toString(), server.hallSecret()));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The pipe closes when the process ends.
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Victim(process, lines, stderr);
    }
}
