package org.yizhan.server.queue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** A ticket's code, the key to its status page: 128 random bits, base64url, so numbers cannot be walked. */
final class TicketCodes {
    static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketCodes() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
