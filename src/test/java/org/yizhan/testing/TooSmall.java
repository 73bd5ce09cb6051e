package org.yizhan.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Finds text and touch targets smaller than a citizen can use, in a scene that has been laid out: a visible
 * label or text node whose font is under {@code minText} px, and a visible node a citizen taps (a button, a
 * toggle, a {@code ui.Tappable} row or card, a tapped list cell, anything with a click or action handler) whose
 * width or height on the screen is under {@code minTarget} px. Sizes are as drawn (a scaled node counts at its scale).
 * Icons are glyphs, not text: they sit beside words.
 */
public final class TooSmall {

    private static final double SLACK = 0.5; // px of rounding in em sizes

    /** The figures of a mode: body text and touch targets. */
    public record Rule(double minText, double minTarget) {
        /** ui.md: elder mode at least 28 px text and 80 px targets; otherwise never under 22 px, targets 64 px. */
        public static Rule of(boolean elder) {
            return elder ? new Rule(28, 80) : new Rule(22, 64);
        }
    }

    private TooSmall() {
    }

    /** Call on the FX thread after layout; one line per problem. */
    public static List<String> in(Scene scene, Rule rule) {
        List<String> found = new ArrayList<>();
        walk(scene.getRoot(), rule, found);
        return found;
    }

    private static void walk(Node node, Rule rule, List<String> found) {
        // A scroll bar is a slim position indicator: every list is dragged by finger (ui.KineticScroll).
        if (!node.isVisible() || node.getOpacity() == 0 || node instanceof ScrollBar) {
            return;
        }
        double text = textSize(node) * scale(node);
        if (text > 0 && text < rule.minText() - SLACK) {
            found.add(describe(node) + " is in " + round(text) + " px type, under " + round(rule.minText()));
        }
        if (tapped(node)) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            double side = Math.min(b.getWidth(), b.getHeight());
            if (side < rule.minTarget() - SLACK) {
                found.add(describe(node) + " is a target of " + round(b.getWidth()) + "×" + round(b.getHeight())
                        + " px, under " + round(rule.minTarget()));
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, rule, found);
            }
        }
    }

    /** How much larger than its own pixels the node is drawn, e.g. the on-screen ticket, a scaled picture of the paper. */
    private static double scale(Node node) {
        Point2D top = node.localToScene(0, 0);
        Point2D below = node.localToScene(0, 100);
        return top.distance(below) / 100;
    }

    /** The font size of text a citizen reads at this node, or 0 if it shows none of its own. */
    private static double textSize(Node node) {
        if (node instanceof Labeled l) {
            return l.getText() == null || l.getText().isBlank() ? 0 : l.getFont().getSize();
        }
        // A label's own text node has the label's font, checked above; an icon is a glyph.
        if (node instanceof Text t && !(t instanceof FontIcon) && !(t.getParent() instanceof Labeled)) {
            return t.getText() == null || t.getText().isBlank() ? 0 : t.getFont().getSize();
        }
        return 0;
    }

    private static boolean tapped(Node node) {
        if (node.isDisabled() && !(node instanceof ButtonBase)) {
            return false;
        }
        return node instanceof ButtonBase
                || node instanceof ComboBoxBase<?>
                || node instanceof TextField f && f.getOnAction() != null
                || node instanceof ListCell<?> c && !c.isEmpty()
                || node.getStyleClass().contains("tappable")
                || handles(node.getOnMouseClicked()) || handles(node.getOnMousePressed())
                || handles(node.getOnMouseReleased()) || handles(node.getOnTouchPressed());
    }

    private static boolean handles(EventHandler<?> handler) {
        return handler != null;
    }

    private static String round(double px) {
        return String.valueOf(Math.round(px * 10) / 10.0);
    }

    private static String describe(Node n) {
        String name = n.getClass().getSimpleName() + (n.getId() != null ? "#" + n.getId() : "")
                + (n.getStyleClass().isEmpty() ? "" : "." + String.join(".", n.getStyleClass()));
        if (n instanceof Labeled l) {
            return name + " \"" + l.getText() + "\"";
        }
        return n instanceof Text t ? name + " \"" + t.getText() + "\"" : name;
    }
}
