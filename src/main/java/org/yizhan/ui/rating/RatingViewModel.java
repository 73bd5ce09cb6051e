package org.yizhan.ui.rating;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.outbox.Draft;
import org.yizhan.outbox.Outbox;
import org.yizhan.rating.Rating;
import org.yizhan.rating.RatingAbout;
import org.yizhan.rating.RatingLevel;
import org.yizhan.rating.RatingReason;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Navigator;
import org.yizhan.ui.TaskExecutor;

/**
 * 服务评价 (好差评): five faces; a high one is given with one tap, a low one (不满意, 非常不满意) asks what was wrong,
 * at least one choice, and an optional note on the kiosk's keyboard. The rating is in the kiosk's {@link Outbox} on
 * the disk before the screen says thanks; the outbox's sender takes it to the hall server. Nothing is kept of a
 * rating left unfinished (首页, 返回, the idle reset).
 */
public final class RatingViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RatingViewModel.class);

    public enum Step { CHOOSING, REASONS, SAVING, THANKS, FAILED }

    /** One face: its level, its icon and its name. */
    public record Face(RatingLevel level, String icon, String label) {
    }

    /** One reason to choose, for a 差评. */
    public record Choice(RatingReason reason, String label) {
    }

    /** The kiosk's outbox (empty when it cannot be opened: then no rating is taken) and how long the thanks stay. */
    public record Setup(Optional<Outbox> outbox, Duration thanksShownFor) {
    }

    private final Messages messages;
    private final Setup setup;
    private final TaskExecutor tasks;
    private final Navigator navigator;
    private final RatingAbout about;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CHOOSING);
    private final ReadOnlyObjectWrapper<RatingLevel> level = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Set<RatingReason>> reasons = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper noteHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canSubmit = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper submitText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private TaskExecutor.Cancellable call = () -> { };
    private TaskExecutor.Cancellable goingHome = () -> { };

    public RatingViewModel(Messages messages, Setup setup, TaskExecutor tasks, Navigator navigator,
            Destination.Rating subject, Clock clock) {
        this.messages = messages;
        this.setup = setup;
        this.tasks = tasks;
        this.navigator = navigator;
        this.about = about(subject);
        this.clock = clock;
        refresh();
    }

    /** What the destination names, as the rating carries it: a case's number and nothing of its check. */
    static RatingAbout about(Destination.Rating subject) {
        try {
            return named(subject);
        } catch (IllegalArgumentException e) {
            // A number of a shape the server would refuse: better an anonymous rating than one kept aside for good.
            LOG.warn("a rating's subject has an unexpected shape ({}); it is given anonymously", e.getMessage());
            return RatingAbout.anonymous();
        }
    }

    private static RatingAbout named(Destination.Rating subject) {
        String service = subject.serviceId().isEmpty() ? null : subject.serviceId();
        if (!subject.ticket().isEmpty()) {
            return RatingAbout.ticket(subject.ticket(), subject.queue(), service);
        }
        if (!subject.caseNumber().isEmpty()) {
            return RatingAbout.ofCase(subject.caseNumber(), service);
        }
        return RatingAbout.anonymous();
    }

    /** Without an outbox nothing could be kept: the citizen is told at once, not after choosing. */
    public void open() {
        if (setup.outbox().isEmpty()) {
            fail(messages.get("rating.unavailable"));
        }
    }

    public List<Face> faces() {
        return List.of(
                new Face(RatingLevel.VERY_SATISFIED, "mdi2e-emoticon-excited-outline", messages.get("rating.level.verySatisfied")),
                new Face(RatingLevel.SATISFIED, "mdi2e-emoticon-happy-outline", messages.get("rating.level.satisfied")),
                new Face(RatingLevel.BASICALLY_SATISFIED, "mdi2e-emoticon-neutral-outline",
                        messages.get("rating.level.basicallySatisfied")),
                new Face(RatingLevel.DISSATISFIED, "mdi2e-emoticon-sad-outline", messages.get("rating.level.dissatisfied")),
                new Face(RatingLevel.VERY_DISSATISFIED, "mdi2e-emoticon-cry-outline",
                        messages.get("rating.level.veryDissatisfied")));
    }

    public List<Choice> choices() {
        List<Choice> choices = new ArrayList<>();
        for (RatingReason reason : RatingReason.values()) {
            choices.add(new Choice(reason, messages.get("rating.reason." + reason.code())));
        }
        return choices;
    }

    /** A tap on a face: a high level is given at once; a low one asks for its reasons first. */
    public void choose(RatingLevel chosen) {
        if (step.get() != Step.CHOOSING) {
            return;
        }
        level.set(chosen);
        if (chosen.low()) {
            step.set(Step.REASONS);
            refresh();
        } else {
            save(new Rating(chosen, List.of(), "", about, now()));
        }
    }

    /** A reason tapped on or off. */
    public void toggle(RatingReason reason) {
        if (step.get() != Step.REASONS) {
            return;
        }
        Set<RatingReason> now = reasons.get().isEmpty() ? EnumSet.noneOf(RatingReason.class) : EnumSet.copyOf(reasons.get());
        if (!now.remove(reason)) {
            now.add(reason);
        }
        reasons.set(Set.copyOf(now));
        refresh();
    }

    /** A key of the on-screen keyboard, into the note; control characters and anything past the cap are not taken. */
    public void type(String key) {
        if (step.get() != Step.REASONS || key == null) {
            return;
        }
        StringBuilder clean = new StringBuilder();
        key.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
        if (clean.isEmpty()) {
            return;
        }
        if (note.get().length() + clean.length() > Rating.NOTE_MAX) {
            message.set(messages.format("rating.note.full", Rating.NOTE_MAX));
            return;
        }
        note.set(note.get() + clean);
        message.set("");
        refresh();
    }

    public void backspace() {
        String n = note.get();
        if (!n.isEmpty()) {
            note.set(n.substring(0, n.offsetByCodePoints(n.length(), -1)));
        }
        message.set("");
        refresh();
    }

    public void clear() {
        note.set("");
        message.set("");
        refresh();
    }

    /** 提交评价: only with at least one reason (the button says so until then). */
    public void submit() {
        if (step.get() != Step.REASONS || !canSubmit.get()) {
            return;
        }
        List<RatingReason> chosen = List.copyOf(EnumSet.copyOf(reasons.get())); // in the list's order
        save(new Rating(level.get(), chosen, Rating.cleanNote(note.get()), about, now()));
    }

    /** 重新选择: back to the faces, forgetting the reasons and the note. */
    public void back() {
        if (step.get() == Step.REASONS) {
            level.set(null);
            reasons.set(Set.of());
            note.set("");
            message.set("");
            step.set(Step.CHOOSING);
            refresh();
        }
    }

    private void save(Rating rating) {
        Optional<Outbox> outbox = setup.outbox();
        if (outbox.isEmpty()) {
            fail(messages.get("rating.unavailable"));
            return;
        }
        step.set(Step.SAVING);
        String json = rating.json();
        call = tasks.execute(() -> outbox.get().add(Draft.rating(json)), added -> thank(), e -> {
            LOG.error("a rating could not be written to the outbox: {}", e.toString());
            fail(messages.get("rating.notSaved"));
        });
    }

    private void thank() {
        note.set("");
        reasons.set(Set.of());
        step.set(Step.THANKS);
        goingHome = tasks.schedule(setup.thanksShownFor(), () -> null, nothing -> navigator.home(), e -> { });
    }

    private void fail(String sentence) {
        message.set(sentence);
        step.set(Step.FAILED);
    }

    private void refresh() {
        boolean any = !reasons.get().isEmpty();
        canSubmit.set(step.get() == Step.REASONS && any);
        submitText.set(messages.get(any ? "rating.submit" : "rating.submit.needsReason"));
        int left = Rating.NOTE_MAX - note.get().length();
        noteHint.set(messages.format("rating.note.left", left));
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The citizen walked away or moved on: an unfinished rating is dropped, nothing of it kept. */
    public void leave() {
        call.cancel();
        goingHome.cancel();
        level.set(null);
        reasons.set(Set.of());
        note.set("");
        message.set("");
    }

    public void home() {
        navigator.home();
    }

    public String title() {
        return messages.get("rating.title");
    }

    /** The question, naming the ticket or the case it is about. */
    public String question() {
        return switch (about.kind()) {
            case RatingAbout.TICKET -> messages.format("rating.question.ticket", about.ticket());
            case RatingAbout.CASE -> messages.format("rating.question.case", about.caseNumber());
            default -> messages.get("rating.question");
        };
    }

    public String text(String key) {
        return messages.get(key);
    }

    public RatingAbout about() {
        return about;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RatingLevel> levelProperty() {
        return level.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Set<RatingReason>> reasonsProperty() {
        return reasons.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteHintProperty() {
        return noteHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSubmitProperty() {
        return canSubmit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty submitTextProperty() {
        return submitText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
