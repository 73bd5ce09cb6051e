package org.yizhan.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The hall server's certificate and key for https, as openssl writes them (docs/deployment.md, "TLS"): a PEM
 * certificate file (the server's first, then any intermediate CA's) and an unencrypted PKCS#8 PEM key. Read once
 * at start; a file that does not fit stops the start with a sentence naming the file and the fix.
 */
public record TlsFiles(Path certificate, Path key) {
    /** The password of the in-memory key store Jetty reads; the store never touches the disk. */
    static final String STORE_PASSWORD = "in-memory";

    KeyStore keyStore() throws IOException, GeneralSecurityException {
        List<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(certificate)) {
            chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException("--tls-cert " + certificate + " is not a PEM certificate file: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("--tls-cert " + certificate + " holds no certificate (-----BEGIN CERTIFICATE-----)");
        }
        PrivateKey privateKey = privateKey();
        if (!matches(privateKey, chain.get(0))) {
            throw new GeneralSecurityException("--tls-key " + key + " is not the key of the certificate in --tls-cert "
                    + certificate + " (its first certificate must be the server's own)");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("hall", privateKey, STORE_PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
        return store;
    }

    private PrivateKey privateKey() throws IOException, GeneralSecurityException {
        String pem = Files.readString(key, StandardCharsets.US_ASCII);
        if (pem.contains("ENCRYPTED PRIVATE KEY") || pem.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new GeneralSecurityException("--tls-key " + key + " is encrypted, and the server starts unattended; "
                    + "write it without a passphrase: openssl pkcs8 -topk8 -nocrypt -in " + key + " -out server.key");
        }
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException("--tls-key " + key + " is not a PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----)"
                    + (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")
                    ? "; convert it: openssl pkcs8 -topk8 -nocrypt -in " + key + " -out server.key" : ""));
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("--tls-key " + key + " is not valid PEM: " + e.getMessage());
        }
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException notThisKind) {
                // The next kind.
            }
        }
        throw new GeneralSecurityException("--tls-key " + key + " is neither an RSA, an EC nor an Ed25519 key");
    }

    /** Whether {@code privateKey} signs what the certificate's public key verifies. */
    private static boolean matches(PrivateKey privateKey, Certificate certificate) throws GeneralSecurityException {
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> privateKey.getAlgorithm();
        };
        byte[] probe = "yizhan".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(privateKey);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(certificate.getPublicKey());
            verify.update(probe);
            return verify.verify(signature);
        } catch (java.security.InvalidKeyException otherKind) {
            return false;
        }
    }
}
