package org.yizhan.ui;

import java.time.Duration;
import java.util.function.LongSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;

/**
 * Watches the scene for any touch, click, scroll or key and fires {@code onTimeout} after the idle timeout.
 * Time is read from the clock it is given, so a test moves that clock on and calls {@link #check} rather
 * than wait; the kiosk's ticker calls it four times a second.
 */
public final class IdleMonitor {

    private final IdleCountdown countdown;
    private final LongSupplier clock;
    private final Runnable onTimeout;
    private final Timeline ticker;
    private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper warning = new ReadOnlyBooleanWrapper();
    private final EventHandler<Event> onActivity = e -> activity();
    private boolean armed;
    private java.util.function.BooleanSupplier busy = () -> false;

    public IdleMonitor(Duration timeout, LongSupplier clockMillis, Runnable onTimeout) {
        this.clock = clockMillis;
        this.onTimeout = onTimeout;
        this.countdown = new IdleCountdown(timeout, clockMillis.getAsLong());
        this.ticker = new Timeline(new KeyFrame(javafx.util.Duration.millis(250), e -> check()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    public void attach(Scene scene) {
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, onActivity);
        scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, onActivity);
        scene.addEventFilter(TouchEvent.ANY, onActivity);
        scene.addEventFilter(ScrollEvent.ANY, onActivity);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, onActivity);
        ticker.play();
    }

    /** Stops counting for good: the shell is being replaced. */
    public void stop() {
        ticker.stop();
        armed = false;
    }

    /** Counting only while a citizen is away from home; the home screen has nothing to clear. */
    public void arm(boolean armed) {
        this.armed = armed;
        activity();
    }

    /** From now on, {@code timeout} after the last activity, e.g. while elder mode is on. */
    public void setTimeout(Duration timeout) {
        countdown.setTimeout(timeout);
        check();
    }

    public void activity() {
        countdown.activity(clock.getAsLong());
        check();
    }

    /** While {@code busy} says so, time does not count as idle (a citizen listening to the screen read aloud). */
    public void keepAliveWhile(java.util.function.BooleanSupplier busy) {
        this.busy = busy;
    }

    /** Updates the countdown to the clock's time now, and fires the timeout if it has passed. */
    public void check() {
        long now = clock.getAsLong();
        if (armed && busy.getAsBoolean()) {
            countdown.activity(now);
        }
        secondsLeft.set(countdown.remainingSeconds(now));
        warning.set(armed && countdown.warning(now));
        if (armed && countdown.expired(now)) {
            armed = false;
            warning.set(false);
            onTimeout.run();
        }
    }

    public ReadOnlyIntegerProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }
}
