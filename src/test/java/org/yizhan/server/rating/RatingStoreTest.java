package org.yizhan.server.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.rating.Rating;
import org.yizhan.rating.RatingAbout;
import org.yizhan.rating.RatingCounts;
import org.yizhan.rating.RatingLevel;
import org.yizhan.rating.RatingReason;
import org.yizhan.rating.RatingSummary;
import org.yizhan.storage.Database;
import org.yizhan.storage.StoreLocation;
import org.yizhan.testing.SetClock;

/** DATA/ratings.db: a round trip for every method of its table and of the service on it, and the summary's sums. */
class RatingStoreTest {
    /** 2026-12-07 09:00 in Beijing. */
    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.parse("2026-12-07");
    private static final String KEY = "9f1c0e5a6b7d4c3e8a2b1d0f9e8c7b6a";
    private static final Rating GOOD = new Rating(RatingLevel.VERY_SATISFIED, List.of(), "",
            RatingAbout.ticket("A023", "zonghe", "svc-idcard"), T0.toString());
    private static final Rating BAD = new Rating(RatingLevel.VERY_DISSATISFIED,
            List.of(RatingReason.LONG_WAIT, RatingReason.OTHER), "dengle yige xiaoshi",
            RatingAbout.ofCase("YX-2026-000123", "svc-marriage"), T0.toString());

    @TempDir
    Path dir;
    private final SetClock clock = new SetClock(T0);
    private RatingService service;

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    /** Where the store under test is: the data dir here, a hall's namespace in RatingStorePostgresTest. */
    StoreLocation location() {
        return StoreLocation.sqlite(dir);
    }

    @Test
    void aRatingIsInsertedFoundByItsKeyListedByDayAndCounted() throws Exception {
        Database db = location().open(RatingSchema.FILE, RatingSchema.SCHEMA, RatingSchema.POSTGRES, RatingSchema.PRAGMAS, false);
        long first = db.inTransaction(c -> RatingStore.insert(c, KEY, "kiosk-01", GOOD, DAY, T0));
        long second = db.inTransaction(c -> RatingStore.insert(c, KEY + "2", "kiosk-02", BAD, DAY.plusDays(1),
                T0.plusSeconds(5)));
        assertEquals(Optional.of(new RatingStore.Kept(first, KEY, "kiosk-01", GOOD, DAY, T0)),
                db.inReadTransaction(c -> RatingStore.findByKey(c, KEY)));
        assertEquals(Optional.empty(), db.inReadTransaction(c -> RatingStore.findByKey(c, "0000000000000000")));
        assertEquals(List.of(new RatingStore.Kept(second, KEY + "2", "kiosk-02", BAD, DAY.plusDays(1), T0.plusSeconds(5))),
                db.inReadTransaction(c -> RatingStore.between(c, DAY.plusDays(1), DAY.plusDays(3))));
        assertEquals(2, db.inReadTransaction(c -> RatingStore.between(c, DAY, DAY.plusDays(1))).size());
        assertEquals(0, db.inReadTransaction(c -> RatingStore.between(c, DAY.minusDays(3), DAY.minusDays(1))).size());
        assertEquals(2, db.inReadTransaction(RatingStore::count));
        assertThrows(SQLException.class, () -> db.inTransaction(c -> RatingStore.insert(c, KEY, "kiosk-01", GOOD, DAY, T0)),
                "one row per key");
        Rating anonymous = new Rating(RatingLevel.SATISFIED, List.of(), "", RatingAbout.anonymous(), T0.toString());
        db.inTransaction(c -> RatingStore.insert(c, KEY + "3", "kiosk-01", anonymous, DAY, T0));
        assertEquals(anonymous, db.inReadTransaction(c -> RatingStore.findByKey(c, KEY + "3")).orElseThrow().rating());
    }

