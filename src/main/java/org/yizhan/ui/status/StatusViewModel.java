package org.yizhan.ui.status;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.hall.HallFailure;
import org.yizhan.status.CaseAnswer;
import org.yizhan.status.CaseStatus;
import org.yizhan.status.CaseStep;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Navigator;
import org.yizhan.ui.TaskExecutor;

/**
 * 进度查询: the application number, then the check only the applicant knows, then the case as a timeline.
 * What was typed and what came back are personal: never logged, never written anywhere, and wiped from this
 * model when the citizen leaves (首页, the idle reset) or after {@code answerShownFor} on the answer.
 */
public final class StatusViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(StatusViewModel.class);
    static final int NUMBER_MIN = 6;
    static final int NUMBER_MAX = 40;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    public enum Step { NUMBER, CHECK, LOOKING, ANSWER, NOT_FOUND, TOO_MANY, FAILED }

    /** One step of the case as the timeline shows it. */
    public record StepRow(String name, String when, String office, String note, boolean current, boolean done) {
    }

    /** The case, as text ready to show. {@code guideServiceId} is set when the catalog has the service. */
    public record AnswerView(String serviceName, String department, String applicant, String submitted,
            String promised, boolean overdue, List<StepRow> steps, String result, String next,
            List<String> materialsToAdd, Optional<String> guideServiceId) {
    }

    /** What the screen needs: the hall server's case status (empty without a hall secret) and how long an answer stays. */
    public record Setup(Optional<CaseStatus> status, Duration answerShownFor) {
        /** No screen leaves a citizen less time than the idle countdown gives. */
        public Setup {
            org.yizhan.ui.IdleCountdown.refuseShorter(answerShownFor, "the answer's time on screen");
        }
    }

    private final Messages messages;
    private final Setup setup;
    private final TaskExecutor tasks;
    private final Navigator navigator;
    private final CatalogSnapshot catalog;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.NUMBER);
    private final ReadOnlyStringWrapper number = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper check = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AnswerView> answer = new ReadOnlyObjectWrapper<>();
    private TaskExecutor.Cancellable call = () -> { };
    private TaskExecutor.Cancellable closing = () -> { };
    /** The case on screen, for 评价本次服务: its number only; null when none is shown. */
    private Destination.Rating rateCase;

    public StatusViewModel(Messages messages, Setup setup, TaskExecutor tasks, Navigator navigator,
            CatalogSnapshot catalog, Clock clock) {
        this.messages = messages;
        this.setup = setup;
        this.tasks = tasks;
        this.navigator = navigator;
        this.catalog = catalog;
        this.clock = clock;
        if (setup.status().isEmpty()) {
            message.set(messages.get("status.unavailable"));
            step.set(Step.FAILED);
        }
    }

    /** A key of the on-screen keyboard: a digit or a letter. Anything else is not taken. */
    public void type(String key) {
        if (key == null || key.length() != 1) {
            return;
        }
        char c = Character.toUpperCase(key.charAt(0));
        if (step.get() == Step.NUMBER) {
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '-')) {
                hint.set(messages.get("status.number.chars"));
            } else if (number.get().length() >= NUMBER_MAX) {
                hint.set(messages.format("status.number.tooLong", NUMBER_MAX));
            } else {
                number.set(number.get() + c);
                hint.set(numberHint());
            }
        } else if (step.get() == Step.CHECK) {
            if (!(c >= '0' && c <= '9' || c == 'X')) {
                hint.set(messages.get("status.check.chars"));
            } else if (check.get().length() >= 6) {
                hint.set(messages.get("status.check.tooLong"));
            } else if (c == 'X' && check.get().length() != 5) {
                hint.set(messages.get("status.check.xLast"));
            } else {
                check.set(check.get() + c);
                hint.set(checkHint());
            }
        }
    }

    public void backspace() {
        if (step.get() == Step.NUMBER && !number.get().isEmpty()) {
            number.set(number.get().substring(0, number.get().length() - 1));
            hint.set(numberHint());
        } else if (step.get() == Step.CHECK && !check.get().isEmpty()) {
            check.set(check.get().substring(0, check.get().length() - 1));
            hint.set(checkHint());
        }
    }

    public void clear() {
        if (step.get() == Step.NUMBER) {
            number.set("");
        } else if (step.get() == Step.CHECK) {
            check.set("");
        }
        hint.set("");
    }

    private String numberHint() {
        int n = number.get().length();
        return n < NUMBER_MIN ? messages.format("status.number.short", NUMBER_MIN) : messages.get("status.number.ok");
    }

    private String checkHint() {
        int n = check.get().length();
        if (n == 4 && check.get().chars().allMatch(Character::isDigit)) {
            return messages.get("status.check.phone");
        }
        if (n == 6) {
            return messages.get("status.check.id");
        }
        return "";
    }

    public boolean numberComplete() {
        return number.get().length() >= NUMBER_MIN;
    }

    /** Four digits (the phone's last four) or six characters (the ID number's last six, X only last). */
    public boolean checkComplete() {
        String c = check.get();
        return c.length() == 4 && c.chars().allMatch(Character::isDigit) || c.length() == 6;
    }

    /** 下一步: from the number to the check, and from the check to the lookup. */
    public void next() {
        if (step.get() == Step.NUMBER) {
            if (!numberComplete()) {
                hint.set(messages.format("status.number.short", NUMBER_MIN));
                return;
            }
            step.set(Step.CHECK);
            hint.set("");
        } else if (step.get() == Step.CHECK) {
            if (!checkComplete()) {
                hint.set(messages.get("status.check.incomplete"));
                return;
            }
            lookUp();
        }
    }

    /** Back one step of the entry, keeping what was typed there. */
    public void previous() {
        if (step.get() == Step.CHECK) {
            check.set("");
            step.set(Step.NUMBER);
            hint.set(numberHint());
        }
    }

    /** After "not found": type again, from the number, which stays for correcting. */
    public void tryAgain() {
        check.set("");
        message.set("");
        step.set(Step.NUMBER);
        hint.set(numberHint());
    }

    private void lookUp() {
        CaseStatus status = setup.status().orElseThrow();
        String n = number.get();
        String c = check.get();
        step.set(Step.LOOKING);
        call = tasks.execute(() -> status.lookUp(n, c), this::show, this::failed);
    }

    private void show(CaseAnswer found) {
        // The check has done its work; it is not kept while the answer is on screen.
        check.set("");
        answer.set(view(found));
        rateCase = Destination.Rating.ofCase(nullToEmpty(found.number()), nullToEmpty(found.serviceId()));
        step.set(Step.ANSWER);
        closing = tasks.schedule(setup.answerShownFor(), () -> null, nothing -> navigator.home(), e -> { });
    }

    private void failed(Throwable e) {
        check.set("");
        if (e instanceof CaseStatus.NotFound) {
            message.set(messages.get("status.notFound"));
            step.set(Step.NOT_FOUND);
        } else if (e instanceof CaseStatus.TooManyTries tooMany) {
            long minutes = Math.max(1, (tooMany.retryAfterSeconds() + 59) / 60);
            message.set(messages.format("status.tooMany", minutes));
            step.set(Step.TOO_MANY);
        } else {
            if (!(e instanceof HallFailure)) {
                LOG.error("a case lookup failed: {}", e.getClass().getSimpleName());
            }
            message.set(messages.get("status.unreachable"));
            step.set(Step.FAILED);
        }
    }

    AnswerView view(CaseAnswer a) {
        List<StepRow> rows = new ArrayList<>();
        boolean seenCurrent = false;
        for (CaseStep s : a.steps() == null ? List.<CaseStep>of() : a.steps()) {
            boolean current = s.current() && !a.finished();
            rows.add(new StepRow(hall(s.name()), dayTime(s.at()), hall(s.office()), hall(s.note()), current,
                    !current && !seenCurrent));
            seenCurrent |= current;
        }
        String promised = "";
        boolean overdue = false;
        if (a.promisedBy() != null && !a.promisedBy().isBlank()) {
            try {
                LocalDate by = LocalDate.parse(a.promisedBy());
                LocalDate today = LocalDate.now(clock);
                String day = day(by);
                if (a.finished()) {
                    promised = messages.format("status.promised.finished", day);
                } else if (today.isAfter(by)) {
                    overdue = true;
                    promised = messages.format("status.promised.overdue", day, workingDaysBetween(by, today));
                } else {
                    promised = messages.format("status.promised.left", day, workingDaysBetween(today, by));
                }
            } catch (DateTimeParseException e) {
                promised = "";
            }
        }
        String result = a.result() == null ? messages.get("status.result.open")
                : switch (a.result()) {
                    case "approved" -> messages.get("status.result.approved");
                    case "refused" -> messages.get("status.result.refused");
                    case "supplement" -> messages.get("status.result.supplement");
                    default -> messages.get("status.result.open");
                };
        List<String> next = new ArrayList<>();
        if (a.resultNote() != null && !a.resultNote().isBlank()) {
            next.add(hall(a.resultNote()));
        }
        if (a.collectWhere() != null && !a.collectWhere().isBlank()) {
            next.add(messages.format("status.collect.where", hall(a.collectWhere())));
        }
        if (a.collectWhen() != null && !a.collectWhen().isBlank()) {
            next.add(messages.format("status.collect.when", hall(a.collectWhen())));
        }
        Optional<String> guide = a.serviceId() == null ? Optional.empty()
                : catalog.service(a.serviceId()).map(s -> s.id());
        return new AnswerView(hall(a.serviceName()), hall(a.department()), hall(a.applicant()),
                dayTime(a.submittedAt()), promised, overdue, List.copyOf(rows), result, String.join("\n", next),
                a.materialsToAdd() == null ? List.of() : a.materialsToAdd().stream().map(this::hall).toList(), guide);
    }

    /** Working days from {@code from} (exclusive) to {@code to} (inclusive), Monday to Friday; holidays not known here. */
    static long workingDaysBetween(LocalDate from, LocalDate to) {
        long days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    /** The hall's Chinese text in the screen's script. */
    private String hall(String text) {
        return messages.chinese(nullToEmpty(text));
    }

    private String day(LocalDate d) {
        return messages.format("date.day", String.valueOf(d.getYear()), String.valueOf(d.getMonthValue()),
                String.valueOf(d.getDayOfMonth()), d.getMonth().getDisplayName(java.time.format.TextStyle.FULL, messages.locale()));
    }

    private String dayTime(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(iso);
            return messages.format("date.dayTime", day(t.toLocalDate()), t.format(TIME));
        } catch (DateTimeParseException e) {
            try {
                return day(LocalDate.parse(iso));
            } catch (DateTimeParseException again) {
                return "";
            }
        }
    }

    /** 查看办事指南 from a 补正 answer: what to bring, in the service's own guide. */
    public void openGuide() {
        AnswerView shown = answer.get();
        if (shown != null) {
            shown.guideServiceId().ifPresent(id -> navigator.go(new Destination.Guide(id)));
        }
    }

    public void home() {
        navigator.home();
    }

    /** The citizen walked away, pressed 首页, or moved on: nothing typed or shown stays in memory. */
    public void leave() {
        call.cancel();
        closing.cancel();
        number.set("");
        check.set("");
        answer.set(null);
        message.set("");
        rateCase = null;
    }

    /** 评价本次服务, from the answer: a rating about this case, which carries its number and never the check. */
    public void rate() {
        if (rateCase != null && step.get() == Step.ANSWER && !rateCase.caseNumber().isEmpty()) {
            navigator.go(rateCase);
        }
    }

    public String title() {
        return messages.get("status.title");
    }

    public String text(String key) {
        return messages.get(key);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty numberProperty() {
        return number.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkProperty() {
        return check.getReadOnlyProperty();
    }

    /** The check as shown: one dot a character, so nobody reads it over the citizen's shoulder. */
    public String maskedCheck() {
        return "●".repeat(check.get().length());
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * What 朗读 reads while an answer is shown: the service, where the case stands and what to do next. Not the
     * applicant's name: a screen is read by one, a loudspeaker heard by all who stand near.
     */
    public ObservableValue<String> spokenTextProperty() {
        return answer.map(this::spoken).orElse("");
    }

    String spoken(AnswerView a) {
        List<String> parts = new ArrayList<>();
        parts.add(a.serviceName());
        parts.add(a.result());
        a.steps().stream().filter(StepRow::current).findFirst()
                .ifPresent(current -> parts.add(messages.format("speech.status.current", current.name())));
        parts.add(a.promised());
        parts.addAll(List.of(a.next().split("\n")));
        if (!a.materialsToAdd().isEmpty()) {
            parts.add(messages.get("status.materialsToAdd") + String.join("、", a.materialsToAdd()));
        }
        return String.join("。", parts.stream().filter(p -> !p.isBlank()).toList()) + "。";
    }

    public ReadOnlyObjectProperty<AnswerView> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
