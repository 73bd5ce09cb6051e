package org.yizhan.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yizhan.json.Json;
import org.yizhan.print.PrinterState;
import org.yizhan.testing.TestHeartbeats;

/** The heartbeat's record: what it carries through JSON, and the strict size of every field. */
class HeartbeatFieldsTest {
    private static final String AT = "2026-12-07T01:00:00Z";
    private static final Heartbeat OK = TestHeartbeats.healthy("kiosk-01", 43, AT);

    @Test
    void itComesBackFromItsJsonWithEveryField() throws Exception {
        Heartbeat sent = new Heartbeat("kiosk-01", "yunxi", "0.4.0+b7", 43,
                new LastSync("unreachable", "connection refused", AT), "2026-12-06T23:00:00Z", "PAPER_OUT", 86_400,
                123_456_789, 3, 1, "java.net.ConnectException", AT);
        Heartbeat read = Json.readMessage(sent.json().getBytes(StandardCharsets.UTF_8), Heartbeat.class);
        assertEquals(sent, read);
        assertTrue(read.lastSync().failed());
        assertTrue(sent.json().length() < Heartbeat.MAX_BYTES, sent.json());
    }

    @Test
    void beforeTheFirstSyncThereIsNoLastSync() throws Exception {
        Heartbeat first = TestHeartbeats.withSync(OK, null, null);
        assertEquals(first, Json.readMessage(first.json().getBytes(StandardCharsets.UTF_8), Heartbeat.class));
    }

    @Test
    void everyPrinterStateIsOneAKioskMayReport() {
        for (PrinterState state : PrinterState.values()) {
            assertEquals(state.name(), TestHeartbeats.withPrinter(OK, state.name()).printer());
        }
        assertEquals("none", TestHeartbeats.withPrinter(OK, "none").printer());
    }

    @Test
    void theKiosksOwnReasonIsMadeOneShortLine() {
        LastSync sync = LastSync.of("REJECTED", "bad\nsignature " + "x".repeat(500), Instant.parse(AT));
        assertEquals("rejected", sync.outcome());
        assertEquals(200, sync.reason().length());
        assertTrue(sync.reason().startsWith("bad signature x"));
        assertFalse(sync.reason().contains("\n"));
        assertTrue(sync.failed());
        assertFalse(LastSync.of("APPLIED", "", Instant.parse(AT)).failed());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                bad("kioskId", h -> new Heartbeat("", h.hallId(), h.version(), 1, h.lastSync(), null, "READY", 1, 1, 0, 0, "", AT)),
                bad("kioskId", h -> new Heartbeat("k".repeat(33), "", "", 1, null, null, "READY", 1, 1, 0, 0, "", AT)),
                bad("kioskId", h -> new Heartbeat("kiosk 1", "", "", 1, null, null, "READY", 1, 1, 0, 0, "", AT)),
                bad("kioskId", h -> new Heartbeat(null, "", "", 1, null, null, "READY", 1, 1, 0, 0, "", AT)),
                bad("hallId", h -> new Heartbeat("k1", "云溪", "", 1, null, null, "READY", 1, 1, 0, 0, "", AT)),
                bad("version", h -> new Heartbeat("k1", "", "1".repeat(41), 1, null, null, "READY", 1, 1, 0, 0, "", AT)),
                bad("version", h -> new Heartbeat("k1", "", "0.4 beta", 1, null, null, "READY", 1, 1, 0, 0, "", AT)),
                bad("catalogVersion", h -> new Heartbeat("k1", "", "", -1, null, null, "READY", 1, 1, 0, 0, "", AT)),
                bad("lastSuccessfulSync", h -> new Heartbeat("k1", "", "", 1, null, "yesterday", "READY", 1, 1, 0, 0, "", AT)),
                bad("printer", h -> new Heartbeat("k1", "", "", 1, null, null, "ON_FIRE", 1, 1, 0, 0, "", AT)),
                bad("printer", h -> new Heartbeat("k1", "", "", 1, null, null, null, 1, 1, 0, 0, "", AT)),
                bad("uptimeSeconds", h -> new Heartbeat("k1", "", "", 1, null, null, "READY", -5, 1, 0, 0, "", AT)),
                bad("freeBytes", h -> new Heartbeat("k1", "", "", 1, null, null, "READY", 1, -2, 0, 0, "", AT)),
                bad("outboxWaiting", h -> new Heartbeat("k1", "", "", 1, null, null, "READY", 1, 1, -1, 0, "", AT)),
                bad("outboxKeptAside", h -> new Heartbeat("k1", "", "", 1, null, null, "READY", 1, 1, 0, 20_000_000, "", AT)),
                bad("lastError", h -> new Heartbeat("k1", "", "", 1, null, null, "READY", 1, 1, 0, 0, "x".repeat(201), AT)),
                bad("lastError", h -> new Heartbeat("k1", "", "", 1, null, null, "READY", 1, 1, 0, 0, "Connection refused: 10.0.0.9", AT)),
                bad("sentAt", h -> new Heartbeat("k1", "", "", 1, null, null, "READY", 1, 1, 0, 0, "", null)),
                bad("sentAt", h -> new Heartbeat("k1", "", "", 1, null, null, "READY", 1, 1, 0, 0, "", "2026-12-07 09:00")),
                bad("lastSync.outcome", h -> new LastSync("fine", "", AT)),
                bad("lastSync.reason", h -> new LastSync("rejected", "r".repeat(201), AT)),
                bad("lastSync.reason", h -> new LastSync("rejected", "two\nlines", AT)),
                bad("lastSync.at", h -> new LastSync("rejected", "", "")));
    }

    private static Arguments bad(String field, Function<Heartbeat, Object> make) {
        return Arguments.of(field, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void everyFieldHasItsStrictSize(String field, Function<Heartbeat, Object> make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> make.apply(OK));
        assertTrue(e.getMessage().startsWith(field + " must be"), e.getMessage());
    }
}
