package org.yizhan.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.hall.HallFailure;
import org.yizhan.status.CaseAnswer;
import org.yizhan.status.CaseStatus;
import org.yizhan.status.CaseStep;
import org.yizhan.testing.CurrentThreadTaskExecutor;
import org.yizhan.testing.RecordingNavigator;
import org.yizhan.testing.TestCatalogs;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Messages;
import org.yizhan.ui.status.StatusViewModel.Step;

/** 进度查询 without the toolkit: typing, the answer as a timeline, and nothing kept once the citizen leaves. */
class StatusViewModelTest {
    /** Monday 2026-11-30, 10:00 in Asia/Shanghai. */
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final Messages messages = Messages.simplifiedChinese();
    private final RecordingNavigator nav = new RecordingNavigator();
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final FakeCases server = new FakeCases();

    private StatusViewModel model() {
        return new StatusViewModel(messages, new StatusViewModel.Setup(Optional.of(server), Duration.ofSeconds(90)),
                tasks, nav, new CatalogSnapshot(TestCatalogs.small()), clock);
    }

    private static void type(StatusViewModel m, String keys) {
        for (char c : keys.toCharArray()) {
            m.type(String.valueOf(c));
        }
    }

    @Test
    void theNumberAndTheCheckAreCheckedAsTheyAreTyped() {
        StatusViewModel m = model();
        type(m, "yx20");
        assertEquals("YX20", m.numberProperty().get(), "letters as capitals");
        assertEquals("受理编号至少 6 位，请继续输入。", m.hintProperty().get());
        m.next();
        assertEquals(Step.NUMBER, m.stepProperty().get(), "not on with 4 characters");
        m.type("中");
        assertEquals("YX20", m.numberProperty().get());
        assertEquals("受理编号只含字母和数字。", m.hintProperty().get());
        type(m, "26112300123");
        m.next();
        assertEquals(Step.CHECK, m.stepProperty().get());

        m.type("x");
        assertEquals("", m.checkProperty().get(), "X only as the ID number's last character");
        assertEquals("X 只能是身份证号的最后一位。", m.hintProperty().get());
        type(m, "12345x9");
        assertEquals("12345X", m.checkProperty().get());
        assertEquals("验证信息最多 6 位。", m.hintProperty().get());
        assertEquals("●●●●●●", m.maskedCheck(), "never shown in the clear");
        m.backspace();
        m.backspace();
        assertEquals("1234", m.checkProperty().get());
        assertTrue(m.checkComplete(), "the phone's last four");
        m.type("5");
        assertFalse(m.checkComplete(), "five is neither a phone's four nor an ID's six");

        type(m, "a".repeat(3));
        m.previous();
        assertEquals(Step.NUMBER, m.stepProperty().get());
        type(m, "9".repeat(60));
        assertEquals(StatusViewModel.NUMBER_MAX, m.numberProperty().get().length(), "500 characters cannot be typed");
        assertEquals("受理编号最多 40 位，请核对回执。", m.hintProperty().get());
    }

    @Test
    void aFoundCaseIsATimelineWithTheWorkingDaysLeft() {
        StatusViewModel m = model();
        type(m, "YX2026112300123");
        m.next();
        type(m, "1234");
        m.next();
        assertEquals(List.of("YX2026112300123 1234"), server.asked);
        assertEquals(Step.ANSWER, m.stepProperty().get());
        assertEquals("", m.checkProperty().get(), "the check is not kept beside the answer");
        StatusViewModel.AnswerView a = m.answerProperty().get();
        assertEquals("居民身份证换领", a.serviceName());
        assertEquals("张*三", a.applicant());
        assertEquals("承诺办结：2026年12月4日，还剩 4 个工作日", a.promised());
        assertEquals(List.of("受理", "审查", "决定"), a.steps().stream().map(StatusViewModel.StepRow::name).toList());
        assertTrue(a.steps().get(0).done());
        assertTrue(a.steps().get(1).current());
        assertFalse(a.steps().get(2).done() || a.steps().get(2).current());
        assertEquals("2026年11月23日 09:30", a.steps().get(0).when());
        assertEquals(Optional.of("gaj-sfz-hl"), a.guideServiceId());

        m.openGuide();
        assertEquals(new Destination.Guide("gaj-sfz-hl"), nav.last());
        tasks.runScheduled();
        assertEquals(1, nav.homes, "the answer closes by itself");
    }

    @Test
    void theAnswerIsReadAloudWithoutTheApplicantsNameOrTheCaseNumber() {
        StatusViewModel m = model();
        assertEquals("", m.spokenTextProperty().getValue(), "nothing to read while typing");
        type(m, "YX2026112300123");
        m.next();
        type(m, "1234");
        m.next();
        String spoken = m.spokenTextProperty().getValue();
        assertTrue(spoken.startsWith("居民身份证换领。正在办理。当前环节：审查。承诺办结：2026年12月4日，还剩 4 个工作日。"), spoken);
        assertFalse(spoken.contains("张") || spoken.contains("YX2026") || spoken.contains("1234"), spoken);
        m.leave();
        assertEquals("", m.spokenTextProperty().getValue(), "wiped with the answer");
    }

