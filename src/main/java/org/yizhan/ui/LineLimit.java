package org.yizhan.ui;

import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Keeps a long heading to a few lines without cutting it: when its text needs more lines than allowed at
 * its own size, the label takes the {@code :compact} pseudo-class, which the stylesheet maps to a smaller
 * size that is still legal. It wraps at either size, so even an overlong text is shown whole.
 */
public final class LineLimit {

    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    private final Label label;
    private final int lines;
    private boolean fitting;

    private LineLimit(Label label, int lines) {
        this.label = label;
        this.lines = lines;
    }

    /** The label should fill its box's width (max width unbounded), so its width does not follow its font. */
    public static Label install(Label label, int lines) {
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        LineLimit limit = new LineLimit(label, lines);
        InvalidationListener fit = o -> limit.fit();
        label.widthProperty().addListener(fit);
        label.textProperty().addListener(fit);
        return label;
    }

    private void fit() {
        if (fitting || label.getScene() == null) {
            return;
        }
        fitting = true;
        try {
            // Measured at the full size, never at the compact one, so the choice cannot flip back and forth.
            label.pseudoClassStateChanged(COMPACT, false);
            label.applyCss();
            double width = label.getWidth() - label.snappedLeftInset() - label.snappedRightInset();
            label.pseudoClassStateChanged(COMPACT, width > 0 && lines(label.getText(), label.getFont(), width) > lines);
            label.applyCss();
        } finally {
            fitting = false;
        }
    }

    static int lines(String text, Font font, double width) {
        Text probe = new Text(text);
        probe.setFont(font);
        probe.setWrappingWidth(width);
        double all = probe.getLayoutBounds().getHeight();
        probe.setText("国");
        return (int) Math.round(all / probe.getLayoutBounds().getHeight());
    }
}
