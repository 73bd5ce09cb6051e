package org.yizhan.catalog.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleIndexTest {
    private static final KeyPair KEY = Ed25519Keys.generate();

    private static BundleIndex index() {
        return new BundleIndex(12, Instant.parse("2026-11-23T08:00:00Z"), Instant.parse("2026-12-23T08:00:00Z"), "",
                BundleIndex.catalogFile(12), 1234, "ab".repeat(32), 56789, Ed25519Keys.keyId(KEY.getPublic()), "")
                .signedWith(KEY.getPrivate());
    }

    @Test
    void aSignedIndexSurvivesJsonAndVerifies() throws Exception {
        BundleIndex read = BundleIndex.parse(index().toJson());
        assertEquals(index().signedText(), read.signedText());
        assertTrue(read.signatureValid(KEY.getPublic()));
        assertFalse(read.signatureValid(Ed25519Keys.generate().getPublic()));
    }

    @Test
    void theSignedTextIsOneLinePerField() {
        assertEquals("""
                yizhan-bundle/1
                catalogVersion=12
                publishedAt=2026-11-23T08:00:00Z
                expiresAt=2026-12-23T08:00:00Z
                hall=
                file=catalog-v12.json.gz
                length=1234
                sha256=%s
                jsonLength=56789
                keyId=%s
                """.formatted("ab".repeat(32), Ed25519Keys.keyId(KEY.getPublic())), index().signedText());
    }

    @Test
    void everyFieldIsChecked() {
        String good = new String(index().toJson(), StandardCharsets.UTF_8);
        String[][] cases = {
                {"\"catalogVersion\" : 12", "\"catalogVersion\" : 0"},
                {"\"catalogVersion\" : 12", "\"catalogVersion\" : \"12\""},
                {"\"file\" : \"catalog-v12.json.gz\"", "\"file\" : \"../../etc/passwd\""},
                {"\"file\" : \"catalog-v12.json.gz\"", "\"file\" : \"catalog-v11.json.gz\""},
                {"\"sha256\" : \"", "\"sha256\" : \"XY"},
                {"\"format\" : \"yizhan-bundle/1\"", "\"format\" : \"yizhan-bundle/2\""},
                {"\"hall\" : \"\"", "\"hall\" : \"a hall with spaces\""},
                {"\"expiresAt\" : \"2026-12-23T08:00:00Z\"", "\"expiresAt\" : \"next month\""},
                {"\"length\" : 1234", "\"length\" : 1234, \"extra\" : 1"},
                {"\"length\" : 1234", "\"length\" : 1234, \"length\" : 1"},
        };
        for (String[] c : cases) {
            String bad = good.replace(c[0], c[1]);
            assertFalse(bad.equals(good), "the case does not apply: " + c[0]);
            assertThrows(BundleException.class, () -> BundleIndex.parse(bad.getBytes(StandardCharsets.UTF_8)), c[1]);
        }
        assertThrows(BundleException.class, () -> BundleIndex.parse("[]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(BundleException.class, () -> BundleIndex.parse(new byte[0]));
    }

    @Test
    void textAfterTheIndexIsRefused() {
        String json = new String(index().toJson(), StandardCharsets.UTF_8);
        int lines = json.split("\n").length;
        BundleException e = assertThrows(BundleException.class,
                () -> BundleIndex.parse((json + json).getBytes(StandardCharsets.UTF_8)));
        assertEquals("the index is not valid JSON: unexpected text after its end, at line " + (lines + 1)
                + ", column 1", e.getMessage());
    }

    @Test
    void keyFilesRoundTripAndThePublicHalfIsDerived(@TempDir Path dir) throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        Ed25519Keys.write(pair, dir.resolve("k.key"), dir.resolve("k.pub"));
        assertEquals(pair.getPublic(), Ed25519Keys.readPublic(dir.resolve("k.pub")));
        assertEquals(pair.getPrivate(), Ed25519Keys.readPrivate(dir.resolve("k.key")));
        assertEquals(pair.getPublic(), Ed25519Keys.publicOf(Ed25519Keys.readPrivate(dir.resolve("k.key"))));
        assertTrue(Files.readString(dir.resolve("k.pub")).startsWith("-----BEGIN PUBLIC KEY-----"));
        assertThrows(java.io.IOException.class, () -> Ed25519Keys.write(pair, dir.resolve("k.key"), dir.resolve("k2.pub")));
    }

    @Test
    void aWrongKeyFileSaysWhatItIs(@TempDir Path dir) throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        Ed25519Keys.write(pair, dir.resolve("k.key"), dir.resolve("k.pub"));
        KeyFileException swapped = assertThrows(KeyFileException.class, () -> Ed25519Keys.readPublic(dir.resolve("k.key")));
        assertTrue(swapped.getMessage().contains("PUBLIC KEY"), swapped.getMessage());
        Files.writeString(dir.resolve("junk.pub"), "-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----\n");
        assertThrows(KeyFileException.class, () -> Ed25519Keys.readPublic(dir.resolve("junk.pub")));
    }
}
