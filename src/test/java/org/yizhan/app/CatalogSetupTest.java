package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.catalog.bundle.Ed25519Keys;
import org.yizhan.config.KioskConfigLoader;

/** The kiosk's identity is set once, from kiosk.properties, and goes with what it asks the hall server. */
class CatalogSetupTest {
    @TempDir
    Path dir;

    @Test
    void theSyncNamesTheKioskItsHallAndItsVersion() throws Exception {
        Map<String, String> asked = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            exchange.getRequestHeaders().forEach((name, values) -> asked.put(name.toLowerCase(), values.get(0)));
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            Ed25519Keys.write(Ed25519Keys.generate(), dir.resolve("publisher.key"), dir.resolve("publisher.pub"));
            Path properties = dir.resolve("kiosk.properties");
            Files.writeString(properties, String.join("\n",
                    "hall.name=云溪县政务服务中心",
                    "kiosk.id=kiosk-07",
                    "hall.id=yunxi",
                    "data.dir=" + dir.resolve("data"),
                    "server.url=http://127.0.0.1:" + server.getAddress().getPort() + "/",
                    "sync.public-key=" + dir.resolve("publisher.pub"), ""));
            try (CatalogSetup setup = CatalogSetup.create(KioskConfigLoader.load(properties).config(), Clock.systemUTC())) {
                setup.sync().syncOnce();
            }
        } finally {
            server.stop(0);
        }
        assertEquals("kiosk-07", asked.get("x-yizhan-kiosk"));
        assertEquals("yunxi", asked.get("x-yizhan-hall"));
        assertTrue(asked.getOrDefault("user-agent", "").matches("Yizhan-kiosk/[0-9][^ ]*"), asked.get("user-agent"));
    }
}
