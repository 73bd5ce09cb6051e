package org.yizhan.config;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A PIN at rest, as {@code yizhan hash-pin} prints it: {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash
 * in base64), a salted slow hash, so that a copied windows file or kiosk.properties does not give away a PIN
 * without a slow search for each. The iterations are in the text, so raising them later leaves old lines valid.
 */
public final class PinHash {
    public static final int ITERATIONS = 200_000;
    /** What a PIN may be: 4 to 12 digits. */
    public static final Pattern PIN = Pattern.compile("[0-9]{4,12}");
    private static final Pattern FORM = Pattern.compile(
            "pbkdf2-sha256\\$([0-9]{4,7})\\$([A-Za-z0-9+/]{22}==)\\$([A-Za-z0-9+/]{43}=)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PinHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes {@code pin} with a new salt. */
    public static PinHash of(String pin) {
        if (!PIN.matcher(pin).matches()) {
            throw new IllegalArgumentException("a PIN is 4 to 12 digits");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PinHash(ITERATIONS, salt, derive(pin, salt, ITERATIONS));
    }

    /** The hash written as {@link #toString()} wrote it; empty for anything else (a PIN written in plain, say). */
    public static Optional<PinHash> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int iterations = Integer.parseInt(m.group(1));
        if (iterations < 10_000) {
            return Optional.empty();
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return Optional.of(new PinHash(iterations, b64.decode(m.group(2)), b64.decode(m.group(3))));
    }

    /** Whether {@code pin} is the PIN hashed, compared in constant time once derived. */
    public boolean matches(String pin) {
        if (pin == null || pin.length() > 64) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(pin, salt, iterations));
    }

    /** The line to paste: {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}. */
    @Override
    public String toString() {
        Base64.Encoder b64 = Base64.getEncoder();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** PBKDF2-HMAC-SHA256, 256 bits: the slow hash of a PIN here and of a case's check on the hall server. */
    public static byte[] derive(String pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
