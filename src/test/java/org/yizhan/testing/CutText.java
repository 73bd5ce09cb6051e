package org.yizhan.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Finds text a citizen cannot read in full, in a scene that has been laid out: a label the skin shortened
 * (its displayed text differs from its text, e.g. ends in "…"), a label that lies outside a box around
 * it, where the box's neighbour paints over it or a scroll pane's viewport cuts it off at the side, or a
 * text field's prompt wider than the field.
 * Text below the fold of a scroll pane counts as readable: the citizen scrolls to it.
 */
public final class CutText {

    private static final double SLACK = 1; // px of snapping

    private CutText() {
    }

    /** Call on the FX thread after layout; one line per problem, empty if every visible label reads whole. */
    public static List<String> in(Scene scene) {
        List<String> found = new ArrayList<>();
        walk(scene.getRoot(), found);
        return found;
    }

    private static void walk(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && showsText(l)) {
            check(l, found);
        }
        if (node instanceof TextInputControl field && field.getText().isEmpty() && !field.getPromptText().isEmpty()) {
            checkPrompt(field, found);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, found);
            }
        }
    }

    private static boolean showsText(Labeled l) {
        return l.getText() != null && !l.getText().isEmpty() && l.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY;
    }

    private static void check(Labeled l, List<String> found) {
        String shown = displayed(l).orElse("");
        if (!shown.equals(l.getText())) {
            found.add(describe(l) + " shows only \"" + shown + "\"");
            return;
        }
        Optional<String> broken = brokenWord(l);
        if (broken.isPresent()) {
            found.add(describe(l) + " breaks the word \"" + broken.get() + "\" across lines");
            return;
        }
        Bounds bounds = l.localToScene(l.getLayoutBounds());
        Optional<ScrollPane> pane = scrollPane(l);
        Node stop = pane.map(ScrollPane::getContent).orElse(null);
        for (Parent p = l.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Region r && !contains(r.localToScene(r.getLayoutBounds()), bounds)) {
                found.add(describe(l) + " lies outside " + describe(r) + " " + r.localToScene(r.getLayoutBounds())
                        + ": " + bounds);
                return;
            }
            if (p == stop) {
                break;
            }
        }
        if (pane.isPresent()) {
            ScrollPane sp = pane.get();
            double left = sp.localToScene(sp.getLayoutBounds()).getMinX() + sp.snappedLeftInset();
            double right = left + sp.getViewportBounds().getWidth();
            if (bounds.getMinX() < left - SLACK || bounds.getMaxX() > right + SLACK) {
                found.add(describe(l) + " runs past the side of " + describe(sp) + " (" + left + " to " + right + "): "
                        + bounds);
            }
        }
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z'’-]*[.,:;!?)]*");

    /**
     * English wraps between words; a word wider than its line is split mid-word ("Dissatisfie / d"), which reads as a
     * mistake: the longest word must fit the width the skin wraps at. Codes and numbers (a 事项编码) may break.
     */
    private static Optional<String> brokenWord(Labeled l) {
        Optional<Text> text = l.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Text && n != l.getGraphic()).map(n -> (Text) n).findFirst();
        if (text.isEmpty() || text.get().getWrappingWidth() <= 0) {
            return Optional.empty();
        }
        double width = text.get().getWrappingWidth();
        java.util.regex.Matcher m = WORD.matcher(l.getText());
        while (m.find()) {
            Text word = new Text(m.group());
            word.setFont(text.get().getFont());
            if (word.getLayoutBounds().getWidth() > width + SLACK) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    /** A prompt is never shortened, only clipped at the field's padding: it must fit inside. */
    private static void checkPrompt(TextInputControl field, List<String> found) {
        Bounds inside = field.localToScene(new javafx.geometry.BoundingBox(field.snappedLeftInset(), 0,
                field.getWidth() - field.snappedLeftInset() - field.snappedRightInset(), field.getHeight()));
        field.lookupAll("Text").stream()
                .filter(n -> n instanceof Text t && field.getPromptText().equals(t.getText()))
                .map(n -> n.localToScene(n.getLayoutBounds()))
                .filter(b -> b.getMaxX() > inside.getMaxX() + SLACK)
                .forEach(b -> found.add(describe(field) + " prompt \"" + field.getPromptText() + "\" runs "
                        + Math.round(b.getMaxX() - inside.getMaxX()) + " px past the field"));
    }

    /** What the skin draws: its text node, which holds the shortened text when the label does not fit. */
    private static Optional<String> displayed(Labeled l) {
        return l.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Text && n != l.getGraphic())
                .map(n -> ((Text) n).getText())
                .findFirst();
    }

    private static Optional<ScrollPane> scrollPane(Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                return Optional.of(sp);
            }
        }
        return Optional.empty();
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - SLACK && inner.getMaxX() <= outer.getMaxX() + SLACK
                && inner.getMinY() >= outer.getMinY() - SLACK && inner.getMaxY() <= outer.getMaxY() + SLACK;
    }

    private static String describe(Node n) {
        String name = n.getClass().getSimpleName() + (n.getId() != null ? "#" + n.getId() : "")
                + (n.getStyleClass().isEmpty() ? "" : "." + String.join(".", n.getStyleClass()));
        return n instanceof Labeled l ? name + " \"" + l.getText() + "\"" : name;
    }
}
