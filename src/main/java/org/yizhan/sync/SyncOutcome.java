package org.yizhan.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * How one sync attempt ended.
 *
 * @param version the catalog version the kiosk has afterwards (0 if none)
 * @param reason  why it was rejected or failed; "" otherwise
 */
public record SyncOutcome(Kind kind, long version, String reason, Instant at) {

    public enum Kind {
        /** A newer catalog was verified and installed. */
        APPLIED,
        /** Nothing newer (304, or the same version). */
        NOT_MODIFIED,
        /** The server answered with something we refuse: bad signature, rollback, expired, 4xx, broken data. */
        REJECTED,
        /** The server could not be reached or failed on its side: network, timeout, stall, 5xx. Retried soon. */
        UNREACHABLE
    }

    public SyncOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    public boolean failed() {
        return kind == Kind.REJECTED || kind == Kind.UNREACHABLE;
    }

    /** The line {@code yizhan sync} prints. */
    public String line() {
        return switch (kind) {
            case APPLIED -> "applied version " + version;
            case NOT_MODIFIED -> "not modified (version " + version + ")";
            case REJECTED, UNREACHABLE -> "rejected: " + reason + " (kept version " + version + ")";
        };
    }
}
