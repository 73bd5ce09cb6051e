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
        assertTrue(!Files.exists(dir.resolve("out/index.json")));
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
