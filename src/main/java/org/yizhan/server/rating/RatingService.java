package org.yizhan.server.rating;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.yizhan.rating.LowRating;
import org.yizhan.rating.Rating;
import org.yizhan.rating.RatingSummary;
import org.yizhan.storage.Database;
import org.yizhan.storage.StoreLocation;

/**
 * The hall's 好差评 in {@code DATA/ratings.db}: each rating a kiosk sent, taken once under its Idempotency-Key (the
 * key is recorded with the rating, in its one transaction), and the summary per day, queue or service. A rating counts
 * on the day it was made, in the hall's time zone, so one that waited out an outage in a kiosk's outbox counts on
 * the day the citizen gave it.
 */
public final class RatingService implements AutoCloseable {
    public static final String FILE = RatingSchema.FILE;
    /** The longest summary asked for at once: a year. */
    static final int MAX_DAYS = 366;

    /** What became of a rating sent. */
    enum Outcome { TAKEN, REPEAT, KEY_REUSED }

    /** The outcome, the rating's id and when the server took it (for a repeat, the first time). */
    record Taken(Outcome outcome, long id, Instant receivedAt) {
    }

    private final Database database;
    private final Database.Writer writes;
    private final Clock clock;
    private final ZoneId zone;

    private RatingService(Database database, Clock clock, ZoneId zone) {
        this.database = database;
        this.writes = database.writer();
        this.clock = clock;
        this.zone = zone;
    }

    /** The rating store of {@code dataDir}, made if absent; days are counted in {@code zone} (the hall's). */
    public static RatingService open(Path dataDir, Clock clock, ZoneId zone) throws IOException {
        return open(StoreLocation.sqlite(dataDir), clock, zone);
    }

    /** The rating store at {@code store}: {@code DATA/ratings.db} or the hall's namespace. */
    public static RatingService open(StoreLocation store, Clock clock, ZoneId zone) throws IOException {
        try {
            return new RatingService(store.open(RatingSchema.FILE, RatingSchema.SCHEMA, RatingSchema.POSTGRES,
                    RatingSchema.PRAGMAS, false), clock, zone);
        } catch (SQLException e) {
            throw new IOException("cannot open the rating store " + store.describe(RatingSchema.FILE) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Takes {@code rating} from {@code kioskId} under {@code key}: the same key again from the same kiosk with the same
     * rating changes nothing (its answer lost, the outbox sent it again); with anything else it is refused.
     */
    Taken take(String kioskId, Rating rating, String key) throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate day = LocalDate.ofInstant(Instant.parse(rating.ratedAt()), zone);
        return writes.inTransaction(c -> {
            Optional<RatingStore.Kept> before = RatingStore.findByKey(c, key);
            if (before.isPresent()) {
                RatingStore.Kept kept = before.get();
                return kept.kioskId().equals(kioskId) && kept.rating().equals(rating)
                        ? new Taken(Outcome.REPEAT, kept.id(), kept.receivedAt()) : new Taken(Outcome.KEY_REUSED, 0, now);
            }
            return new Taken(Outcome.TAKEN, RatingStore.insert(c, key, kioskId, rating, day, now), now);
        });
    }

    /** The ratings made from {@code from} to {@code to} (both included), counted as a whole and per {@code by}. */
    RatingSummary summary(LocalDate from, LocalDate to, String by) throws SQLException {
        return RatingTally.summarize(database.inReadTransaction(c -> RatingStore.between(c, from, to)), from, to, by);
    }

    /** The 差评 made from {@code from} to {@code to} (both included), oldest first: what the hall is to answer. */
    List<LowRating> low(LocalDate from, LocalDate to) throws SQLException {
        return database.inReadTransaction(c -> RatingStore.between(c, from, to)).stream()
                .filter(k -> k.rating().level().low())
                .map(k -> new LowRating(k.id(), k.day().toString(), k.kioskId(), k.rating())).toList();
    }

    /** Today in the hall: the summary's default. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @Override
    public void close() {
        writes.close();
    }
}
