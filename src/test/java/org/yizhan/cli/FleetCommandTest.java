package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.LastSync;
import org.yizhan.server.fleet.FleetFixture;
import org.yizhan.testing.SetClock;
import org.yizhan.testing.TestHeartbeats;

/** `yizhan fleet` against a real hall server on loopback: one line per kiosk, worst first, and its exit codes. */
class FleetCommandTest {
    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");

    @TempDir
    Path data;
    private final SetClock clock = new SetClock(T0);
    private FleetFixture hall;

    @BeforeEach
    void start() throws Exception {
        hall = new FleetFixture(data, clock);
        hall.publish(43);
    }

    @AfterEach
    void stop() {
        hall.close();
    }

    private CommandRun fleet(String... args) {
        List<String> all = new ArrayList<>(List.of("fleet", "--server", hall.server.baseUri().toString(),
                "--secret-file", data.resolve("hall.secret").toString()));
        all.addAll(List.of(args));
        return CommandRun.of(all.toArray(String[]::new));
    }

    private void beat(org.yizhan.fleet.Heartbeat h) throws Exception {
        assertEquals(200, hall.beat(h, null).status());
    }

    @Test
    void whatIsWrongComesFirstThenTheKiosksThatAreOk() throws Exception {
        beat(TestHeartbeats.healthy("kiosk-03", 41, T0.toString()));
        clock.advance(Duration.ofHours(2));
        String now = clock.instant().toString();
        beat(TestHeartbeats.healthy("kiosk-01", 43, now));
        beat(TestHeartbeats.withPrinter(TestHeartbeats.healthy("kiosk-02", 43, now), "PAPER_OUT"));
        beat(TestHeartbeats.withSync(TestHeartbeats.healthy("kiosk-04", 43, now),
                new LastSync("unreachable", "connection refused", now), T0.toString()));
        clock.advance(Duration.ofSeconds(30));

        CommandRun run = fleet();
        assertEquals(1, run.code(), run.err());
        assertEquals(List.of(
                "4 kiosk(s), 3 with problems; server catalog 43, most run 0.4.0; not seen = 5 min",
                "yunxi/kiosk-03  NOT SEEN 2 h  catalog 41 (server 43)",
                "yunxi/kiosk-02  printer PAPER_OUT",
                "yunxi/kiosk-04  sync unreachable (last ok 2 h ago): connection refused",
                "yunxi/kiosk-01  ok  (0.4.0, catalog 43, printer READY, up 1 h, seen 30 s ago)"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void allOkIsExitCodeZero() throws Exception {
        beat(TestHeartbeats.healthy("kiosk-01", 43, T0.toString()));
        beat(TestHeartbeats.healthy("kiosk-02", 43, T0.toString()));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(1, fleet().code(), "ten minutes unseen at the default five");
        CommandRun patient = fleet("--stale-minutes", "15");
        assertEquals(0, patient.code(), patient.err());
        assertEquals(3, patient.out().size());
        assertTrue(patient.out().get(0).startsWith("2 kiosk(s), 0 with problems"), patient.out().get(0));
    }

    @Test
    void aKioskTakenOutOfServiceIsForgotten() throws Exception {
        beat(TestHeartbeats.healthy("kiosk-01", 43, T0.toString()));
        clock.advance(Duration.ofDays(3));
        beat(TestHeartbeats.healthy("kiosk-02", 43, clock.instant().toString()));
        assertEquals(1, fleet().code());
        CommandRun forgot = fleet("--forget", "kiosk-01");
        assertEquals(0, forgot.code(), forgot.err());
        assertEquals("forgot kiosk-01", forgot.out().get(0));
        assertEquals(3, forgot.out().size());
        CommandRun unknown = fleet("--forget", "kiosk-01");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("knows no kiosk kiosk-01"), unknown.err());
    }

    @Test
    void aServerThatCannotBeAskedIsExitCodeTwo() throws Exception {
        Path wrong = Files.writeString(data.resolve("wrong.secret"), "not-the-hall-secret-0123456789\n");
        CommandRun refused = CommandRun.of("fleet", "--server", hall.server.baseUri().toString(), "--secret-file",
                wrong.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("hall secret"), refused.err());

        CommandRun noFile = CommandRun.of("fleet", "--server", hall.server.baseUri().toString(), "--secret-file",
                data.resolve("absent.secret").toString());
        assertEquals(2, noFile.code());
        assertTrue(noFile.err().startsWith("fleet: cannot read the hall secret"), noFile.err());

        int port = hall.server.port();
        hall.close();
        CommandRun down = CommandRun.of("fleet", "--server", "http://127.0.0.1:" + port + "/", "--secret-file",
                data.resolve("hall.secret").toString());
        assertEquals(2, down.code());
        assertTrue(down.err().startsWith("fleet: "), down.err());
        assertEquals(List.of(), down.out());

        assertEquals(2, fleet("--stale-minutes", "0").code());
        CommandRun help = CommandRun.of("fleet", "--help");
        assertEquals(0, help.code());
        assertTrue(String.join("\n", help.out()).contains("1 when any has a problem"), help.out().toString());
    }
}
