package org.yizhan.catalog.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as bundles use it: the hash a signed index names, written as lowercase hex. */
public final class Sha256 {
    private Sha256() {
    }

    /** A fresh digest, for hashing bytes as they stream past. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The digest's hash as lowercase hex, the first {@code bytes} bytes of it (32 for the whole hash). */
    public static String hex(MessageDigest digest, int bytes) {
        return HexFormat.of().formatHex(digest.digest(), 0, bytes);
    }

    public static String hex(byte[] data) {
        MessageDigest digest = digest();
        digest.update(data);
        return hex(digest, 32);
    }

    public static String hex(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest, 32);
    }
}
