package org.yizhan.server.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.json.Json;
import org.yizhan.rating.Rating;
import org.yizhan.rating.RatingAbout;
import org.yizhan.rating.RatingLevel;
import org.yizhan.rating.RatingReason;
import org.yizhan.rating.RatingSummary;
import org.yizhan.server.fleet.FleetFixture;
import org.yizhan.testing.SetClock;

/** The rating endpoints on a real hall server on loopback (docs/protocol.md, "Ratings"). */
class RatingRoutesTest {
    /** 2026-12-07 09:00 in the demo hall (Beijing time). */
    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");
    private static final String KEY = "9f1c0e5a6b7d4c3e8a2b1d0f9e8c7b6a";
    private static final Rating BAD = new Rating(RatingLevel.DISSATISFIED, List.of(RatingReason.UNCLEAR_MATERIALS), "",
            RatingAbout.ticket("A023", "zonghe", null), T0.toString());

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

    private FleetFixture.Answer rate(String json, String key) throws Exception {
        return hall.post("kiosk/rating", json, "Bearer " + hall.secret, "kiosk-01", "", key);
    }

    private RatingSummary summary(String query) throws Exception {
        FleetFixture.Answer answer = hall.get("ratings/summary" + query, "Bearer " + hall.secret);
        assertEquals(200, answer.status(), answer.body());
        return Json.readMessage(answer.body().getBytes(StandardCharsets.UTF_8), RatingSummary.class);
    }

    @Test
    void aRatingSentTwiceIsCountedOnceAndAnsweredAlike() throws Exception {
        FleetFixture.Answer first = rate(BAD.json(), KEY);
        assertEquals(200, first.status(), first.body());
        clock.advance(Duration.ofMinutes(2));
        FleetFixture.Answer again = rate(BAD.json(), KEY);
        assertEquals(200, again.status(), again.body());
        assertEquals(first.body(), again.body(), "the repeat is answered from the record");
        assertEquals(T0.toString(), first.json().get("receivedAt").asText());
        RatingSummary summary = summary("?from=2026-12-07&to=2026-12-07&by=queue");
        assertEquals(1, summary.all().total());
        assertEquals(1, summary.all().levels().get("dissatisfied"));
        assertEquals(1, summary.all().reasons().get("unclear_materials"));
        assertEquals("zonghe", summary.groups().get(0).key());
        assertEquals(0.0, summary.all().satisfactionRate());

        FleetFixture.Answer other = rate(new Rating(RatingLevel.SATISFIED, List.of(), "", RatingAbout.anonymous(),
                T0.toString()).json(), KEY);
        assertEquals(422, other.status(), other.body());
        assertEquals("key_reused", other.error());
        assertEquals(200, rate(new Rating(RatingLevel.SATISFIED, List.of(), "", RatingAbout.anonymous(),
                T0.toString()).json(), KEY + "x").status());
        RatingSummary two = summary("");
        assertEquals("2026-12-07", two.from(), "today in the hall by default");
        assertEquals("day", two.by());
        assertEquals(2, two.all().total());
        assertEquals(0.5, two.all().satisfactionRate());
        assertEquals(List.of("2026-12-07"), two.groups().stream().map(g -> g.key()).toList());
    }

    @Test
    void theLowRatingsAreListedWithWhatTheHallNeedsToAnswerThem() throws Exception {
        rate(BAD.json(), KEY);
        rate(new Rating(RatingLevel.VERY_SATISFIED, List.of(), "", RatingAbout.anonymous(), T0.toString()).json(), KEY + "2");
        FleetFixture.Answer answer = hall.get("ratings/low?from=2026-12-07", "Bearer " + hall.secret);
        assertEquals(200, answer.status(), answer.body());
        JsonNode low = answer.json();
        assertEquals("2026-12-07", low.get("from").asText());
        assertEquals(1, low.get("ratings").size(), "only the 差评");
        JsonNode one = low.get("ratings").get(0);
        assertEquals("kiosk-01", one.get("kioskId").asText());
        assertEquals("2026-12-07", one.get("day").asText());
        assertEquals(BAD, Json.readMessage(one.get("rating").toString().getBytes(StandardCharsets.UTF_8), Rating.class));
        assertEquals(401, hall.get("ratings/low", null).status());
        assertEquals(400, hall.get("ratings/low?to=2026-12-01", "Bearer " + hall.secret).status());
    }

