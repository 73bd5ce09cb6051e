package org.yizhan.ui;

import javafx.css.PseudoClass;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * Makes a layout region (a list row, a card) act as one large button. A Button with a wrapping
 * multi-line graphic sizes itself badly; a plain box lays its text out like any other.
 */
public final class Tappable {

    private static final PseudoClass PRESSED = PseudoClass.getPseudoClass("pressed");

    private Tappable() {
    }

    public static <R extends Region> R of(R region, Runnable action) {
        region.getStyleClass().add("tappable");
        region.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> region.pseudoClassStateChanged(PRESSED, true));
        region.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> region.pseudoClassStateChanged(PRESSED, false));
        region.addEventHandler(MouseEvent.MOUSE_EXITED, e -> region.pseudoClassStateChanged(PRESSED, false));
        // KineticScroll consumes the click that ends a drag, so a scroll never opens a row.
        region.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.isStillSincePress()) {
                action.run();
            }
        });
        return region;
    }
}
