package org.yizhan.fleet;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The strict sizes of a heartbeat's fields; a refusal names the field and its rule, never the value sent. */
final class Fields {
    /** As kiosk.id and hall.id: 1 to 32 letters, digits, _ or -. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+-]{0,40}");
    static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z0-9_.$]{0,200}");
    static final int REASON_MAX = 200;

    private Fields() {
    }

    static void id(String value, String field, boolean mayBeEmpty) {
        if (value == null || !(mayBeEmpty && value.isEmpty() || ID.matcher(value).matches())) {
            throw new IllegalArgumentException(field + " must be 1 to 32 letters, digits, _ or -"
                    + (mayBeEmpty ? ", or empty" : ""));
        }
    }

    static void matches(String value, Pattern pattern, String field, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be " + rule);
        }
    }

    /** One line of at most {@link #REASON_MAX} characters, no control characters. */
    static void line(String value, String field) {
        if (value == null || value.length() > REASON_MAX || value.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must be one line of at most " + REASON_MAX + " characters");
        }
    }

    /** An ISO-8601 instant in UTC ({@code 2026-12-07T09:12:00Z}), or null where {@code mayBeNull}. */
    static void instant(String value, String field, boolean mayBeNull) {
        if (value == null && mayBeNull) {
            return;
        }
        if (value == null || value.length() > 40) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 instant such as 2026-12-07T09:12:00Z");
        }
        try {
            Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 instant such as 2026-12-07T09:12:00Z");
        }
    }

    static void range(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be from " + min + " to " + max);
        }
    }

    /** {@code text} made one line of at most {@link #REASON_MAX} characters: for the kiosk's own reasons. */
    static String shortLine(String text) {
        String line = String.valueOf(text).replaceAll("\\p{Cntrl}+", " ").replaceAll("\\s+", " ").strip();
        return line.length() > REASON_MAX ? line.substring(0, REASON_MAX - 1) + "…" : line;
    }
}
