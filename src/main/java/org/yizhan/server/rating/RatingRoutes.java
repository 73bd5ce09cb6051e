package org.yizhan.server.rating;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yizhan.rating.LowRating;
import org.yizhan.rating.Rating;
import org.yizhan.rating.RatingSummary;
import org.yizhan.server.ErrorAnswer;
import org.yizhan.server.Exchange;
import org.yizhan.server.JsonBody;
import org.yizhan.server.Responses;
import org.yizhan.server.Routes;
import org.yizhan.server.StoreCalls;
import org.yizhan.server.queue.HallSecret;

/**
 * The 好差评 endpoints (docs/protocol.md, "Ratings"): a kiosk's rating from its outbox ({@code POST /kiosk/rating},
 * with the hall secret, its X-Yizhan-Kiosk and an Idempotency-Key, which are required: a rating is never counted
 * twice); the summary for the hall's managers ({@code GET /ratings/summary}, with the hall secret, as
 * {@code GET /fleet}); and the 差评 with their reasons, notes and numbers for the hall to answer them
 * ({@code GET /ratings/low}, with the hall secret). None logs a note or a number.
 */
public final class RatingRoutes {
    static final int BODY_CAP = Rating.MAX_BYTES;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern KIOSK_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Set<String> BY = Set.of(RatingSummary.BY_DAY, RatingSummary.BY_QUEUE, RatingSummary.BY_SERVICE);

    private final RatingService ratings;
    private final HallSecret secret;

    /** The 差评 of some days, oldest first. */
    record LowRatings(String from, String to, List<LowRating> ratings) {
    }

    /** What a kiosk is told: the rating's number on the server and when it took it (for a repeat, the first time). */
    record Answer(long ratingId, String receivedAt) {
    }

    public RatingRoutes(RatingService ratings, HallSecret secret) {
        this.ratings = ratings;
        this.secret = secret;
    }

    public Routes addTo(Routes routes) {
        return routes.post("/kiosk/rating", BODY_CAP, this::rate)
                .get("/ratings/summary", this::summary)
                .get("/ratings/low", this::low);
    }

    private void rate(Exchange exchange) {
        secret.authorize(exchange);
        String key = exchange.header("Idempotency-Key");
        if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ErrorAnswer.badRequest("a rating needs an Idempotency-Key of 16 to 64 of A-Z a-z 0-9 _ -, e.g. a "
                    + "UUID, so that one sent again is counted once");
        }
        String kiosk = exchange.header("X-Yizhan-Kiosk");
        if (kiosk == null || !KIOSK_ID.matcher(kiosk).matches()) {
            throw ErrorAnswer.badRequest("a rating comes with X-Yizhan-Kiosk, the kiosk's id (1 to 32 of A-Z a-z 0-9 _ -)");
        }
        Rating rating = JsonBody.read(exchange, Rating.class, BODY_CAP);
        RatingService.Taken taken = StoreCalls.run("rating store", () -> ratings.take(kiosk, rating, key));
        if (taken.outcome() == RatingService.Outcome.KEY_REUSED) {
            throw new ErrorAnswer(422, "key_reused", "this Idempotency-Key was sent before with another rating");
        }
        Responses.json(exchange, 200, new Answer(taken.id(), taken.receivedAt().toString()));
    }

    /**
     * GET /ratings/summary[?from=YYYY-MM-DD][&to=YYYY-MM-DD][&by=day|queue|service]: from defaults to today, to to
     * the later of today and from.
     */
    private void summary(Exchange exchange) {
        secret.authorize(exchange);
        LocalDate[] days = days(exchange);
        String by = exchange.query("by") == null ? RatingSummary.BY_DAY : exchange.query("by");
        if (!BY.contains(by)) {
            throw ErrorAnswer.badRequest("by must be day, queue or service");
        }
        Responses.json(exchange, 200, StoreCalls.run("rating store", () -> ratings.summary(days[0], days[1], by)));
    }

    /** GET /ratings/low[?from=…][&to=…]: the 差评 of those days, with their reasons, notes and numbers. */
    private void low(Exchange exchange) {
        secret.authorize(exchange);
        LocalDate[] days = days(exchange);
        Responses.json(exchange, 200, new LowRatings(days[0].toString(), days[1].toString(),
                StoreCalls.run("rating store", () -> ratings.low(days[0], days[1]))));
    }

    /** The days asked for: from (default today) to (default the later of today and from), at most a year. */
    private LocalDate[] days(Exchange exchange) {
        LocalDate today = ratings.today();
        LocalDate from = day(exchange.query("from"), "from", today);
        LocalDate to = day(exchange.query("to"), "to", from.isAfter(today) ? from : today);
        if (to.isBefore(from)) {
            throw ErrorAnswer.badRequest("to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= RatingService.MAX_DAYS) {
            throw ErrorAnswer.badRequest("a summary covers at most " + RatingService.MAX_DAYS + " days; ask in parts");
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate day(String value, String name, LocalDate otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            if (value.length() != 10) {
                throw new DateTimeParseException("length", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ErrorAnswer.badRequest(name + " must be a day like 2026-12-07");
        }
    }
}