    @Test
    void theServiceTakesARatingOnceUnderItsKeyAndRefusesTheKeyForAnother() throws Exception {
        service = RatingService.open(location(), clock, BEIJING);
        RatingService.Taken taken = service.take("kiosk-01", GOOD, KEY);
        assertEquals(RatingService.Outcome.TAKEN, taken.outcome());
        clock.advance(Duration.ofMinutes(3));
        RatingService.Taken again = service.take("kiosk-01", GOOD, KEY);
        assertEquals(new RatingService.Taken(RatingService.Outcome.REPEAT, taken.id(), T0), again, "answered as the first");
        assertEquals(RatingService.Outcome.KEY_REUSED, service.take("kiosk-02", GOOD, KEY).outcome());
        assertEquals(RatingService.Outcome.KEY_REUSED, service.take("kiosk-01", BAD, KEY).outcome());
        assertEquals(1, service.summary(DAY, DAY, RatingSummary.BY_DAY).all().total());
        assertEquals(DAY, service.today());
    }

    @Test
    void aRatingCountsOnTheDayItWasMadeInTheHallsZone() throws Exception {
        service = RatingService.open(location(), clock, BEIJING);
        // 23:30 in Beijing on the 6th, sent the next morning after an outage.
        Rating late = new Rating(RatingLevel.SATISFIED, List.of(), "", RatingAbout.anonymous(), "2026-12-06T15:30:00Z");
        service.take("kiosk-01", late, KEY);
        assertEquals(1, service.summary(DAY.minusDays(1), DAY.minusDays(1), RatingSummary.BY_DAY).all().total());
        assertEquals(0, service.summary(DAY, DAY, RatingSummary.BY_DAY).all().total());
    }

    @Test
    void theSummaryCountsLevelsTheRateAndReasonsPerGroup() throws Exception {
        service = RatingService.open(location(), clock, BEIJING);
        service.take("kiosk-01", GOOD, KEY + "a");
        service.take("kiosk-01", GOOD, KEY + "b");
        service.take("kiosk-02", BAD, KEY + "c");
        service.take("kiosk-02", new Rating(RatingLevel.DISSATISFIED, List.of(RatingReason.LONG_WAIT), "",
                RatingAbout.ticket("B007", "shebao", null), T0.plusSeconds(86_400).toString()), KEY + "d");

        RatingSummary byDay = service.summary(DAY, DAY.plusDays(1), RatingSummary.BY_DAY);
        RatingCounts all = byDay.all();
        assertEquals(4, all.total());
        assertEquals(Map.of("very_satisfied", 2, "satisfied", 0, "basically_satisfied", 0, "dissatisfied", 1,
                "very_dissatisfied", 1), all.levels());
        assertEquals(List.of("very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "very_dissatisfied"),
                List.copyOf(all.levels().keySet()), "best first");
        assertEquals(0.5, all.satisfactionRate());
        assertEquals(2, all.reasons().get("long_wait"));
        assertEquals(1, all.reasons().get("other"));
        assertEquals(0, all.reasons().get("staff_attitude"));
        assertEquals(List.of("2026-12-07", "2026-12-08"), byDay.groups().stream().map(RatingCounts::key).toList());
        assertEquals(3, byDay.groups().get(0).total());
        assertEquals(0.6667, byDay.groups().get(0).satisfactionRate());

        RatingSummary byQueue = service.summary(DAY, DAY.plusDays(1), RatingSummary.BY_QUEUE);
        assertEquals(List.of("", "shebao", "zonghe"), byQueue.groups().stream().map(RatingCounts::key).toList(),
                "the case is about no queue");
        assertEquals(2, byQueue.groups().get(2).levels().get("very_satisfied"));
        assertEquals(0.0, byQueue.groups().get(1).satisfactionRate());

        RatingSummary byService = service.summary(DAY, DAY, RatingSummary.BY_SERVICE);
        assertEquals(List.of("svc-idcard", "svc-marriage"), byService.groups().stream().map(RatingCounts::key).toList());

        List<org.yizhan.rating.LowRating> low = service.low(DAY, DAY.plusDays(1));
        assertEquals(List.of("kiosk-02", "kiosk-02"), low.stream().map(org.yizhan.rating.LowRating::kioskId).toList());
        assertEquals(BAD, low.get(0).rating(), "with its reasons, note and case number");
        assertEquals("2026-12-08", low.get(1).day());
        assertEquals(List.of(), service.low(DAY.plusDays(2), DAY.plusDays(9)));

        RatingSummary none = service.summary(DAY.plusDays(5), DAY.plusDays(5), RatingSummary.BY_DAY);
        assertEquals(0, none.all().total());
        assertEquals(null, none.all().satisfactionRate(), "no rate without ratings");
        assertEquals(List.of(), none.groups());
    }
}
