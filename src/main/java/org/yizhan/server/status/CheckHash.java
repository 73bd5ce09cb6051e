package org.yizhan.server.status;

import java.security.MessageDigest;
import java.security.SecureRandom;
import org.yizhan.config.PinHash;

/**
 * The check value at rest: PBKDF2WithHmacSHA256 with a random salt per case, so a stolen {@code cases.db} gives away
 * no phone or ID digits without a slow search per case. {@link #ITERATIONS} was chosen so that one check costs
 * 20–50 ms on the 2-core reference machine: 25 ms with a core free, 43 ms while another build keeps both busy
 * (docs/status.md, "The check at rest"); each row keeps its own count, so raising it later leaves old rows readable.
 */
final class CheckHash {
    static final int ITERATIONS = 100_000;
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What an unknown number is compared against, so that it costs what a wrong check costs. */
    private static final Hashed DUMMY = of("0000");

    /** A hashed check: its kind is in the case row beside it. */
    record Hashed(byte[] salt, int iterations, byte[] hash) {
        @Override
        public String toString() {
            return "Hashed[" + iterations + " iterations]";
        }
    }

    private CheckHash() {
    }

    static Hashed of(String check) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Hashed(salt, ITERATIONS, PinHash.derive(check, salt, ITERATIONS));
    }

    /** Whether {@code check} is the one hashed, in constant time once derived. */
    static boolean matches(Hashed stored, String check) {
        return MessageDigest.isEqual(stored.hash(), PinHash.derive(check, stored.salt(), stored.iterations()));
    }

    /** The same work as {@link #matches} for a number that has no case; always false. */
    static boolean spend(String check) {
        matches(DUMMY, check);
        return false;
    }
}
