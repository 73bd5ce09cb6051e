package org.yizhan.fleet;

import java.time.Instant;
import java.util.Set;

/**
 * How the kiosk's last catalog sync ended, in a heartbeat: {@code outcome} is the sync's kind in lower case
 * ({@code applied}, {@code not_modified}, {@code rejected}, {@code unreachable}), {@code reason} why it failed
 * (one line, at most 200 characters; "" otherwise), {@code at} when.
 */
public record LastSync(String outcome, String reason, String at) {
    public static final Set<String> OUTCOMES = Set.of("applied", "not_modified", "rejected", "unreachable");

    public LastSync {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("lastSync.outcome must be applied, not_modified, rejected or unreachable");
        }
        Fields.line(reason, "lastSync.reason");
        Fields.instant(at, "lastSync.at", false);
    }

    /** The kiosk's own outcome, its reason shortened to one line that fits. */
    public static LastSync of(String kind, String reason, Instant at) {
        return new LastSync(kind.toLowerCase(java.util.Locale.ROOT), Fields.shortLine(reason), at.toString());
    }

    /** Whether the sync failed: the kiosk keeps an older catalog and tries again. */
    public boolean failed() {
        return outcome.equals("rejected") || outcome.equals("unreachable");
    }
}
