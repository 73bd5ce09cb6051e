package org.yizhan.outbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A message before it is in the outbox: its kind (the line it waits in, in order), the hall server's path it
 * is POSTed to (relative to server.url), its JSON body, and whether it may be dropped when the outbox is full
 * (a heartbeat; never a ticket's confirmation or a rating). Nothing personal goes in: a ticket's code and a
 * reason, a rating's ticket number or application number (never a check, never a name).
 */
public record Draft(String kind, String path, String body, boolean droppable) {
    public static final String TICKET_PRINTED = "ticket.printed";
    public static final String TICKET_VOIDED = "ticket.voided";
    public static final String HEARTBEAT = "heartbeat";
    public static final String RATING = "rating";
    private static final Pattern REASON = Pattern.compile("[a-z_]{1,32}");

    public Draft {
        if (kind == null || kind.isBlank() || path == null || path.isBlank() || path.startsWith("/") || body == null) {
            throw new IllegalArgumentException("a message needs a kind, a relative path and a body");
        }
    }

    /** The ticket is in the citizen's hand (POST queue/tickets/{code}/printed). */
    public static Draft ticketPrinted(String code) {
        return new Draft(TICKET_PRINTED, "queue/tickets/" + segment(code) + "/printed", "{}", false);
    }

    /** The ticket did not come out ({@code reason} as the server takes it: 1 to 32 of a-z and _). */
    public static Draft ticketVoided(String code, String reason) {
        if (!REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException("a void reason is 1 to 32 of a-z and _: " + reason);
        }
        return new Draft(TICKET_VOIDED, "queue/tickets/" + segment(code) + "/void", "{\"reason\":\"" + reason + "\"}",
                false);
    }

    /**
     * The kiosk's latest heartbeat, as JSON (fleet.Heartbeat.json()), POSTed to kiosk/heartbeat; droppable, and
     * only worth its latest: the outbox keeps at most one waiting ({@link #onlyLatest}).
     */
    public static Draft heartbeat(String json) {
        return new Draft(HEARTBEAT, "kiosk/heartbeat", json, true);
    }

    /**
     * A citizen's 好差评, as JSON (rating.Rating.json()), POSTed to kiosk/rating; never dropped, and each one counts:
     * the server takes its Idempotency-Key so a rating sent again is counted once.
     */
    public static Draft rating(String json) {
        return new Draft(RATING, "kiosk/rating", json, false);
    }

    /** Whether a newer message of this kind replaces the one still waiting: a heartbeat says only how things are now. */
    public boolean onlyLatest() {
        return kind.equals(HEARTBEAT);
    }

    private static String segment(String code) {
        return URLEncoder.encode(code, StandardCharsets.UTF_8);
    }
}
