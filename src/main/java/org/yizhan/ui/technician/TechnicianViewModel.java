package org.yizhan.ui.technician;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.print.MonoImage;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Navigator;
import org.yizhan.ui.TaskExecutor;

/**
 * The technician's panel: first the PIN on a numeric pad (each wrong one makes the next wait longer, see
 * {@link PinDelay}), then what the kiosk knows of itself and the actions, each with its result shown. It is a screen
 * like the others, so the idle reset closes it; a fresh model each visit starts at the PIN again.
 */
public final class TechnicianViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TechnicianViewModel.class);
    static final int PIN_MAX = 12;
    static final Duration APPLY_AFTER = Duration.ofSeconds(4);

    public enum Step { PIN, CHECKING, OPEN }

    private final Messages messages;
    private final Maintenance maintenance;
    private final PinDelay delay;
    private final TaskExecutor tasks;
    private final Navigator navigator;
    private final Clock clock;
    private final IntFunction<MonoImage> testPage;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.PIN);
    private final ReadOnlyStringWrapper pin = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pinMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<Maintenance.Section>> facts = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private TaskExecutor.Cancellable call = () -> { };
    private TaskExecutor.Cancellable reading = () -> { };

    /** @param testPage lays out the test ticket for a printer so many dots wide (on the UI thread) */
    public TechnicianViewModel(Messages messages, Maintenance maintenance, PinDelay delay, TaskExecutor tasks,
            Navigator navigator, Clock clock, IntFunction<MonoImage> testPage) {
        this.messages = messages;
        this.maintenance = maintenance;
        this.delay = delay;
        this.tasks = tasks;
        this.navigator = navigator;
        this.clock = clock;
        this.testPage = testPage;
        showWait();
    }

    public void type(String digit) {
        if (step.get() == Step.PIN && digit.length() == 1 && Character.isDigit(digit.charAt(0))
                && pin.get().length() < PIN_MAX) {
            pin.set(pin.get() + digit);
        }
    }

    public void backspace() {
        if (step.get() == Step.PIN && !pin.get().isEmpty()) {
            pin.set(pin.get().substring(0, pin.get().length() - 1));
        }
    }

    public void clear() {
        if (step.get() == Step.PIN) {
            pin.set("");
        }
    }

    /** Dots for the digits typed: the PIN itself is never on the screen. */
    public String maskedPin() {
        return "●".repeat(pin.get().length());
    }

    /** Checks the PIN typed, off the UI thread (a slow hash), unless the last wrong one still makes it wait. */
    public void submit() {
        if (step.get() != Step.PIN || pin.get().isEmpty()) {
            return;
        }
        if (showWait()) {
            pin.set("");
            return;
        }
        String typed = pin.get();
        pin.set("");
        delay.attempt(clock.instant());
        step.set(Step.CHECKING);
        call = tasks.execute(() -> maintenance.pinMatches(typed), right -> {
            if (right) {
                delay.succeeded();
                LOG.info("the technician's panel was opened");
                pinMessage.set("");
                step.set(Step.OPEN);
                refresh();
            } else {
                LOG.warn("a wrong PIN was typed for the technician's panel");
                step.set(Step.PIN);
                pinMessage.set(messages.get("tech.pin.wrong") + waitText().map(w -> " " + w).orElse(""));
            }
        }, error -> {
            LOG.error("the technician's PIN could not be checked", error);
            step.set(Step.PIN);
            pinMessage.set(messages.get("tech.pin.failed"));
        });
    }

    /** Says how long the next try must wait; true while it must. */
    private boolean showWait() {
        Optional<String> wait = waitText();
        wait.ifPresent(pinMessage::set);
        return wait.isPresent();
    }

    private Optional<String> waitText() {
        return delay.wait(clock.instant())
                .map(w -> messages.format("tech.pin.wait", Math.max(1, (w.toMillis() + 999) / 1000)));
    }

    /** Reads the facts again. */
    public void refresh() {
        if (step.get() != Step.OPEN) {
            return;
        }
        reading.cancel();
        reading = tasks.execute(maintenance::facts, facts::set, error -> {
            LOG.error("the technician's panel could not read the kiosk's state", error);
            result.set(messages.format("tech.result.failed", String.valueOf(error.getMessage())));
        });
    }

    public void syncNow() {
        act(messages.get("tech.sync.running"), maintenance::syncNow);
    }

    public boolean hasPrinter() {
        return maintenance.printerDots().isPresent();
    }

    public void printTest() {
        if (!hasPrinter()) {
            return;
        }
        MonoImage page = testPage.apply(maintenance.printerDots().getAsInt());
        act(messages.get("tech.print.running"), () -> maintenance.printTest(page));
    }

    /**
     * Reads kiosk.properties again. A valid change is applied by building the screens afresh, after
     * {@link #APPLY_AFTER} so the technician reads what changed first.
     */
    public void reload() {
        act(messages.get("tech.reload.running"), () -> {
            Maintenance.Reload reload = maintenance.reload();
            if (reload.outcome() == Maintenance.Outcome.APPLIED) {
                tasks.schedule(APPLY_AFTER, () -> null, ignored -> maintenance.restartUi(), error -> { });
            }
            String head = messages.get("tech.reload." + reload.outcome().name().toLowerCase(java.util.Locale.ROOT));
            return reload.lines().isEmpty() ? head : head + "\n" + String.join("\n", reload.lines());
        });
    }

    public void restartUi() {
        if (step.get() == Step.OPEN) {
            LOG.info("the technician restarts the kiosk's screens");
            maintenance.restartUi();
        }
    }

    public void quit() {
        if (step.get() == Step.OPEN) {
            LOG.info("the technician quits the kiosk to the desktop");
            maintenance.quit();
        }
    }

    /** Closes the panel: back home for the next citizen. */
    public void close() {
        navigator.home();
    }

    /** The panel was left (closed, or the idle reset): nothing more lands on it, the PIN typed is gone. */
    public void left() {
        call.cancel();
        reading.cancel();
        pin.set("");
    }

    private void act(String running, Callable<String> action) {
        if (step.get() != Step.OPEN || busy.get()) {
            return;
        }
        busy.set(true);
        result.set(running);
        call = tasks.execute(action, said -> {
            busy.set(false);
            result.set(said);
            refresh();
        }, error -> {
            LOG.warn("a technician's action failed: {}", error.toString());
            busy.set(false);
            result.set(messages.format("tech.result.failed", String.valueOf(error.getMessage())));
            refresh();
        });
    }

    public String text(String key) {
        return messages.get(key);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pinProperty() {
        return pin.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pinMessageProperty() {
        return pinMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Maintenance.Section>> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
