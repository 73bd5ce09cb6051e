package org.yizhan.server.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.FleetReport;
import org.yizhan.fleet.Heartbeat;
import org.yizhan.fleet.LastSync;
import org.yizhan.json.Json;
import org.yizhan.testing.SetClock;
import org.yizhan.testing.TestHeartbeats;

/** The fleet's endpoints on a real hall server on loopback, with a clock the test moves (docs/protocol.md). */
class FleetRoutesTest {
    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");
    private static final String KEY = "9f1c0e5a6b7d4c3e8a2b1d0f9e8c7b6a";

    @TempDir
    Path data;
    private final SetClock clock = new SetClock(T0);
    private FleetFixture hall;

    @BeforeEach
    void start() throws Exception {
        hall = new FleetFixture(data, clock);
    }

    @AfterEach
    void stop() {
        hall.close();
    }

    private Heartbeat healthy(String id) {
        return TestHeartbeats.healthy(id, 43, clock.instant().toString());
    }

    private FleetReport report(String query) throws Exception {
        FleetFixture.Answer answer = hall.fleet(query);
        assertEquals(200, answer.status(), answer.body());
        return Json.readMessage(answer.body().getBytes(StandardCharsets.UTF_8), FleetReport.class);
    }

    @Test
    void aHeartbeatIsTakenAndTheFleetShowsIt() throws Exception {
        Heartbeat sent = healthy("kiosk-01");
        FleetFixture.Answer taken = hall.beat(sent, KEY);
        assertEquals(200, taken.status(), taken.body());
        assertEquals("kiosk-01", taken.json().get("kioskId").asText());
        assertEquals(T0.toString(), taken.json().get("receivedAt").asText());

        clock.advance(Duration.ofSeconds(40));
        FleetFixture.Answer answer = hall.fleet("");
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
        FleetReport report = report("");
        assertEquals(1, report.kiosks().size());
        assertEquals(clock.instant().toString(), report.at());
        assertEquals(FleetRoutes.DEFAULT_STALE_MINUTES, report.staleMinutes());
        assertEquals(null, report.serverCatalogVersion(), "nothing published yet");
        assertEquals("0.4.0", report.fleetVersion());
        var kiosk = report.kiosks().get(0);
        assertEquals(sent, kiosk.heartbeat());
        assertEquals("yunxi", kiosk.hallId());
        assertEquals(T0.toString(), kiosk.lastSeen());
        assertEquals(40, kiosk.secondsSinceSeen());
        assertEquals(List.of(), kiosk.problems());
        assertEquals(0, report.withProblems());
    }

