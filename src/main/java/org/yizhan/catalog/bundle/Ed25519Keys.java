package org.yizhan.catalog.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 key files in PEM, the form {@code openssl} reads: {@code PUBLIC KEY} (X.509) and
 * {@code PRIVATE KEY} (PKCS#8). The JDK signs and verifies Ed25519 itself, so no crypto library is needed.
 */
public final class Ed25519Keys {
    public static final String ALGORITHM = "Ed25519";
    private static final String PUBLIC = "PUBLIC KEY";
    private static final String PRIVATE = "PRIVATE KEY";

    private Ed25519Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** Writes the pair; the private key file is readable by its owner only where the file system allows. */
    public static void write(KeyPair pair, Path privateFile, Path publicFile) throws IOException {
        if (Files.exists(privateFile)) {
            throw new IOException(privateFile + " already exists; refusing to overwrite a private key");
        }
        Path parent = privateFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(privateFile);
        }
        Files.writeString(privateFile, pem(PRIVATE, pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.createDirectories(publicFile.toAbsolutePath().getParent());
        Files.writeString(publicFile, pem(PUBLIC, pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    }

    /** The public key as the text of a {@code .pub} file, which {@link #readPublic} reads back. */
    public static String publicPem(PublicKey key) {
        return pem(PUBLIC, key.getEncoded());
    }

    public static PublicKey readPublic(Path file) throws IOException, KeyFileException {
        byte[] der = der(file, PUBLIC);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFileException(file + " is not an Ed25519 public key: " + e.getMessage());
        }
    }

    public static PrivateKey readPrivate(Path file) throws IOException, KeyFileException {
        byte[] der = der(file, PRIVATE);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFileException(file + " is not an Ed25519 private key: " + e.getMessage());
        }
    }

    /** The public key of a private key, so that {@code publish} can name the key it signed with. */
    public static PublicKey publicOf(PrivateKey key) {
        try {
            // An Ed25519 PKCS#8 key does not carry its public half; the JDK derives it when signing
            // only, so we derive it through a key pair built from the same seed.
            byte[] pkcs8 = key.getEncoded();
            byte[] seed = java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(255, new FixedRandom(seed));
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** A short, stable name of a public key: the first 16 hex digits of the SHA-256 of its encoding. */
    public static String keyId(PublicKey key) {
        MessageDigest digest = Sha256.digest();
        digest.update(key.getEncoded());
        return Sha256.hex(digest, 8);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(Path file, String type) throws IOException, KeyFileException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        if (!text.startsWith(begin) || !text.endsWith(end)) {
            throw new KeyFileException(file + " is not a PEM " + type.toLowerCase(java.util.Locale.ROOT)
                    + " file (it should start with " + begin + ")");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(begin.length(), text.length() - end.length()));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(file + " has broken Base64 inside: " + e.getMessage());
        }
    }

    /** Feeds a key pair generator the seed of an existing key, so it rebuilds that key's pair. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
