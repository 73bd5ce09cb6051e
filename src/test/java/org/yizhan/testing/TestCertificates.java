package org.yizhan.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made in the test with the JDK's keytool, as a hall without a CA makes its own: an EC key and a
 * self-signed certificate for 127.0.0.1 and localhost, written as the PEM files {@code yizhan server --tls-cert}
 * and {@code --tls-key} take.
 */
public final class TestCertificates {
    /** @param certificate PEM; @param key PKCS#8 PEM; @param x509 the certificate itself */
    public record Made(Path certificate, Path key, X509Certificate x509) {
    }

    private TestCertificates() {
    }

    public static Made make(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        Path store = dir.resolve(name + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", name, "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=" + name,
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "30", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit"))
                .redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + said);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        X509Certificate certificate = (X509Certificate) keys.getCertificate(name);
        Key key = keys.getKey(name, "changeit".toCharArray());
        Path certificateFile = dir.resolve(name + ".crt");
        Path keyFile = dir.resolve(name + ".key");
        Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
        return new Made(certificateFile, keyFile, certificate);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
