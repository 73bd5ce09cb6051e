package org.yizhan.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What a flow test does on the kiosk's screen: tap as a citizen would, wait for an answer, read, take a shot. */
public final class FlowScreen {
    private final FxRobot robot = new FxRobot();
    private final Supplier<Scene> scene;

    /** {@code scene}: the kiosk's scene, asked for each time (the kiosk starts after the test's fields). */
    public FlowScreen(Supplier<Scene> scene) {
        this.scene = scene;
    }

    /** Taps a node, first scrolling it into view when it is not, as a citizen would. */
    public void tap(String query) {
        Fx.run(() -> {
            // A screen built since the last pulse has no skins yet, so nothing inside a scroll pane is found.
            scene.get().getRoot().applyCss();
            Node node = robot.lookup(query).query();
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane pane) {
                    Node content = pane.getContent();
                    double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
                    double h = content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
                    double viewport = pane.getViewportBounds().getHeight();
                    double top = pane.getVvalue() * Math.max(0, h);
                    if (y < top || y + node.getBoundsInLocal().getHeight() > top + viewport) {
                        pane.setVvalue(h <= 0 ? 0 : Math.min(1, y / h));
                    }
                    break;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for the screen to show {@code query} (the answer of a call off the FX thread). */
    public void awaitShown(String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> robot.lookup(query).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the label {@code query}. */
    public String text(String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    /** Writes the screen to target/screenshots/{@code name}.png. */
    public void shot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Fx.run(() -> Screenshots.save(scene.get(), name));
    }
}