    @Test
    void withoutTheHallSecretNothingIsTakenOrShown() throws Exception {
        Heartbeat sent = healthy("kiosk-01");
        for (String authorization : new String[] {null, "Bearer wrong-secret-0123456789", hall.secret, "Basic " + hall.secret}) {
            FleetFixture.Answer beat = hall.post("kiosk/heartbeat", sent.json(), authorization, "kiosk-01", "yunxi", KEY);
            assertEquals(401, beat.status(), beat.body());
            assertEquals("unauthorized", beat.error());
            assertEquals("Bearer realm=\"yizhan-hall\"", beat.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(401, hall.get("fleet", authorization).status());
            assertEquals(401, hall.post("fleet/kiosk-01/forget", null, authorization, null, null, null).status());
        }
        assertEquals(List.of(), report("").kiosks());
        assertEquals(200, hall.beat(sent, KEY).status(), "the key of a refused request is not spent");
    }

    @Test
    void theKioskHeaderMustNameTheKioskOfTheBody() throws Exception {
        Heartbeat sent = healthy("kiosk-01");
        String bearer = "Bearer " + hall.secret;
        for (String kiosk : new String[] {null, "kiosk-02", "KIOSK-01"}) {
            FleetFixture.Answer answer = hall.post("kiosk/heartbeat", sent.json(), bearer, kiosk, "yunxi", KEY);
            assertEquals(400, answer.status(), answer.body());
            assertEquals("bad_request", answer.error());
            assertTrue(answer.json().get("message").asText().contains("X-Yizhan-Kiosk"), answer.body());
        }
        FleetFixture.Answer otherHall = hall.post("kiosk/heartbeat", sent.json(), bearer, "kiosk-01", "other-hall", KEY);
        assertEquals(400, otherHall.status(), otherHall.body());
        assertEquals(400, hall.post("kiosk/heartbeat", sent.json(), bearer, "kiosk-01", null, KEY).status(), "no hall header");
        assertEquals(List.of(), report("").kiosks());
    }

    @Test
    void hostileBodiesAreRefusedWithTheUsualJsonError() throws Exception {
        String bearer = "Bearer " + hall.secret;
        String good = healthy("kiosk-01").json();
        String[][] cases = {
                {"413", good.replace("\"lastError\":\"\"", "\"lastError\":\"\",\"padding\":\"" + "x".repeat(5000) + "\"")},
                {"400", "not json"},
                {"400", "[" + good + "]"},
                {"400", "null"},
                {"400", good.substring(0, good.length() - 1)},
                {"400", good.replace("\"printer\":\"READY\"", "\"printer\":\"<script>\"")},
                {"400", good.replace("\"catalogVersion\":43", "\"catalogVersion\":\"forty-three\"")},
                {"400", good.replace("\"catalogVersion\":43", "\"catalogVersion\":{\"v\":43}")},
                {"400", good.replace("\"kioskId\":\"kiosk-01\"", "\"kioskId\":\"kiosk-01\\u0000\"")},
                {"400", good.replace("\"kioskId\":\"kiosk-01\",", "")},
                {"400", good.replace("\"lastError\":\"\"", "\"lastError\":\"\",\"lastError\":\"x\"")},
                {"400", good.replace("\"reason\":\"\"", "\"reason\":\"" + "长".repeat(201) + "\"")},
                {"400", good.replace("\"uptimeSeconds\":3600", "\"uptimeSeconds\":1e400")},
        };
        for (String[] c : cases) {
            FleetFixture.Answer answer = hall.post("kiosk/heartbeat", c[1], bearer, "kiosk-01", "yunxi", null);
            assertEquals(Integer.parseInt(c[0]), answer.status(), c[1].length() > 200 ? c[1].substring(0, 200) : c[1]);
            JsonNode error = answer.json();
            assertEquals(Integer.parseInt(c[0]) == 413 ? "too_large" : "bad_request", error.get("error").asText());
            assertTrue(error.get("message").isTextual());
            assertTrue(!answer.body().contains("<script>"), "nothing sent is echoed: " + answer.body());
        }
        FleetFixture.Answer noType = hall.post("kiosk/heartbeat", null, bearer, "kiosk-01", "yunxi", null);
        assertEquals(400, noType.status());
        FleetFixture.Answer badKey = hall.post("kiosk/heartbeat", good, bearer, "kiosk-01", "yunxi", "short");
        assertEquals(400, badKey.status());
        assertTrue(badKey.json().get("message").asText().contains("Idempotency-Key"));
        assertEquals(List.of(), report("").kiosks());
        assertEquals(200, hall.beat(healthy("kiosk-01"), KEY).status(), "and the server goes on taking heartbeats");
    }

    @Test
    void aRepeatedKeyChangesNothing() throws Exception {
        Heartbeat first = healthy("kiosk-01");
        FleetFixture.Answer answer = hall.beat(first, KEY);
        clock.advance(Duration.ofMinutes(1));
        Heartbeat second = TestHeartbeats.withPrinter(healthy("kiosk-01"), "PAPER_OUT");
        assertEquals(200, hall.beat(second, "another-key-0000000000").status());
        clock.advance(Duration.ofMinutes(1));
        FleetFixture.Answer repeat = hall.beat(first, KEY);
        assertEquals(200, repeat.status());
        assertEquals(answer.body(), repeat.body(), "answered as the first time");
        var kiosk = report("").kiosks().get(0);
        assertEquals(second, kiosk.heartbeat(), "the older heartbeat sent again does not replace the newer");
        assertEquals(T0.plusSeconds(60).toString(), kiosk.lastSeen(), "nor counts as seen");

        FleetFixture.Answer reused = hall.beat(healthy("kiosk-02"), KEY);
        assertEquals(422, reused.status());
        assertEquals("key_reused", reused.error());
        assertEquals(1, report("").kiosks().size());
    }

    @Test
    void theFleetIsJudgedOnTheServerWorstFirst() throws Exception {
        hall.publish(43);
        String at = T0.toString();
        // kiosk-03 last beat two hours ago; the others just now.
        assertEquals(200, hall.beat(healthy("kiosk-03"), null).status());
        clock.advance(Duration.ofHours(2));
        String now = clock.instant().toString();
        List<Heartbeat> beats = new ArrayList<>(List.of(
                healthy("kiosk-01"),
                TestHeartbeats.withPrinter(healthy("kiosk-02"), "PAPER_OUT"),
                TestHeartbeats.healthy("kiosk-04", 41, now),
                TestHeartbeats.withSync(healthy("kiosk-05"), new LastSync("unreachable", "connection refused", now), at),
                TestHeartbeats.withOutbox(healthy("kiosk-06"), 0, 2),
                TestHeartbeats.withDisk(healthy("kiosk-07"), 150L * 1024 * 1024),
                TestHeartbeats.withVersion(healthy("kiosk-08"), "0.3.9"),
                TestHeartbeats.withOutbox(TestHeartbeats.withPrinter(healthy("kiosk-09"), "COVER_OPEN"), 340, 0),
                TestHeartbeats.withPrinter(TestHeartbeats.healthy("kiosk-10", 40, now), "UNKNOWN"),
                TestHeartbeats.withPrinter(healthy("kiosk-11"), "none"),
                TestHeartbeats.withSync(healthy("kiosk-12"), new LastSync("rejected", "signature does not verify", now), null),
                TestHeartbeats.healthy("kiosk-13", 43, clock.instant().plusSeconds(10 * 60).toString()),
                TestHeartbeats.healthy("kiosk-14", 43, clock.instant().minusSeconds(3 * 3600).toString()),
                TestHeartbeats.healthy("kiosk-15", 43, clock.instant().minusSeconds(9 * 60).toString())));
        for (Heartbeat beat : beats) {
            assertEquals(200, hall.beat(beat, null).status(), beat.kioskId());
        }
        FleetReport report = report("");
        assertEquals(43L, report.serverCatalogVersion());
        assertEquals("0.4.0", report.fleetVersion());
        List<String> lines = report.kiosks().stream().map(k -> k.kioskId() + " " + String.join(" | ",
                k.problems().stream().map(p -> p.code() + ": " + p.summary()).toList())).toList();
        assertEquals(List.of(
                "kiosk-03 not_seen: NOT SEEN 2 h",
                "kiosk-09 printer: printer COVER_OPEN | outbox: outbox 340 waiting",
                "kiosk-02 printer: printer PAPER_OUT",
                "kiosk-06 outbox: outbox 2 kept aside",
                "kiosk-05 sync_failing: sync unreachable (last ok 2 h ago): connection refused",
                "kiosk-12 sync_failing: sync rejected (never ok): signature does not verify",
                "kiosk-04 old_catalog: catalog 41 (server 43)",
                "kiosk-10 old_catalog: catalog 40 (server 43)",
                "kiosk-13 clock_off: clock 10 min ahead",
                "kiosk-14 clock_off: clock 3 h behind",
                "kiosk-07 low_disk: disk 150 MB free",
                "kiosk-08 other_version: version 0.3.9 (most 0.4.0)",
                "kiosk-01 ",
                "kiosk-11 ",
                "kiosk-15 "), lines, "nine minutes behind is a heartbeat that waited, not yet a wrong clock");
        assertEquals(12, report.withProblems());

        FleetReport patient = report("?staleMinutes=180");
        assertEquals(180, patient.staleMinutes());
        assertTrue(patient.kiosks().stream().filter(k -> k.kioskId().equals("kiosk-03")).allMatch(k -> k.ok()),
                "two hours is not stale when three are allowed");
        for (String bad : new String[] {"0", "-1", "abc", "10081", "99999999999"}) {
            FleetFixture.Answer answer = hall.fleet("?staleMinutes=" + bad);
            assertEquals(400, answer.status(), bad);
            assertEquals("bad_request", answer.error());
        }
    }

    @Test
    void aKioskTakenOutOfServiceIsForgotten() throws Exception {
        hall.beat(healthy("kiosk-01"), null);
        hall.beat(healthy("kiosk-02"), null);
        String bearer = "Bearer " + hall.secret;
        FleetFixture.Answer forgot = hall.post("fleet/kiosk-02/forget", null, bearer, null, null, null);
        assertEquals(200, forgot.status(), forgot.body());
        assertEquals("kiosk-02", forgot.json().get("forgotten").asText());
        assertEquals(List.of("kiosk-01"), report("").kiosks().stream().map(k -> k.kioskId()).toList());
        FleetFixture.Answer again = hall.post("fleet/kiosk-02/forget", null, bearer, null, null, null);
        assertEquals(404, again.status());
        assertEquals("unknown_kiosk", again.error());
        assertEquals(404, hall.post("fleet/kiosk-02/remove", null, bearer, null, null, null).status());
        assertEquals(404, hall.post("fleet/kiosk%2002/forget", null, bearer, null, null, null).status());
        assertEquals(404, hall.post("fleet//forget", null, bearer, null, null, null).status());
    }
}