    @Test
    void withoutTheSecretNothingIsTakenOrShown() throws Exception {
        FleetFixture.Answer none = hall.post("kiosk/rating", BAD.json(), null, "kiosk-01", "", KEY);
        assertEquals(401, none.status());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, hall.post("kiosk/rating", BAD.json(), "Bearer not-the-secret-at-all", "kiosk-01", "", KEY)
                .status());
        assertEquals(401, hall.get("ratings/summary", null).status());
        assertEquals(401, hall.get("ratings/summary", "Bearer not-the-secret-at-all").status());
        assertEquals(0, summary("").all().total());
    }

    @Test
    void aBadBodyOrMissingHeadersAreRefusedAndNothingCounted() throws Exception {
        String t = T0.toString();
        List<String> bad = List.of(
                "{\"level\":\"great\",\"reasons\":[],\"note\":\"\",\"about\":{\"kind\":\"none\"},\"ratedAt\":\"" + t + "\"}",
                "{\"level\":\"dissatisfied\",\"reasons\":[],\"note\":\"\",\"about\":{\"kind\":\"none\"},\"ratedAt\":\"" + t + "\"}",
                "{\"level\":\"dissatisfied\",\"reasons\":[\"too_hot\"],\"note\":\"\",\"about\":{\"kind\":\"none\"},\"ratedAt\":\"" + t + "\"}",
                "{\"level\":\"dissatisfied\",\"reasons\":[\"other\",\"other\"],\"note\":\"\",\"about\":{\"kind\":\"none\"},\"ratedAt\":\"" + t + "\"}",
                "{\"level\":\"satisfied\",\"reasons\":[\"long_wait\"],\"note\":\"\",\"about\":{\"kind\":\"none\"},\"ratedAt\":\"" + t + "\"}",
                "{\"level\":\"dissatisfied\",\"reasons\":[\"other\"],\"note\":\"" + "x".repeat(Rating.NOTE_MAX + 1)
                        + "\",\"about\":{\"kind\":\"none\"},\"ratedAt\":\"" + t + "\"}",
                "{\"level\":\"dissatisfied\",\"reasons\":[\"other\"],\"note\":\"a\\nb\",\"about\":{\"kind\":\"none\"},\"ratedAt\":\"" + t + "\"}",
                "{\"level\":\"satisfied\",\"reasons\":[],\"note\":\"\",\"about\":{\"kind\":\"ticket\",\"ticket\":\"a23\",\"queue\":\"zonghe\"},\"ratedAt\":\"" + t + "\"}",
                "{\"level\":\"satisfied\",\"reasons\":[],\"note\":\"\",\"about\":{\"kind\":\"case\",\"caseNumber\":\"YX-1\"},\"ratedAt\":\"" + t + "\"}",
                "{\"level\":\"satisfied\",\"reasons\":[],\"note\":\"\",\"about\":{\"kind\":\"none\",\"caseNumber\":\"YX-2026-000123\"},\"ratedAt\":\"" + t + "\"}",
                "{\"level\":\"satisfied\",\"reasons\":[],\"note\":\"\",\"about\":{\"kind\":\"someone\"},\"ratedAt\":\"" + t + "\"}",
                "{\"level\":\"satisfied\",\"reasons\":[],\"note\":\"\",\"ratedAt\":\"" + t + "\"}",
                "{\"level\":\"satisfied\",\"reasons\":[],\"note\":\"\",\"about\":{\"kind\":\"none\"},\"ratedAt\":\"yesterday\"}",
                "[]", "{\"level\":");
        int i = 0;
        for (String body : bad) {
            FleetFixture.Answer answer = rate(body, KEY.substring(0, 24) + String.format("%08d", i++));
            assertEquals(400, answer.status(), body + " → " + answer.body());
            assertEquals("bad_request", answer.error(), answer.body());
        }
        assertEquals(400, rate(BAD.json(), null).status(), "a rating needs its key");
        assertEquals(400, rate(BAD.json(), "short").status());
        assertEquals(400, hall.post("kiosk/rating", BAD.json(), "Bearer " + hall.secret, null, "", KEY).status(),
                "and the kiosk's id");
        assertEquals(413, rate("{\"note\":\"" + "x".repeat(Rating.MAX_BYTES) + "\"}", KEY).status());
        assertEquals(0, summary("").all().total());
    }

    @Test
    void theSummaryRefusesBadDaysAndGroupings() throws Exception {
        for (String query : List.of("?from=2026-12-7", "?from=07.12.2026", "?from=2026-12-08&to=2026-12-07",
                "?from=2025-01-01&to=2026-12-07", "?by=window")) {
            FleetFixture.Answer answer = hall.get("ratings/summary" + query, "Bearer " + hall.secret);
            assertEquals(400, answer.status(), query);
            JsonNode json = answer.json();
            assertEquals("bad_request", json.get("error").asText(), query);
        }
        assertEquals("2026-12-10", summary("?from=2026-12-10").to(), "to follows a from after today");
        assertEquals("2026-12-07", summary("?from=2026-12-01").to(), "to is today by default");
    }
}
