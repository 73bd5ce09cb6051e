package org.yizhan.ui;

import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/**
 * Text that wraps instead of being cut. A wrapping label's minimum height is one line, so a box short of
 * room would squeeze it to one line ending in "…"; these keep the height all their lines need, and the
 * screen scrolls instead.
 */
public final class Labels {

    private Labels() {
    }

    public static <L extends Labeled> L wrap(L labeled) {
        labeled.setWrapText(true);
        labeled.setMinHeight(Region.USE_PREF_SIZE);
        return labeled;
    }

    /** A wrapping label with the given style classes. */
    public static Label of(String text, String... styleClasses) {
        Label l = wrap(new Label(text));
        l.getStyleClass().addAll(styleClasses);
        return l;
    }
}
