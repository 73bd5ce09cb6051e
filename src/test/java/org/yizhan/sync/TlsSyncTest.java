package org.yizhan.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.catalog.CatalogDirectory;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.HallFailure;
import org.yizhan.hall.KioskIdentity;
import org.yizhan.hall.ServerTrust;
import org.yizhan.server.HallServer;
import org.yizhan.server.ServerLimits;
import org.yizhan.server.TlsFiles;
import org.yizhan.testing.TestCertificates;

/** The hall server over https with a certificate made here; kiosks that trust it by pin or CA, and ones that must not. */
class TlsSyncTest {
    @TempDir
    static Path certificates;
    static TestCertificates.Made hall;
    static TestCertificates.Made other;
    @TempDir
    Path root;
    HallServer server;

    @BeforeAll
    static void makeCertificates() throws Exception {
        hall = TestCertificates.make(certificates, "hall");
        other = TestCertificates.make(certificates, "other");
    }

    @BeforeEach
    void start() throws Exception {
        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), root.resolve("server"),
                Clock.systemUTC(), ServerLimits.DEFAULTS, Optional.of(new TlsFiles(hall.certificate(), hall.key())));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HallClient client(ServerTrust trust) {
        return HallClient.create(server.baseUri(), KioskIdentity.NONE).withTrust(trust);
    }

    @Test
    void aPinnedOrCaTrustedCertificateIsTalkedTo() throws Exception {
        assertTrue(server.baseUri().toString().startsWith("https://127.0.0.1:"), server.baseUri().toString());
        String pin = ServerTrust.fingerprint(hall.x509());
        JsonNode health = client(ServerTrust.pin(pin, "server.pin")).getJson("health", JsonNode.class);
        assertEquals("ok", health.get("status").asText());
        String colons = pin.toUpperCase().replaceAll("(..)(?!$)", "$1:");
        assertEquals("ok", client(ServerTrust.pin(colons, "server.pin")).getJson("health", JsonNode.class)
                .get("status").asText(), "openssl's form, with colons, in capitals");
        assertEquals("ok", client(ServerTrust.ca(hall.certificate(), "server.ca")).getJson("health", JsonNode.class)
                .get("status").asText());
    }

    @Test
    void plainHttpToTheTlsPortIsToldToUseHttps() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: hall\r\nAuthorization: Bearer secret\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.contains("\"error\":\"https_required\""), answer);
            assertTrue(answer.contains("this port speaks https"), answer);
        }
    }

    @Test
    void aWrongCertificateFailsNamingTheKey() throws Exception {
        HallFailure pinned = assertThrows(HallFailure.class, () -> client(ServerTrust.pin(
                ServerTrust.fingerprint(other.x509()), "server.pin")).getJson("health", JsonNode.class));
        assertTrue(pinned.getMessage().contains("not the one server.pin names"), pinned.getMessage());
        HallFailure signed = assertThrows(HallFailure.class, () -> client(ServerTrust.ca(other.certificate(), "server.ca"))
                .getJson("health", JsonNode.class));
        assertTrue(signed.getMessage().contains("not signed by the CA in server.ca"), signed.getMessage());
        HallFailure system = assertThrows(HallFailure.class, () -> client(ServerTrust.SYSTEM).getJson("health", JsonNode.class));
        assertTrue(system.getMessage().contains("server.ca") && system.getMessage().contains("server.pin"),
                system.getMessage());
    }

    @Test
    void aKioskThatMeetsAnotherCertificateKeepsItsCatalog() throws Exception {
        new SyncFixture(root.resolve("fixture")).close();
        Path out = root.resolve("server").resolve(HallServer.CATALOG_DIR);
        Path catalogFile = root.resolve("catalog.json");
        org.yizhan.catalog.CatalogJson.write(SyncFixture.catalog(5), catalogFile);
        org.yizhan.server.BundlePublisher.publish(catalogFile, SyncFixture.KEY.getPrivate(), out, "",
                java.time.Duration.ofDays(30), Clock.fixed(SyncFixture.NOW, ZoneOffset.UTC));
        CatalogDirectory catalogs = CatalogDirectory.open(root.resolve("kiosk/catalog"));
        SyncSettings settings = SyncSettings.of(server.baseUri(), SyncFixture.KEY.getPublic(), "");
        Clock clock = Clock.fixed(SyncFixture.NOW, ZoneOffset.UTC);
        SyncOutcome first = new CatalogSync(settings, client(ServerTrust.pin(ServerTrust.fingerprint(hall.x509()),
                "server.pin")), catalogs, root.resolve("kiosk/sync"), clock).syncOnce();
        assertEquals(SyncOutcome.Kind.APPLIED, first.kind(), first.line());
        SyncOutcome impostor = new CatalogSync(settings, client(ServerTrust.pin(ServerTrust.fingerprint(other.x509()),
                "server.pin")), catalogs, root.resolve("kiosk/sync"), clock).syncOnce();
        assertTrue(impostor.failed(), impostor.line());
        assertTrue(impostor.reason().contains("server.pin"), impostor.reason());
        assertEquals(5, impostor.version(), "the last good catalog stays");
        assertEquals(Optional.of(SyncFixture.catalog(5)), catalogs.load());
    }

    @Test
    void aKeyThatIsNotTheCertificatesStopsTheStart() throws Exception {
        IOException wrong = assertThrows(IOException.class, () -> HallServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), root.resolve("server2"), Clock.systemUTC(),
                ServerLimits.DEFAULTS, Optional.of(new TlsFiles(hall.certificate(), other.key()))));
        assertTrue(wrong.getMessage().contains("is not the key of the certificate"), wrong.getMessage());
        Files.writeString(root.resolve("rsa.key"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        IOException pkcs1 = assertThrows(IOException.class, () -> HallServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), root.resolve("server3"), Clock.systemUTC(),
                ServerLimits.DEFAULTS, Optional.of(new TlsFiles(hall.certificate(), root.resolve("rsa.key")))));
        assertTrue(pkcs1.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), pkcs1.getMessage());
    }
}
