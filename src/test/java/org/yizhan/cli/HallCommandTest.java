package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.config.PinHash;
import org.yizhan.server.HallServer;
import org.yizhan.server.queue.HallSecret;
import org.yizhan.server.queue.QueuesFile;
import org.yizhan.server.queue.WindowsFile;

/** `yizhan hall add` and `yizhan hall list`: a county's halls made by a command, served by the next start. */
class HallCommandTest {
    @TempDir
    Path dir;

    @Test
    void aNewHallHasItsStartersItsOwnSecretAndIsServedAtTheNextStart() throws Exception {
        Path data = dir.resolve("county");
        CommandRun run = CommandRun.of("hall", "add", "shitang-zhen", "--name", "石塘镇便民服务中心", "--data", data.toString());
        assertEquals(0, run.code(), run.err());
        Path hall = data.resolve("halls/shitang-zhen");
        String out = String.join("\n", run.out());
        assertTrue(out.contains("hall.id=shitang-zhen"), out);
        assertTrue(out.contains("its secret: " + hall.toAbsolutePath().resolve("hall.secret")), out);
        assertTrue(out.contains("/halls/shitang-zhen/counter"), out);
        assertTrue(out.contains("restart"), out);
        String secret = HallSecret.read(hall.resolve("hall.secret"));
        assertFalse(out.contains(secret), "the secret itself is not printed, only where it is");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hall.resolve("hall.secret"))));
        assertEquals("石塘镇便民服务中心", QueuesFile.read(hall.resolve(QueuesFile.FILE)).hall());
        Matcher pin = Pattern.compile("PIN ([0-9]{6})").matcher(out);
        assertTrue(pin.find(), out);
        WindowsFile.HallWindows windows = WindowsFile.read(hall);
        assertTrue(windows.window("1").orElseThrow().pin().matches(pin.group(1)));
        try (var entries = Files.list(data.resolve("halls"))) {
            assertEquals(List.of(hall), entries.toList(), "nothing half-made beside it");
        }

        try (HallServer server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data)) {
            assertFalse(Files.exists(data.resolve(QueuesFile.FILE)), "a county's server writes no demo hall of its own");
            HttpResponse<String> board = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.baseUri().resolve("queue/queues")).header("X-Yizhan-Hall", "shitang-zhen").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, board.statusCode());
            assertTrue(board.body().contains("石塘镇便民服务中心"), board.body());
        }

        CommandRun list = CommandRun.of("hall", "list", "--data", data.toString());
        assertEquals(0, list.code(), list.err());
        assertEquals(1, list.out().size(), list.out().toString());
        assertTrue(list.out().get(0).startsWith("shitang-zhen  石塘镇便民服务中心  "), list.out().get(0));
        assertTrue(list.out().get(0).contains("pages /halls/shitang-zhen/"), list.out().get(0));
    }

    @Test
    void anExistingOrBadIdIsRefusedInOneLineAndNothingIsMade() throws Exception {
        Path data = dir.resolve("county");
        assertEquals(0, CommandRun.of("hall", "add", "xi-cun", "--name", "西村便民服务站", "--data", data.toString()).code());
        byte[] secret = Files.readAllBytes(data.resolve("halls/xi-cun/hall.secret"));
        CommandRun again = CommandRun.of("hall", "add", "xi-cun", "--name", "别的", "--data", data.toString());
        assertEquals(1, again.code());
        assertEquals(1, again.err().strip().lines().count(), again.err());
        assertTrue(again.err().contains("exists already"), again.err());
        assertTrue(java.util.Arrays.equals(secret, Files.readAllBytes(data.resolve("halls/xi-cun/hall.secret"))));
        assertEquals("西村便民服务站", QueuesFile.read(data.resolve("halls/xi-cun/queues.json")).hall());
        for (String bad : List.of("../etc", "Xi", "", "a/b", "a".repeat(33), "xi_cun", ".")) {
            CommandRun refused = CommandRun.of("hall", "add", bad, "--name", "某站", "--data", data.toString());
            assertEquals(2, refused.code(), bad);
            assertEquals(1, refused.err().strip().lines().count(), refused.err());
            assertTrue(refused.err().contains("cannot be a hall's id"), refused.err());
        }
        try (var entries = Files.list(data.resolve("halls"))) {
            assertEquals(1, entries.count());
        }
        assertFalse(Files.exists(dir.resolve("etc")));
    }

    @Test
    void givenFilesAreCheckedThenCopiedWithTheName() throws Exception {
        Path data = dir.resolve("county");
        Path queues = dir.resolve("q.json");
        Path windows = dir.resolve("w.json");
        Files.writeString(queues, "{\"hall\": \"旧名\", \"queues\": [{\"id\": \"zonghe\", \"prefix\": \"A\", \"name\": \"综合\","
                + " \"hours\": {\"mon-fri\": [\"09:00-17:00\"]}, \"dailyCap\": 200, \"location\": \"一楼\"}]}");
        Files.writeString(windows, "{\"windows\": [{\"id\": \"2\", \"name\": \"2号窗口\", \"pin\": \"" + PinHash.of("8642")
                + "\"}]}");
        Files.writeString(dir.resolve("bad.json"), "{\"hall\": \"x\", \"queues\": [{\"id\": \"zonghe\"}]}");
        CommandRun refused = CommandRun.of("hall", "add", "dong-zhen", "--name", "东镇", "--queues",
                dir.resolve("bad.json").toString(), "--data", data.toString());
        assertEquals(1, refused.code());
        assertEquals("hall add: " + dir.resolve("bad.json") + ": queues[0].prefix is missing; nothing was made",
                refused.err().strip());
        assertFalse(Files.exists(data.resolve("halls/dong-zhen")));
        CommandRun missing = CommandRun.of("hall", "add", "dong-zhen", "--name", "东镇", "--windows",
                dir.resolve("nope.json").toString(), "--data", data.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());

        CommandRun made = CommandRun.of("hall", "add", "dong-zhen", "--name", "东镇便民服务中心", "--queues", queues.toString(),
                "--windows", windows.toString(), "--data", data.toString());
        assertEquals(0, made.code(), made.err());
        Path hall = data.resolve("halls/dong-zhen");
        assertEquals("东镇便民服务中心", QueuesFile.read(hall.resolve(QueuesFile.FILE)).hall());
        assertEquals("zonghe", QueuesFile.read(hall.resolve(QueuesFile.FILE)).queues().get(0).id());
        assertEquals(Files.readString(windows), Files.readString(hall.resolve(WindowsFile.FILE)));
        assertFalse(String.join("\n", made.out()).contains("PIN "), "no starter window, so no PIN");
        try (var entries = Files.list(data.resolve("halls"))) {
            assertEquals(1, entries.count(), "the refused tries left nothing behind");
        }
    }

    @Test
    void theListShowsTheTopLevelHallBeforeTheAddedOnes() throws Exception {
        Path data = dir.resolve("server");
        Files.createDirectories(data);
        Files.writeString(data.resolve(QueuesFile.FILE), "{\"hall\": \"云溪县政务服务中心\", \"queues\": [{\"id\": \"zonghe\","
                + " \"prefix\": \"A\", \"name\": \"综合\", \"hours\": {\"mon-fri\": [\"09:00-17:00\"]}, \"dailyCap\": 200, \"location\": \"一楼\"}]}");
        assertEquals(0, CommandRun.of("hall", "add", "b-zhen", "--name", "乙镇", "--data", data.toString()).code());
        assertEquals(0, CommandRun.of("hall", "add", "a-zhen", "--name", "甲镇", "--data", data.toString()).code());
        CommandRun list = CommandRun.of("hall", "list", "--data", data.toString());
        assertEquals(0, list.code(), list.err());
        assertEquals(3, list.out().size(), list.out().toString());
        assertTrue(list.out().get(0).startsWith("(top-level)  云溪县政务服务中心"), list.out().get(0));
        assertTrue(list.out().get(1).startsWith("a-zhen  甲镇"), list.out().get(1));
        assertTrue(list.out().get(2).startsWith("b-zhen  乙镇"), list.out().get(2));
        Files.writeString(data.resolve("halls/a-zhen/queues.json"), "{");
        CommandRun broken = CommandRun.of("hall", "list", "--data", data.toString());
        assertEquals(1, broken.code());
        assertTrue(broken.out().get(1).contains("has a problem"), broken.out().get(1));
    }
}