    @Test
    void anOverdueCaseSaysSo() {
        server.promisedBy = "2026-11-25";
        StatusViewModel m = model();
        type(m, "YX2026112300123");
        m.next();
        type(m, "1234");
        m.next();
        assertTrue(m.answerProperty().get().overdue());
        assertEquals("承诺办结：2026年11月25日，已超期 3 个工作日", m.answerProperty().get().promised());
    }

    @Test
    void aWrongCheckAndAnUnknownNumberReadTheSame() {
        StatusViewModel m = model();
        server.notFound = true;
        type(m, "YX2026112300123");
        m.next();
        type(m, "9999");
        m.next();
        assertEquals(Step.NOT_FOUND, m.stepProperty().get());
        String wrongCheck = m.messageProperty().get();
        m.tryAgain();
        assertEquals("YX2026112300123", m.numberProperty().get(), "kept for correcting");
        assertEquals("", m.checkProperty().get());
        m.clear();
        type(m, "ZZ0000000000");
        m.next();
        type(m, "1234");
        m.next();
        assertEquals(wrongCheck, m.messageProperty().get());
        assertEquals("没有查到符合的办件。请核对受理编号和验证信息后重试，或到服务台查询。", wrongCheck);
    }

    @Test
    void tooManyTriesAndAServerThatIsDownAreOneSentenceEach() {
        server.tooMany = true;
        StatusViewModel m = model();
        type(m, "YX2026112300123");
        m.next();
        type(m, "1234");
        m.next();
        assertEquals(Step.TOO_MANY, m.stepProperty().get());
        assertEquals("查询次数过多，请 15 分钟后再试，或到服务台查询。", m.messageProperty().get());

        server.tooMany = false;
        server.down = true;
        StatusViewModel n = model();
        type(n, "YX2026112300123");
        n.next();
        type(n, "1234");
        n.next();
        assertEquals(Step.FAILED, n.stepProperty().get());
        assertEquals("暂时连不上大厅服务器，请稍后再试或到服务台查询。", n.messageProperty().get());
    }

    @Test
    void theAnswerIsRatedByTheCasesNumberAloneAndNotOnceLeft() {
        StatusViewModel m = model();
        m.rate();
        assertEquals(List.of(), nav.visited, "nothing to rate before an answer");
        type(m, "YX2026112300123");
        m.next();
        type(m, "1234");
        m.next();
        m.rate();
        assertEquals(Destination.Rating.ofCase("YX2026112300123", "gaj-sfz-hl"), nav.last(), "the number, never the check");
        m.leave();
        m.rate();
        assertEquals(1, nav.visited.size(), "the case is forgotten with the screen");
    }

    @Test
    void leavingWipesWhatWasTypedAndShown() {
        StatusViewModel m = model();
        type(m, "YX2026112300123");
        m.next();
        type(m, "1234");
        m.next();
        m.leave();
        assertEquals("", m.numberProperty().get());
        assertEquals("", m.checkProperty().get());
        assertNull(m.answerProperty().get());
        assertEquals(0, tasks.runScheduled(), "the timed close went with the screen");
    }

    @Test
    void workingDaysSkipWeekends() {
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertEquals(1, StatusViewModel.workingDaysBetween(friday, LocalDate.of(2026, 11, 30)));
        assertEquals(5, StatusViewModel.workingDaysBetween(friday, LocalDate.of(2026, 12, 4)));
        assertEquals(0, StatusViewModel.workingDaysBetween(friday, friday));
    }

    private static final class FakeCases implements CaseStatus {
        final List<String> asked = new ArrayList<>();
        boolean notFound;
        boolean tooMany;
        boolean down;
        String promisedBy = "2026-12-04";

        @Override
        public CaseAnswer lookUp(String number, String check) throws NotFound, TooManyTries, HallFailure {
            asked.add(number + " " + check);
            if (down) {
                throw new HallFailure.Unreachable("connection refused");
            }
            if (tooMany) {
                throw new TooManyTries(900);
            }
            if (notFound) {
                throw new NotFound();
            }
            return new CaseAnswer(number, "gaj-sfz-hl", "居民身份证换领", "云溪县公安局", "张*三",
                    "2026-11-23T09:30:00+08:00", promisedBy,
                    List.of(new CaseStep("受理", "2026-11-23T09:30:00+08:00", "一楼 公安综合窗口", null, false),
                            new CaseStep("审查", "2026-11-24T10:00:00+08:00", "户政科", null, true),
                            new CaseStep("决定", null, null, null, false)),
                    null, null, null, null, List.of(), false);
        }
    }
}
