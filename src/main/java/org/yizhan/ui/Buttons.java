package org.yizhan.ui;

import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The screens' big action buttons: an icon and text that wraps, as wide as their place, the primary one filled. */
public final class Buttons {

    private Buttons() {
    }

    /** A button with {@code styleClass} for its size, and {@code primary} as well when it is the main action. */
    public static Button wide(String text, String id, String icon, boolean primary, String styleClass) {
        Button b = new Button(text, Icons.of(icon));
        b.setId(id);
        b.getStyleClass().add(styleClass);
        if (primary) {
            b.getStyleClass().add("primary");
        }
        b.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(b, Priority.ALWAYS); // in a row of buttons they share it; in a column this does nothing
        return Labels.wrap(b);
    }
}
