package org.yizhan.app;

import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * For {@code bench startup}: with {@code -Dyizhan.firstFrame=true} the process prints one line on standard output
 * at the first pulse that lays out what it waits for (the kiosk's home screen; the hello window's label), the pulse
 * whose frame is then drawn. The benchmark reads the line; nothing else sets the property.
 */
public final class FirstFrame {
    public static final String PROPERTY = "yizhan.firstFrame";
    /** Followed by the wall-clock time in milliseconds since the epoch, which the benchmark compares with its spawn. */
    public static final String MARKER = "yizhan-first-frame epoch_ms=";

    private FirstFrame() {
    }

    static boolean asked() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** On the FX thread; prints once, at the first pulse after which {@code shown} holds. */
    static void report(Scene scene, BooleanSupplier shown) {
        Runnable[] listener = new Runnable[1];
        boolean[] done = new boolean[1];
        listener[0] = () -> {
            if (!done[0] && shown.getAsBoolean()) {
                done[0] = true;
                System.out.println(MARKER + System.currentTimeMillis());
                System.out.flush();
                // Not during the pulse: the scene is iterating over its listeners.
                Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
