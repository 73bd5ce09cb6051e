package org.yizhan.hall;

import java.util.Optional;

/**
 * Why a conversation with the hall server failed, in the words a technician reads ({@link #getMessage()}),
 * and of a kind that says what to do next: {@link Unreachable} is worth another try soon, {@link Refused}
 * and {@link BadAnswer} would fail the same way again.
 */
public abstract sealed class HallFailure extends Exception
        permits HallFailure.Unreachable, HallFailure.Refused, HallFailure.BadAnswer {

    private HallFailure(String reason) {
        // An expected outcome, reported as a line: a stack trace would only fill the log.
        super(reason, null, false, false);
    }

    /** No connection, no answer in time, a body that stalled or broke off, or a 5xx: the server failed on its side. */
    public static final class Unreachable extends HallFailure {
        public Unreachable(String reason) {
            super(reason);
        }
    }

    /**
     * A 4xx: the server understood and said no. {@link #code()} and {@link #serverMessage()} come from its
     * error body, {@code {"error": code, "message": text}} (docs/protocol.md), when it sent one.
     */
    public static final class Refused extends HallFailure {
        private final int status;
        private final String code;
        private final String serverMessage;
        private final Long retryAfterSeconds;

        public Refused(String reason, int status, String code, String serverMessage) {
            this(reason, status, code, serverMessage, null);
        }

        public Refused(String reason, int status, String code, String serverMessage, Long retryAfterSeconds) {
            super(reason);
            this.status = status;
            this.code = code;
            this.serverMessage = serverMessage;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** How long the server asks the kiosk to wait before trying again ({@code retryAfterSeconds} in its error body). */
        public Optional<Long> retryAfterSeconds() {
            return Optional.ofNullable(retryAfterSeconds);
        }

        public int status() {
            return status;
        }

        public Optional<String> code() {
            return Optional.ofNullable(code);
        }

        public Optional<String> serverMessage() {
            return Optional.ofNullable(serverMessage);
        }
    }

    /** An answer this kiosk cannot use: over its cap, not JSON, encoded when it must not be, an unexpected status. */
    public static final class BadAnswer extends HallFailure {
        public BadAnswer(String reason) {
            super(reason);
        }
    }
}
