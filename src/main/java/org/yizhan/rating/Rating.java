package org.yizhan.rating;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import org.yizhan.json.Json;

/**
 * One 好差评 as a kiosk makes it and the hall server keeps it ({@code POST /kiosk/rating}, docs/protocol.md): the
 * level, for a 差评 at least one reason and an optional note, what it is about, and when it was made by the kiosk's
 * clock. Checked in this constructor on both sides: a high level has no reasons and no note, a low one needs a reason;
 * the note is one line of at most {@link #NOTE_MAX} characters.
 */
public record Rating(RatingLevel level, List<RatingReason> reasons, String note, RatingAbout about, String ratedAt) {
    /** What a citizen types on the kiosk's keyboard; more is refused. */
    public static final int NOTE_MAX = 60;
    /** A rating's JSON is well under this; the server takes no more. */
    public static final int MAX_BYTES = 2048;

    public Rating {
        if (level == null) {
            throw new IllegalArgumentException("level must be one of very_satisfied, satisfied, basically_satisfied, "
                    + "dissatisfied, very_dissatisfied");
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        note = note == null ? "" : note;
        if (new HashSet<>(reasons).size() != reasons.size()) {
            throw new IllegalArgumentException("reasons must not repeat");
        }
        if (level.low() && reasons.isEmpty()) {
            throw new IllegalArgumentException("a " + level.code() + " rating needs at least one of the reasons");
        }
        if (!level.low() && (!reasons.isEmpty() || !note.isEmpty())) {
            throw new IllegalArgumentException("only dissatisfied and very_dissatisfied ratings carry reasons or a note");
        }
        if (note.length() > NOTE_MAX || note.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("note must be one line of at most " + NOTE_MAX + " characters");
        }
        if (about == null) {
            throw new IllegalArgumentException("about must be given ({\"kind\":\"none\"} for an anonymous rating)");
        }
        if (ratedAt == null || ratedAt.length() > 40) {
            throw new IllegalArgumentException("ratedAt must be an ISO-8601 instant such as 2026-12-07T09:12:00Z");
        }
        try {
            Instant.parse(ratedAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ratedAt must be an ISO-8601 instant such as 2026-12-07T09:12:00Z");
        }
    }

    /** The note as the kiosk keeps it: control characters (line breaks, tabs) taken out, cut at {@link #NOTE_MAX}. */
    public static String cleanNote(String typed) {
        StringBuilder out = new StringBuilder();
        typed.codePoints().filter(c -> !Character.isISOControl(c)).forEach(out::appendCodePoint);
        String clean = out.toString().strip();
        return clean.length() <= NOTE_MAX ? clean : clean.substring(0, NOTE_MAX);
    }

    /** As the outbox sends it and the server reads it. */
    public String json() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rating could not be written as JSON", e);
        }
    }
}
