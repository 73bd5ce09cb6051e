package org.yizhan.ui.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.json.Json;
import org.yizhan.outbox.Draft;
import org.yizhan.outbox.Outbox;
import org.yizhan.outbox.OutboxMessage;
import org.yizhan.rating.Rating;
import org.yizhan.rating.RatingAbout;
import org.yizhan.rating.RatingLevel;
import org.yizhan.rating.RatingReason;
import org.yizhan.testing.CurrentThreadTaskExecutor;
import org.yizhan.testing.RecordingNavigator;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Messages;
import org.yizhan.ui.rating.RatingViewModel.Step;

/** 服务评价 without the toolkit: a 差评 needs a reason, the note's cap, what the rating is about, nothing kept on leaving. */
class RatingViewModelTest {
    private static final Instant T0 = Instant.parse("2026-12-07T01:02:03.456Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final Messages messages = Messages.simplifiedChinese();
    private final RecordingNavigator nav = new RecordingNavigator();
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    @TempDir
    Path dir;
    private Outbox outbox;

    @BeforeEach
    void open() throws Exception {
        outbox = Outbox.open(java.nio.file.Files.createDirectories(dir.resolve("kiosk")), 100, clock);
    }

    @AfterEach
    void close() {
        outbox.close();
    }

    private RatingViewModel model(Destination.Rating about) {
        RatingViewModel m = new RatingViewModel(messages, new RatingViewModel.Setup(Optional.of(outbox),
                Duration.ofSeconds(10)), tasks, nav, about, clock);
        m.open();
        return m;
    }

    private Rating only() throws Exception {
        List<OutboxMessage> pending = outbox.pending();
        assertEquals(1, pending.size());
        assertEquals(Draft.RATING, pending.get(0).kind());
        assertEquals("kiosk/rating", pending.get(0).path());
        return Json.readMessage(pending.get(0).body().getBytes(java.nio.charset.StandardCharsets.UTF_8), Rating.class);
    }

    @Test
    void aHighFaceIsGivenWithOneTapAndThankedOnceOnTheDisk() throws Exception {
        RatingViewModel m = model(Destination.Rating.anonymous());
        assertEquals(5, m.faces().size());
        assertEquals(List.of("非常满意", "满意", "基本满意", "不满意", "非常不满意"),
                m.faces().stream().map(RatingViewModel.Face::label).toList());
        assertEquals("您对我们的服务满意吗？", m.question());
        m.choose(RatingLevel.SATISFIED);
        assertEquals(Step.THANKS, m.stepProperty().get());
        Rating kept = only();
        assertEquals(new Rating(RatingLevel.SATISFIED, List.of(), "", RatingAbout.anonymous(), "2026-12-07T01:02:03Z"),
                kept);
        assertEquals(1, tasks.runScheduled());
        assertEquals(1, nav.homes, "home after the thanks");
    }

    @Test
    void aLowFaceCannotBeSubmittedWithoutAReasonAndTheButtonSaysWhy() throws Exception {
        RatingViewModel m = model(Destination.Rating.anonymous());
        m.choose(RatingLevel.VERY_DISSATISFIED);
        assertEquals(Step.REASONS, m.stepProperty().get());
        assertFalse(m.canSubmitProperty().get());
        assertEquals("请先选择至少一项原因", m.submitTextProperty().get());
        m.submit();
        assertEquals(Step.REASONS, m.stepProperty().get(), "nothing happens without a reason");
        assertEquals(0, outbox.size());
        assertEquals(6, m.choices().size());
        assertEquals("等候时间长", m.choices().get(0).label());

        m.toggle(RatingReason.OTHER);
        m.toggle(RatingReason.LONG_WAIT);
        assertTrue(m.canSubmitProperty().get());
        assertEquals("提交评价", m.submitTextProperty().get());
        m.toggle(RatingReason.OTHER);
        m.toggle(RatingReason.OTHER);
        m.toggle(RatingReason.LONG_WAIT);
        m.toggle(RatingReason.LONG_WAIT);
        assertEquals(Set.of(RatingReason.OTHER, RatingReason.LONG_WAIT), m.reasonsProperty().get());
        for (char c : "dengle".toCharArray()) {
            m.type(String.valueOf(c));
        }
        m.type(" ");
        m.type("2");
        m.submit();
        assertEquals(Step.THANKS, m.stepProperty().get());
        Rating kept = only();
        assertEquals(RatingLevel.VERY_DISSATISFIED, kept.level());
        assertEquals(List.of(RatingReason.LONG_WAIT, RatingReason.OTHER), kept.reasons(), "in the list's order");
        assertEquals("dengle 2", kept.note());
    }

    @Test
    void theNoteIsCappedAndTakesNoControlCharacters() {
        RatingViewModel m = model(Destination.Rating.anonymous());
        m.choose(RatingLevel.DISSATISFIED);
        assertEquals("还可输入 60 个字符", m.noteHintProperty().get());
        m.type("a\nb\tc\u0007");
        assertEquals("abc", m.noteProperty().get());
        m.type("\r");
        assertEquals("abc", m.noteProperty().get());
        for (int i = 0; i < 100; i++) {
            m.type("x");
        }
        assertEquals(Rating.NOTE_MAX, m.noteProperty().get().length());
        assertEquals("还可输入 0 个字符", m.noteHintProperty().get());
        assertEquals("说明最多 60 个字符。", m.messageProperty().get());
        m.backspace();
        assertEquals(Rating.NOTE_MAX - 1, m.noteProperty().get().length());
        assertEquals("", m.messageProperty().get());
        m.clear();
        assertEquals("", m.noteProperty().get());
        assertEquals("tidy", Rating.cleanNote(" ti\ndy "));
        assertEquals(Rating.NOTE_MAX, Rating.cleanNote("y".repeat(200)).length());
    }

    @Test
    void backFromTheReasonsForgetsThemAndTheNote() {
        RatingViewModel m = model(Destination.Rating.anonymous());
        m.choose(RatingLevel.DISSATISFIED);
        m.toggle(RatingReason.STAFF_ATTITUDE);
        m.type("q");
        m.back();
        assertEquals(Step.CHOOSING, m.stepProperty().get());
        assertEquals(Set.of(), m.reasonsProperty().get());
        assertEquals("", m.noteProperty().get());
        assertEquals(null, m.levelProperty().get());
    }

    @Test
    void aRatingAboutATicketOrACaseCarriesItsNumberAndNothingMore() throws Exception {
        RatingViewModel ticket = model(Destination.Rating.ofTicket("A023", "zonghe", "svc-idcard"));
        assertEquals("您对本次取号（A023）的服务满意吗？", ticket.question());
        ticket.choose(RatingLevel.VERY_SATISFIED);
        assertEquals(RatingAbout.ticket("A023", "zonghe", "svc-idcard"), only().about());

        assertEquals(RatingAbout.ofCase("YX2026112300123", "svc-marriage"),
                RatingViewModel.about(Destination.Rating.ofCase("YX2026112300123", "svc-marriage")));
        assertEquals(RatingAbout.ofCase("YX2026112300123", null),
                RatingViewModel.about(Destination.Rating.ofCase("YX2026112300123", "")));
        assertEquals(RatingAbout.anonymous(), RatingViewModel.about(Destination.Rating.anonymous()));
        assertEquals(RatingAbout.anonymous(), RatingViewModel.about(Destination.Rating.ofCase("短", "")),
                "a number the server would refuse is left out rather than the rating kept aside");
        String body = outbox.pending().get(0).body();
        assertFalse(body.contains("check"), body);
        RatingViewModel aCase = model(Destination.Rating.ofCase("YX2026112300123", ""));
        assertEquals("您对办件 YX2026112300123 的服务满意吗？", aCase.question());
    }

    @Test
    void leavingBeforeSubmittingKeepsNothing() throws Exception {
        RatingViewModel m = model(Destination.Rating.anonymous());
        m.choose(RatingLevel.DISSATISFIED);
        m.toggle(RatingReason.LONG_WAIT);
        m.type("z");
        m.leave();
        assertEquals(0, outbox.size(), "an unfinished rating is not sent");
        assertEquals("", m.noteProperty().get());
        assertEquals(Set.of(), m.reasonsProperty().get());
    }

    @Test
    void withoutAnOutboxTheCitizenIsToldAtOnce() {
        RatingViewModel m = new RatingViewModel(messages, new RatingViewModel.Setup(Optional.empty(),
                Duration.ofSeconds(10)), tasks, nav, Destination.Rating.anonymous(), clock);
        m.open();
        assertEquals(Step.FAILED, m.stepProperty().get());
        assertEquals("本机暂时不能评价，请到服务台评价。", m.messageProperty().get());
    }

    @Test
    void aRatingTheDiskCannotTakeIsNotThanked() throws Exception {
        RatingViewModel m = model(Destination.Rating.anonymous());
        outbox.close();
        try (var files = java.nio.file.Files.walk(dir.resolve("kiosk"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        m.choose(RatingLevel.VERY_SATISFIED);
        assertEquals(Step.FAILED, m.stepProperty().get());
        assertEquals("评价没能保存，请再试一次或到服务台评价。", m.messageProperty().get());
    }
}
