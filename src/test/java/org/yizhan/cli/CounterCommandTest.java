package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.KioskIdentity;
import org.yizhan.queue.TicketInfo;
import org.yizhan.queue.TicketRequest;
import org.yizhan.server.HallServer;

/** `yizhan counter` moves a real hall server's queue: one line per action, one line per refusal. */
class CounterCommandTest {
    @TempDir
    Path data;
    HallServer server;

    @BeforeEach
    void start() throws Exception {
        // Monday 10:00 in Beijing: the demo hall is open.
        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data,
                java.time.Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CommandRun counter(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("counter", "--server", server.baseUri().toString(),
                "--secret-file", data.resolve("hall.secret").toString()));
        all.addAll(List.of(args));
        return CommandRun.of(all.toArray(String[]::new));
    }

    @Test
    void aClerkCallsServesAndTransfers() throws Exception {
        HallClient kiosk = HallClient.create(server.baseUri(), KioskIdentity.NONE).withHallSecret(server.hallSecret());
        for (int i = 0; i < 2; i++) {
            TicketInfo t = kiosk.postJson("queue/tickets", new TicketRequest("huji", false), TicketInfo.class);
            kiosk.postJson("queue/tickets/" + t.code() + "/printed", java.util.Map.of(), TicketInfo.class);
        }
        assertEquals(List.of("window 3 signed in for huji, shebao"), counter("--window", "3", "sign-in", "huji", "shebao").out());
        assertEquals(List.of("window 3 calls A001 (户籍与身份证)"), counter("--window", "3", "call-next").out());
        assertEquals(List.of("A001: called again"), counter("--window", "3", "recall").out());
        assertEquals(List.of("A001: serving"), counter("--window", "3", "start").out());
        assertEquals(List.of("A001: done"), counter("--window", "3", "done").out());
        counter("--window", "3", "call-next");
        assertEquals(List.of("A002 transferred to 综合窗口, 0 ahead of it there"),
                counter("--window", "3", "transfer", "zonghe").out());
        assertEquals(List.of("nobody waits for window 3"), counter("--window", "3", "call-next").out());
        CommandRun status = counter("status");
        assertEquals(0, status.code());
        assertTrue(status.out().get(0).startsWith("云溪县政务服务中心 2026-11-30 (Asia/Shanghai)"), status.out().toString());
        assertTrue(status.out().stream().anyMatch(l -> l.startsWith("A  huji       open")), status.out().toString());
        assertTrue(status.out().contains("window 3 serves huji, shebao, free"), status.out().toString());
        assertEquals(List.of("window 3 signed out"), counter("--window", "3", "sign-out").out());
    }

    @Test
    void refusalsAndMistakesAreOneLine() throws Exception {
        CommandRun notIn = counter("--window", "3", "call-next");
        assertEquals(1, notIn.code());
        assertEquals("counter: window 3 is not signed in; sign-in first with the queues it serves", notIn.err().strip());
        assertEquals("counter: no queue \"nope\" in this hall", counter("--window", "3", "sign-in", "nope").err().strip());
        assertEquals(2, counter("--window", "3", "dance").code());
        assertEquals("counter: call-next needs --window, e.g. --window 3", counter("call-next").err().strip());
        assertEquals("counter: sign-in needs the queues this window serves, e.g. sign-in huji shebao",
                counter("--window", "3", "sign-in").err().strip());
        Files.writeString(data.resolve("wrong.secret"), "not-the-secret-of-this-hall");
        CommandRun wrong = CommandRun.of("counter", "--server", server.baseUri().toString(), "--secret-file",
                data.resolve("wrong.secret").toString(), "--window", "3", "sign-out");
        assertEquals(1, wrong.code());
        // The server beside it in this JVM logs the refusal (one WARN line) to the same standard error.
        String said = wrong.err().lines().filter(line -> !line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN .*"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(said.startsWith("counter: send the hall secret as Authorization: Bearer"), wrong.err());
        CommandRun missing = CommandRun.of("counter", "--server", server.baseUri().toString(), "--secret-file",
                data.resolve("none").toString(), "--window", "3", "sign-out");
        assertEquals("counter: cannot read the hall secret: " + data.resolve("none")
                + " does not exist (it is DATA/hall.secret on the hall server; give it with --secret-file)", missing.err().strip());
        CommandRun down = CommandRun.of("counter", "--server", "http://127.0.0.1:1/", "status");
        assertEquals(1, down.code());
        assertTrue(down.err().startsWith("counter: cannot connect to http://127.0.0.1:1"), down.err());
    }
}
