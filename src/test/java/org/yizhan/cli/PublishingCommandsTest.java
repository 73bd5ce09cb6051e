package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.server.HallServer;

/** keygen, publish and sync as a county's technician runs them, against a real server on loopback. */
class PublishingCommandsTest {
    private static final Path DEMO = Path.of("assets/catalog/demo-catalog.json");
    private static final String KIOSK = "hall.name=龙潭镇便民服务中心\nkiosk.id=lt-01\n";

    @TempDir
    Path dir;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void keygenPublishServeAndSync() throws Exception {
        CommandRun keygen = run("keygen", "--out", dir.resolve("keys").toString());
        assertEquals(0, keygen.code(), keygen.err());
        assertTrue(Files.exists(dir.resolve("keys/publisher.key")) && Files.exists(dir.resolve("keys/publisher.pub")));
        assertEquals(1, run("keygen", "--out", dir.resolve("keys").toString()).code(), "a private key is never overwritten");

        Path out = dir.resolve("server/catalog");
        CommandRun publish = run("publish", "--catalog", DEMO.toString(), "--key", dir.resolve("keys/publisher.key").toString(),
                "--out", out.toString(), "--expires", "7");
        assertEquals(0, publish.code(), publish.err());
        assertTrue(publish.out().get(0).startsWith("published catalog version 1 (47 services"), publish.out().toString());
        assertTrue(Files.exists(out.resolve("index.json")) && Files.exists(out.resolve("catalog-v1.json.gz")));
        for (String name : new String[] {"index.json", "catalog-v1.json.gz"}) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(out.resolve(name))), name + " must be readable by a web server's user");
        }
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("keys/publisher.key"))));

        CommandRun again = run("publish", "--catalog", DEMO.toString(), "--key", dir.resolve("keys/publisher.key").toString(),
                "--out", out.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("versions only go up"), again.err());

        try (HallServer server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), dir.resolve("server"))) {
            Path config = dir.resolve("kiosk.properties");
            Files.writeString(config, KIOSK + "data.dir=kiosk-data\n"
                    + "server.url=" + server.baseUri() + "\n"
                    + "sync.public-key=keys/publisher.pub\n", StandardCharsets.UTF_8);
            CommandRun first = run("sync", "--config", config.toString());
            assertEquals(List.of("applied version 1"), first.out(), first.err());
            assertEquals(0, first.code());
            CommandRun second = run("sync", "--config", config.toString());
            assertEquals(List.of("not modified (version 1)"), second.out(), second.err());
            assertEquals(0, second.code());

            CommandRun otherKey = run("keygen", "--out", dir.resolve("other").toString());
            assertEquals(0, otherKey.code());
            Files.writeString(config, KIOSK + "data.dir=kiosk-data\n"
                    + "server.url=" + server.baseUri() + "\n"
                    + "sync.public-key=other/publisher.pub\n", StandardCharsets.UTF_8);
            CommandRun refused = run("sync", "--config", config.toString());
            assertEquals(1, refused.code());
            assertEquals(1, refused.out().size(), refused.out().toString());
            assertTrue(refused.out().get(0).startsWith("rejected: the index is signed with key "), refused.out().get(0));
            assertTrue(refused.out().get(0).endsWith("(kept version 1)"), refused.out().get(0));
        }
    }

    @Test
    void publishRefusesAnInvalidCatalogAndSaysWhy() throws Exception {
        assertEquals(0, run("keygen", "--out", dir.toString()).code());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(DEMO).replaceFirst("\"version\": 1", "\"version\": 0"));
        CommandRun publish = run("publish", "--catalog", bad.toString(), "--key", dir.resolve("publisher.key").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(1, publish.code());
        assertTrue(publish.err().contains("version"), publish.err());
        assertTrue(!Files.exists(dir.resolve("out")), "a refused catalog leaves no empty bundle folder");
    }

    /** Runs a publish that must fail: one line (the first, for a list of catalog problems), no trace, exit 1. */
    private static String failedPublish(String catalog, String key, Path out) {
        CommandRun r = run("publish", "--catalog", catalog, "--key", key, "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(List.of(), r.out());
        assertTrue(r.err().startsWith("publish: ") && !r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
        return r.err().lines().findFirst().orElseThrow();
    }

    @Test
    void everyFailedPublishSaysWhatIsWrongAndWhatToDoAndLeavesNothingBehind() throws Exception {
        assertEquals(0, run("keygen", "--out", dir.resolve("keys").toString()).code());
        String key = dir.resolve("keys/publisher.key").toString();
        String demo = DEMO.toString();
        Path out = dir.resolve("srv/yizhan/catalog");
        Path aFile = Files.writeString(dir.resolve("a-file"), "not a folder");
        Path invalid = Files.writeString(dir.resolve("invalid.json"),
                Files.readString(DEMO).replaceFirst("\"version\": 1", "\"version\": 0"));

        assertEquals("publish: the catalog file nope.json does not exist (looked for " + Path.of("nope.json").toAbsolutePath()
                + "); check --catalog", failedPublish("nope.json", key, out));
        assertTrue(failedPublish(dir.toString(), key, out).contains(" is a folder, not a file"));
        assertEquals("publish: the key file " + dir.resolve("nope.key") + " does not exist (looked for "
                + dir.resolve("nope.key").toAbsolutePath() + "); --key takes the private key (NAME.key) that keygen wrote",
                failedPublish(demo, dir.resolve("nope.key").toString(), out));
        assertTrue(failedPublish(demo, dir.resolve("keys/publisher.pub").toString(), out)
                .endsWith("is not a PEM private key file (it should start with -----BEGIN PRIVATE KEY-----); "
                        + "--key takes the private key (NAME.key) that keygen wrote"));
        assertEquals("publish: cannot publish into --out " + aFile + ": " + aFile.toAbsolutePath()
                + " is a file, not a folder; give a folder", failedPublish(demo, key, aFile));
        assertTrue(failedPublish(demo, key, aFile.resolve("catalog")).contains(aFile.toAbsolutePath() + " is a file"));
        assertEquals("publish: " + invalid + " is not a valid catalog; nothing was published. Fix these and publish again:",
                failedPublish(invalid.toString(), key, out));
        assertTrue(!Files.exists(dir.resolve("srv")), "a failed publish made no folder");

        Files.createDirectories(out);
        failedPublish(invalid.toString(), key, out);
        assertTrue(Files.isDirectory(out), "a folder that was there stays");
        assertEquals(0, run("publish", "--catalog", demo, "--key", key, "--out", out.toString()).code());
        List<String> published;
        try (var files = Files.list(out)) {
            published = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertEquals("publish: catalog version 1 is not higher than version 1, already published in " + out.toAbsolutePath()
                + "; versions only go up, so give the catalog a higher one (e.g. the date and time, 202611231230)",
                failedPublish(demo, key, out));
        try (var files = Files.list(out)) {
            assertEquals(published, files.map(f -> f.getFileName().toString()).sorted().toList(), "what was published stays");
        }
    }

    @Test
    void keygenSaysWhyItWritesNothingInOneLine() throws Exception {
        Path aFile = Files.writeString(dir.resolve("a-file"), "not a folder");
        CommandRun intoAFile = run("keygen", "--out", aFile.toString());
        assertEquals(1, intoAFile.code());
        assertEquals("keygen: cannot write keys into --out " + aFile + ": " + aFile.toAbsolutePath()
                + " is a file, not a folder; give a folder", intoAFile.err().strip());

        assertEquals(0, run("keygen", "--out", dir.toString()).code());
        CommandRun again = run("keygen", "--out", dir.toString());
        assertEquals(1, again.code());
        assertEquals("keygen: " + dir.resolve("publisher.key") + " already exists, and keygen never overwrites a private key; "
                + "give another --name (e.g. publisher-2027) or --out", again.err().strip());
    }

    @Test
    void syncNamesAFileThatStandsWhereItsFolderBelongs() throws Exception {
        Path data = Files.createDirectory(dir.resolve("kiosk-data"));
        Files.writeString(data.resolve("catalog"), "a file where the catalog folder belongs");
        Path config = Files.writeString(dir.resolve("kiosk.properties"), KIOSK + "server.url=embedded\ndata.dir=kiosk-data\n",
                StandardCharsets.UTF_8);
        CommandRun sync = run("sync", "--config", config.toString());
        // The loader finds it before the sync starts: a problem of kiosk.properties' data.dir, as the kiosk shows it.
        assertEquals(2, sync.code());
        assertEquals(List.of(), sync.out());
        assertTrue(sync.err().contains("data.dir = \"kiosk-data\" — expected a writable directory (default "
                + "${user.home}/.yizhan), but " + data.toAbsolutePath().resolve("catalog") + " is a file where the kiosk "
                + "keeps a folder; move the file away"), sync.err());
    }

    @Test
    void syncWithTheEmbeddedServerNeedsNothingElse() throws Exception {
        Path config = dir.resolve("kiosk.properties");
        Files.writeString(config, KIOSK + "server.url=embedded\ndata.dir=kiosk-data\n", StandardCharsets.UTF_8);
        CommandRun first = run("sync", "--config", config.toString());
        assertEquals(List.of("applied version 1"), first.out(), first.err());
    }

    /**
     * The report of the first week: a kiosk holding its hall's signed catalog must keep it whatever its
     * kiosk.properties says, and an empty file is a configuration problem, not the demo's settings.
     */
    @Test
    void aConfigSlipNeverBringsBackTheDemo() throws Exception {
        Path hallCatalog = dir.resolve("hall.json");
        Files.writeString(hallCatalog, Files.readString(DEMO).replaceFirst("\"version\": 1", "\"version\": 202611300000")
                .replaceFirst("\"sample\": true", "\"sample\": false"));
        assertEquals(0, run("keygen", "--out", dir.resolve("keys").toString()).code());
        assertEquals(0, run("publish", "--catalog", hallCatalog.toString(), "--key", dir.resolve("keys/publisher.key").toString(),
                "--out", dir.resolve("server/catalog").toString()).code());
        Path config = dir.resolve("kiosk.properties");
        try (HallServer server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), dir.resolve("server"))) {
            Files.writeString(config, KIOSK + "data.dir=kiosk-data\nserver.url=" + server.baseUri()
                    + "\nsync.public-key=keys/publisher.pub\n", StandardCharsets.UTF_8);
            assertEquals(List.of("applied version 202611300000"), run("sync", "--config", config.toString()).out());
        }

        Files.writeString(config, "", StandardCharsets.UTF_8);
        CommandRun empty = run("sync", "--config", config.toString());
        assertEquals(2, empty.code(), "an empty kiosk.properties is a config problem");
        assertEquals(List.of(), empty.out());
        assertTrue(empty.err().contains("the file sets no keys at all"), empty.err());

        // Truncated after its first lines: no server.url, so not "embedded by default" either.
        Files.writeString(config, KIOSK + "data.dir=kiosk-data\n", StandardCharsets.UTF_8);
        CommandRun truncated = run("sync", "--config", config.toString());
        assertEquals(2, truncated.code(), truncated.out().toString());
        assertTrue(truncated.err().contains("server.url = \"\" — expected"), truncated.err());

        Files.writeString(config, KIOSK + "data.dir=kiosk-data\nserver.url=embedded\n", StandardCharsets.UTF_8);
        for (int i = 0; i < 2; i++) {
            CommandRun embedded = run("sync", "--config", config.toString());
            assertEquals(1, embedded.code(), embedded.out().toString());
            assertEquals(1, embedded.out().size(), embedded.out().toString());
            assertTrue(embedded.out().get(0).startsWith("rejected: server.url is embedded, which serves only the bundled "
                    + "demo catalog, and the demo never replaces this kiosk's catalog version 202611300000"), embedded.out().get(0));
            assertTrue(embedded.out().get(0).endsWith("(kept version 202611300000)"), embedded.out().get(0));
        }
    }
}
