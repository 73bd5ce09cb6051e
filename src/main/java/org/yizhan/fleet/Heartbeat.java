package org.yizhan.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Set;
import org.yizhan.json.Json;

/**
 * What a kiosk tells its hall server about itself every minute or so ({@code POST /kiosk/heartbeat},
 * docs/protocol.md): which kiosk, its software and catalog, how its last sync went, its printer, how long it has
 * run, its free disk, its outbox and the class of its last error. Nothing about citizens, nothing free-form but
 * the sync's reason, and every field of a strict size: the server stores what it is sent.
 *
 * @param hallId              hall.id, or ""
 * @param version             the kiosk's software version ({@code yizhan -V}), or "" when the build wrote none
 * @param catalogVersion      the catalog version it shows (0 for none)
 * @param lastSync            its last sync, or null before the first
 * @param lastSuccessfulSync  when a sync last reached the server and was taken (applied or not modified), or null
 * @param printer             a {@code print.PrinterState} name, or {@code none} when the kiosk has no printer set
 * @param freeBytes           usable bytes on data.dir's disk, or -1 when they cannot be read
 * @param outboxWaiting       messages in its outbox that must arrive (tickets, ratings) not yet taken by the server
 * @param outboxKeptAside     messages the server refused for good, kept for the technician
 * @param lastError           the class of its last logged error (e.g. {@code java.net.ConnectException}), or ""
 * @param sentAt              when the kiosk made it, by its own clock
 */
public record Heartbeat(String kioskId, String hallId, String version, long catalogVersion, LastSync lastSync,
                        String lastSuccessfulSync, String printer, long uptimeSeconds, long freeBytes,
                        int outboxWaiting, int outboxKeptAside, String lastError, String sentAt) {
    /** The printer states a kiosk may report: print.PrinterState's names and {@code none}. */
    public static final Set<String> PRINTER_STATES = Set.of("READY", "PAPER_OUT", "COVER_OPEN", "OFFLINE", "UNKNOWN",
            "none");
    /** A heartbeat's JSON is well under this; the server takes no more. */
    public static final int MAX_BYTES = 4096;
    private static final int MAX_MESSAGES = 10_000_000;

    public Heartbeat {
        Fields.id(kioskId, "kioskId", false);
        Fields.id(hallId, "hallId", true);
        Fields.matches(version, Fields.VERSION, "version", "0 to 40 of A-Z a-z 0-9 . _ + -");
        Fields.range(catalogVersion, 0, Long.MAX_VALUE, "catalogVersion");
        Fields.instant(lastSuccessfulSync, "lastSuccessfulSync", true);
        if (printer == null || !PRINTER_STATES.contains(printer)) {
            throw new IllegalArgumentException("printer must be READY, PAPER_OUT, COVER_OPEN, OFFLINE, UNKNOWN or none");
        }
        Fields.range(uptimeSeconds, 0, Long.MAX_VALUE, "uptimeSeconds");
        Fields.range(freeBytes, -1, Long.MAX_VALUE, "freeBytes");
        Fields.range(outboxWaiting, 0, MAX_MESSAGES, "outboxWaiting");
        Fields.range(outboxKeptAside, 0, MAX_MESSAGES, "outboxKeptAside");
        Fields.matches(lastError, Fields.CLASS_NAME, "lastError", "a Java class name of at most 200 characters, or empty");
        Fields.instant(sentAt, "sentAt", false);
    }

    /** As the outbox sends it and the server stores it. */
    public String json() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a heartbeat could not be written as JSON", e);
        }
    }
}
