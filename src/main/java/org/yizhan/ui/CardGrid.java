package org.yizhan.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.layout.TilePane;

/** Cards in equal columns: two in portrait, three when the screen is wide (landscape). */
public final class CardGrid extends TilePane {

    private static final double WIDE = 1400;

    public CardGrid() {
        getStyleClass().add("card-grid");
        setHgap(24);
        setVgap(24);
        setPrefColumns(2);
        prefTileWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double w = getWidth() - snappedLeftInset() - snappedRightInset();
            int columns = w > WIDE ? 3 : 2;
            return w <= 0 ? 400 : Math.floor((w - getHgap() * (columns - 1)) / columns) - 1;
        }, widthProperty()));
    }
}
