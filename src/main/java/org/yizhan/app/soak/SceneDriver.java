package org.yizhan.app.soak;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.stage.Window;

/**
 * The soak's hands on the kiosk's scene, from the driver's thread: finds nodes by id or style class as the flow tests
 * do, taps them with the mouse events a touch panel sends (press, release, click, so buttons, rows and the idle reset
 * all see a real tap), and waits until the calls a tap started have answered on the FX thread.
 */
final class SceneDriver {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final List<EventType<MouseEvent>> TAP = List.of(MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED,
            MouseEvent.MOUSE_CLICKED);

    private final Scene scene;
    private final ClockedTasks tasks;

    SceneDriver(Scene scene, ClockedTasks tasks) {
        this.scene = scene;
        this.tasks = tasks;
    }

    /** Runs {@code c} on the FX thread and waits for it. */
    static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(c.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Waits for what the last taps started: every call answered, and what their answers queued on the FX thread. */
    void settle() throws Exception {
        do {
            tasks.awaitIdle(PATIENCE);
            fx(() -> null);
        } while (busy());
    }

    private boolean busy() throws Exception {
        try {
            tasks.awaitIdle(Duration.ZERO);
            return false;
        } catch (TimeoutException e) {
            return true;
        }
    }

    /** On the FX thread: the first shown node that matches, skins made first (a new screen has none before its pulse). */
    private Optional<Node> lookup(String selector) {
        scene.getRoot().applyCss();
        return scene.getRoot().lookupAll(selector).stream().filter(SceneDriver::shown).findFirst();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    boolean present(String selector) throws Exception {
        return fx(() -> lookup(selector).isPresent());
    }

    /** The ids of the shown nodes that match, in scene order. */
    List<String> ids(String selector) throws Exception {
        return fx(() -> {
            scene.getRoot().applyCss();
            return scene.getRoot().lookupAll(selector).stream().filter(SceneDriver::shown).map(Node::getId)
                    .filter(id -> id != null).toList();
        });
    }

    Optional<String> text(String selector) throws Exception {
        return fx(() -> lookup(selector).filter(n -> n instanceof Label).map(n -> ((Label) n).getText()));
    }

    /** Taps the first shown node that matches and waits until it has settled; false if there is none. */
    boolean tap(String selector) throws Exception {
        boolean tapped = fx(() -> {
            Optional<Node> node = lookup(selector);
            node.ifPresent(this::tapOn);
            return node.isPresent();
        });
        if (tapped) {
            settle();
        }
        return tapped;
    }

    private void tapOn(Node node) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        double x = b.getCenterX();
        double y = b.getCenterY();
        Window w = scene.getWindow();
        double screenX = x + scene.getX() + (w == null ? 0 : w.getX());
        double screenY = y + scene.getY() + (w == null ? 0 : w.getY());
        for (EventType<MouseEvent> type : TAP) {
            boolean down = type == MouseEvent.MOUSE_PRESSED;
            Event.fireEvent(node, new MouseEvent(null, node, type, x, y, screenX, screenY, MouseButton.PRIMARY, 1,
                    false, false, false, false, down, false, false, false, false, true, new PickResult(node, x, y)));
        }
    }
}
