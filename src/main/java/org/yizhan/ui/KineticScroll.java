package org.yizhan.ui;

import javafx.animation.AnimationTimer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Finger scrolling for touch screens that report touches as mouse drags (most kiosk panels on Linux):
 * the list follows the finger and keeps gliding after release, slowing down like a phone's list.
 * Real touch events already get inertia from JavaFX's own ScrollEvents. A mouse wheel notch moves a
 * few lines, as in a browser, where ScrollPane alone moves less than one.
 */
public final class KineticScroll {

    private static final double FRICTION_PER_SECOND = 0.04;
    private static final double MIN_SPEED = 20; // px/s
    /** A drag shorter than this is a tap: the button under the finger must still get its click. */
    private static final double DRAG_SLOP = 12;
    /** How far one wheel notch moves the content: about three lines of body text. */
    private static final double NOTCH = 150; // px
    /** JavaFX's ScrollEvent delta for one notch when the platform gives no multiplier. */
    private static final double DELTA_PER_NOTCH = 40;

    private final ScrollPane pane;
    private double lastY;
    private long lastNanos;
    private double velocity; // px per second, positive = content moves up
    private double travelled;
    private long lastFrame;
    private final AnimationTimer glide = new AnimationTimer() {
        @Override
        public void handle(long now) {
            double dt = (now - lastFrame) / 1e9;
            lastFrame = now;
            if (dt <= 0) {
                return;
            }
            scrollBy(velocity * dt);
            velocity *= Math.pow(FRICTION_PER_SECOND, dt);
            if (Math.abs(velocity) < MIN_SPEED) {
                stop();
            }
        }
    };

    private KineticScroll(ScrollPane pane) {
        this.pane = pane;
    }

    public static ScrollPane install(ScrollPane pane) {
        KineticScroll k = new KineticScroll(pane);
        pane.setPannable(false);
        pane.setFitToWidth(true);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        pane.addEventFilter(MouseEvent.MOUSE_PRESSED, k::pressed);
        pane.addEventFilter(MouseEvent.MOUSE_DRAGGED, k::dragged);
        pane.addEventFilter(MouseEvent.MOUSE_RELEASED, k::released);
        pane.addEventFilter(MouseEvent.MOUSE_CLICKED, k::clicked);
        pane.addEventFilter(ScrollEvent.SCROLL, k::wheel);
        return pane;
    }

    /**
     * Scrolls as little as needed to show {@code node} whole, or from its top when it is taller than the
     * view; e.g. for a section that was just opened below the fold.
     */
    public static void reveal(ScrollPane pane, Node node) {
        pane.applyCss();
        pane.layout();
        Node content = pane.getContent();
        double view = pane.getViewportBounds().getHeight();
        double scrollable = content.getLayoutBounds().getHeight() - view;
        if (scrollable <= 0) {
            return;
        }
        double range = pane.getVmax() - pane.getVmin();
        double top = (pane.getVvalue() - pane.getVmin()) / range * scrollable;
        Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        if (b.getMaxY() > top + view) {
            top = Math.min(b.getMinY(), b.getMaxY() - view);
        }
        if (b.getMinY() < top) {
            top = b.getMinY();
        }
        pane.setVvalue(pane.getVmin() + Math.max(0, Math.min(scrollable, top)) / scrollable * range);
    }

    /** Wheels and touchpads only: a touch screen's own scroll gestures keep JavaFX's handling and inertia. */
    private void wheel(ScrollEvent e) {
        if (e.isDirect() || e.getTouchCount() > 0 || e.isInertia() || e.getDeltaY() == 0) {
            return;
        }
        double perNotch = e.getMultiplierY() > 0 ? e.getMultiplierY() : DELTA_PER_NOTCH;
        glide.stop();
        scrollBy(-e.getDeltaY() / perNotch * NOTCH);
        e.consume();
    }

    private void pressed(MouseEvent e) {
        glide.stop();
        velocity = 0;
        travelled = 0;
        lastY = e.getSceneY();
        lastNanos = System.nanoTime();
    }

    private void dragged(MouseEvent e) {
        double dy = lastY - e.getSceneY();
        long now = System.nanoTime();
        double dt = Math.max(1e-3, (now - lastNanos) / 1e9);
        travelled += Math.abs(dy);
        if (travelled > DRAG_SLOP) {
            scrollBy(dy);
            velocity = 0.7 * velocity + 0.3 * (dy / dt);
        }
        lastY = e.getSceneY();
        lastNanos = now;
    }

    private void released(MouseEvent e) {
        boolean stale = (System.nanoTime() - lastNanos) > 100_000_000L;
        if (travelled > DRAG_SLOP && !stale && Math.abs(velocity) > MIN_SPEED) {
            lastFrame = System.nanoTime();
            glide.start();
        }
    }

    /** A drag that moved the list is not a tap on whatever row it ended on. */
    private void clicked(MouseEvent e) {
        if (travelled > DRAG_SLOP) {
            e.consume();
        }
    }

    private void scrollBy(double pixels) {
        double contentHeight = pane.getContent().getBoundsInLocal().getHeight();
        double viewport = pane.getViewportBounds().getHeight();
        double scrollable = contentHeight - viewport;
        if (scrollable <= 0) {
            return;
        }
        double v = pane.getVvalue() + pixels / scrollable * (pane.getVmax() - pane.getVmin());
        pane.setVvalue(Math.max(pane.getVmin(), Math.min(pane.getVmax(), v)));
    }
}
