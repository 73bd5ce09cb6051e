package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.rating.Rating;
import org.yizhan.rating.RatingAbout;
import org.yizhan.rating.RatingLevel;
import org.yizhan.rating.RatingReason;
import org.yizhan.server.fleet.FleetFixture;
import org.yizhan.testing.SetClock;

/** `yizhan ratings` against a real hall server on loopback: the whole, per day, per queue or service, the reasons. */
class RatingsCommandTest {
    /** 2026-12-07 09:00 in the demo hall. */
    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");

    @TempDir
    Path data;
    private final SetClock clock = new SetClock(T0);
    private FleetFixture hall;
    private int keys;

    @BeforeEach
    void start() throws Exception {
        hall = new FleetFixture(data, clock);
    }

    @AfterEach
    void stop() {
        hall.close();
    }

    private CommandRun ratings(String... args) {
        List<String> all = new ArrayList<>(List.of("ratings", "--server", hall.server.baseUri().toString(),
                "--secret-file", data.resolve("hall.secret").toString()));
        all.addAll(List.of(args));
        return CommandRun.of(all.toArray(String[]::new));
    }

    private void rate(RatingLevel level, List<RatingReason> reasons, RatingAbout about, Instant at) throws Exception {
        String key = String.format("rating-key-%020d", keys++);
        FleetFixture.Answer answer = hall.post("kiosk/rating", new Rating(level, reasons, "", about, at.toString()).json(),
                "Bearer " + hall.secret, "kiosk-01", "", key);
        assertEquals(200, answer.status(), answer.body());
    }

    @Test
    void theWholeEachDayAndEachQueueWithTheirReasons() throws Exception {
        Instant monday = T0.minusSeconds(86_400);
        rate(RatingLevel.VERY_SATISFIED, List.of(), RatingAbout.ticket("A001", "huji", null), monday);
        rate(RatingLevel.DISSATISFIED, List.of(RatingReason.LONG_WAIT), RatingAbout.ticket("A002", "huji", null), monday);
        rate(RatingLevel.SATISFIED, List.of(), RatingAbout.anonymous(), T0);
        rate(RatingLevel.VERY_DISSATISFIED, List.of(RatingReason.LONG_WAIT, RatingReason.STAFF_ATTITUDE),
                RatingAbout.ofCase("YX2026112300123", "svc-1"), T0);

        CommandRun run = ratings("--from", "2026-12-06", "--to", "2026-12-07");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of(
                "ratings 2026-12-06 to 2026-12-07: 4 rated, 50.0 % satisfied: 非常满意 1 · 满意 1 · 基本满意 0 · 不满意 1 · 非常不满意 1",
                "      reasons: 等候时间长 2 · 工作人员态度 1",
                "",
                "per day",
                "  2026-12-06  2 rated, 50.0 % satisfied: 非常满意 1 · 满意 0 · 基本满意 0 · 不满意 1 · 非常不满意 0",
                "      reasons: 等候时间长 1",
                "  2026-12-07  2 rated, 50.0 % satisfied: 非常满意 0 · 满意 1 · 基本满意 0 · 不满意 0 · 非常不满意 1",
                "      reasons: 等候时间长 1 · 工作人员态度 1",
                "",
                "per queue",
                "  (none)  2 rated, 50.0 % satisfied: 非常满意 0 · 满意 1 · 基本满意 0 · 不满意 0 · 非常不满意 1",
                "      reasons: 等候时间长 1 · 工作人员态度 1",
                "  huji  2 rated, 50.0 % satisfied: 非常满意 1 · 满意 0 · 基本满意 0 · 不满意 1 · 非常不满意 0",
                "      reasons: 等候时间长 1"), run.out());

        CommandRun byService = ratings("--from", "2026-12-07", "--by", "service");
        assertEquals(0, byService.code(), byService.err());
        assertTrue(byService.out().contains("per service"), byService.out().toString());
        assertTrue(byService.out().stream().anyMatch(l -> l.startsWith("  svc-1  1 rated, 0.0 % satisfied")),
                byService.out().toString());

        CommandRun low = ratings("--from", "2026-12-06", "--to", "2026-12-07", "--low");
        assertEquals(0, low.code(), low.err());
        List<String> tail = low.out().subList(low.out().indexOf("差评 to answer: 2"), low.out().size());
        assertEquals(List.of("差评 to answer: 2",
                "  2026-12-06  #2  kiosk-01  不满意  ticket A002 (huji)  等候时间长",
                "  2026-12-07  #4  kiosk-01  非常不满意  case YX2026112300123  等候时间长、工作人员态度"), tail);

        CommandRun today = ratings();
        assertEquals("ratings 2026-12-07: 2 rated, 50.0 % satisfied: 非常满意 0 · 满意 1 · 基本满意 0 · 不满意 0 · 非常不满意 1",
                today.out().get(0), "today by default");
    }

    @Test
    void noRatingsAndBadAsksAreSaidPlainly() throws Exception {
        CommandRun none = ratings();
        assertEquals(0, none.code(), none.err());
        assertEquals("ratings 2026-12-07: none", none.out().get(0));
        CommandRun window = ratings("--by", "window");
        assertEquals(2, window.code());
        assertEquals("ratings: --by must be queue or service", window.err().strip());
        CommandRun backwards = ratings("--from", "2026-12-07", "--to", "2026-12-01");
        assertEquals(2, backwards.code());
        assertTrue(backwards.err().contains("to must not be before from"), backwards.err());
        CommandRun wrong = CommandRun.of("ratings", "--server", hall.server.baseUri().toString(), "--secret-file",
                java.nio.file.Files.writeString(data.resolve("wrong.secret"), "not-the-hall-secret-0123456789\n")
                        .toString());
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("hall secret"), wrong.err());
    }
}
