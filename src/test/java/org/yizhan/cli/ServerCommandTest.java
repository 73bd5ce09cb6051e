package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.server.HallServer;
import picocli.CommandLine;

/** What `yizhan server` says when it starts, and when it cannot. */
class ServerCommandTest {
    @TempDir
    Path dir;

    /** Starts the command as `server ARGS` would (it then waits for Ctrl+C, which a test cannot send), and stops it. */
    private static List<String> startLines(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServerCommand command = CommandLine.populateCommand(new ServerCommand(), args);
        try (HallServer server = command.start(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).orElseThrow()) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.baseUri().resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            List<String> lines = new java.util.ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
            lines.add("/health " + health.body());
            return lines;
        }
    }

    @Test
    void anEmptyOrMissingDataFolderSaysThatNothingIsPublishedYet() throws Exception {
        for (Path data : List.of(Files.createDirectory(dir.resolve("empty")), dir.resolve("missing"))) {
            Path catalog = data.toAbsolutePath().resolve("catalog");
            List<String> lines = startLines("--port", "0", "--data", data.toString());
            assertEquals(4, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("Yizhan hall server listening on 127.0.0.1:"), lines.get(0));
            assertEquals("nothing published yet in " + catalog + ": publish a catalog with yizhan publish --out " + catalog,
                    lines.get(1));
            assertEquals("queues of 云溪县政务服务中心 from " + data.toAbsolutePath().resolve("queues.json")
                    + "; kiosks and counters prove themselves with the hall secret in "
                    + data.toAbsolutePath().resolve("hall.secret") + " (docs/deployment.md)", lines.get(2));
            assertEquals("/health {\"status\":\"ok\",\"catalogVersion\":null}", lines.get(3));
            assertTrue(Files.isRegularFile(data.resolve("hall.secret")), "made on first start");
        }
    }

    @Test
    void aPublishedFolderStartsWithItsOneLine() throws Exception {
        assertEquals(0, CommandRun.of("keygen", "--out", dir.toString()).code());
        assertEquals(0, CommandRun.of("publish", "--catalog", "assets/catalog/demo-catalog.json",
                "--key", dir.resolve("publisher.key").toString(), "--out", dir.resolve("srv/catalog").toString()).code());
        List<String> lines = startLines("--port", "0", "--data", dir.resolve("srv").toString());
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("/health {\"status\":\"ok\",\"catalogVersion\":1}", lines.get(2));
    }

    @Test
    void aBindNameThatDoesNotResolveOrADataFileIsOneLineNotATrace() throws Exception {
        // .invalid never resolves (RFC 2606); the final dot keeps resolv.conf's search domains out of it.
        CommandRun badBind = CommandRun.of("server", "--port", "0", "--data", dir.toString(), "--bind", "hall-sever.invalid.");
        assertEquals(1, badBind.code());
        assertEquals("server: --bind hall-sever.invalid. is not an address this machine has (the name does not resolve); "
                + "give one of its IP addresses, or 0.0.0.0 for all of them", badBind.err().strip());

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CommandRun dataFile = CommandRun.of("server", "--port", "0", "--data", file.toString());
        assertEquals(1, dataFile.code());
        assertEquals("server: --data " + file + " is a file; give the folder whose catalog/ publish writes to",
                dataFile.err().strip());
    }

    @Test
    void aBadStoreUrlOrAnUnreachableDatabaseIsOneLine() {
        CommandRun bad = CommandRun.of("server", "--port", "0", "--data", dir.toString(), "--store", "mysql://h/db");
        assertEquals(1, bad.code());
        assertEquals("server: --store mysql://h/db: not a PostgreSQL URL (postgresql://HOST:PORT/DATABASE?user=USER): "
                + "mysql://h/db", bad.err().strip());
        CommandRun away = CommandRun.of("server", "--port", "0", "--data", dir.toString(), "--store",
                "postgresql://127.0.0.1:1/yizhan?user=yizhan");
        assertEquals(1, away.code());
        assertEquals(1, away.err().strip().lines().count(), away.err());
        assertTrue(away.err().startsWith("server: --store: cannot reach the database postgresql://127.0.0.1:1/yizhan: "),
                away.err());
    }

    @Test
    void onPostgresqlTheServerSaysWhichStoreAndServes() throws Exception {
        String url = org.yizhan.storage.postgres.TestPostgres.freshDatabase();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServerCommand command = CommandLine.populateCommand(new ServerCommand(), "--port", "0", "--data",
                dir.resolve("pg").toString(), "--store", url);
        try (HallServer server = command.start(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).orElseThrow()) {
            HttpResponse<String> board = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.baseUri().resolve("/queue/queues")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, board.statusCode(), board.body());
        } finally {
            command.closeStore();
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("store: postgresql://127.0.0.1:"), text);
        assertFalse(text.contains("password"), text);
    }

    @Test
    void aBrokenQueuesFileIsOneLineNamingTheField() throws Exception {
        Files.writeString(dir.resolve("queues.json"), "{\"hall\": \"h\", \"queues\": [{\"id\": \"a\"}]}");
        CommandRun run = CommandRun.of("server", "--port", "0", "--data", dir.toString());
        assertEquals(1, run.code());
        assertEquals("server: cannot start: " + dir.toAbsolutePath().resolve("queues.json")
                + ": queues[0].prefix is missing (docs/queues.md)", run.err().strip());
    }
}
