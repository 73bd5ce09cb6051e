package org.yizhan.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Two parts of a screen: one above the other on a portrait screen, side by side on a landscape one,
 * where height is scarce. The style class {@code side-by-side} carries the gap between them.
 */
public final class SideBySide extends StackPane {

    private static final double WIDE = 1400;

    private final Region first;
    private final Region second;
    private final double firstShare;
    private final Region growsWhenTall;
    private final ReadOnlyBooleanWrapper wide = new ReadOnlyBooleanWrapper();
    private Pane box;

    /**
     * @param firstShare    the part of the width the first part takes when side by side
     * @param growsWhenTall the part that takes the height left over when one is above the other
     */
    public SideBySide(Region first, Region second, double firstShare, Region growsWhenTall) {
        this.first = first;
        this.second = second;
        this.firstShare = firstShare;
        this.growsWhenTall = growsWhenTall;
        arrange(false);
        widthProperty().addListener((obs, was, w) -> arrange(w.doubleValue() > WIDE));
    }

    /** True while the parts are side by side. */
    public ReadOnlyBooleanProperty wideProperty() {
        return wide.getReadOnlyProperty();
    }

    private void arrange(boolean wide) {
        if (box != null && this.wide.get() == wide) {
            return;
        }
        getChildren().clear();
        if (wide) {
            HBox row = new HBox(first, second);
            HBox.setHgrow(second, Priority.ALWAYS);
            first.prefWidthProperty().bind(widthProperty().multiply(firstShare));
            // Never narrower than its share: asked how tall it is when squeezed, wrapping text answers
            // thousands of pixels, and the scroll pane around the screen believes it.
            first.setMinWidth(Region.USE_PREF_SIZE);
            box = row;
        } else {
            first.prefWidthProperty().unbind();
            first.setPrefWidth(Region.USE_COMPUTED_SIZE);
            first.setMinWidth(Region.USE_COMPUTED_SIZE);
            VBox column = new VBox(first, second);
            VBox.setVgrow(growsWhenTall, Priority.ALWAYS);
            box = column;
        }
        box.getStyleClass().add("side-by-side");
        getChildren().add(box);
        this.wide.set(wide);
    }
}
