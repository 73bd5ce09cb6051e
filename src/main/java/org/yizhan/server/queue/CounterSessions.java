package org.yizhan.server.queue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The counter page's sessions: a random token (its cookie) for a window that signed in with its PIN, good until
 * the end of the hall's business day. In memory: a restart of the server asks the clerks for their PIN again.
 */
final class CounterSessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX = 1000;

    record Session(String window, Instant expires) {
    }

    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Session> byToken = new HashMap<>();

    CounterSessions(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** A new session for {@code window}; returns its token. */
    synchronized String open(String window) {
        Instant now = clock.instant();
        if (byToken.size() >= MAX) {
            byToken.values().removeIf(s -> !s.expires().isAfter(now));
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byToken.put(token, new Session(window, endOfDay(now)));
        return token;
    }

    /** The session of {@code token}, while it lasts. */
    synchronized Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = byToken.get(token);
        if (s == null) {
            return Optional.empty();
        }
        if (!s.expires().isAfter(clock.instant())) {
            byToken.remove(token);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    synchronized void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    /** The next local midnight of the hall: when the business day, and a clerk's session, ends. */
    Instant endOfDay(Instant now) {
        return LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
    }
}
