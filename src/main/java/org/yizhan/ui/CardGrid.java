package org.yizhan.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * Cards in equal columns: by default two in portrait, three when the screen is wide (landscape), so a wide screen
 * shows more of them at once instead of stretching each. Rows take their content's height.
 */
public final class CardGrid extends GridPane {

    private static final double WIDE = 1400;
    private final List<Node> cards = new ArrayList<>();
    private final int narrowColumns;
    private final int wideColumns;
    private int columns;

    public CardGrid() {
        this(2, 3);
    }

    public CardGrid(int narrowColumns, int wideColumns) {
        this.narrowColumns = narrowColumns;
        this.wideColumns = wideColumns;
        getStyleClass().add("card-grid");
        setHgap(24);
        setVgap(24);
        widthProperty().addListener((obs, was, now) -> layoutCards());
        layoutCards();
    }

    public void setCards(List<? extends Node> nodes) {
        cards.clear();
        cards.addAll(nodes);
        columns = 0;
        layoutCards();
    }

    private void layoutCards() {
        int wanted = getWidth() > WIDE ? wideColumns : narrowColumns;
        if (wanted == columns) {
            return;
        }
        columns = wanted;
        getChildren().clear();
        getColumnConstraints().clear();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            cc.setFillWidth(true);
            getColumnConstraints().add(cc);
        }
        for (int i = 0; i < cards.size(); i++) {
            add(cards.get(i), i % columns, i / columns);
        }
    }
}
