package org.yizhan.ui.status;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A small picture of a receipt (受理通知书) with the application number's place marked at its top right,
 * where halls print it: a citizen holding the paper sees at once which number to type.
 */
final class ReceiptHint {
    private ReceiptHint() {
    }

    static Node of(String title, String numberLabel, String example) {
        Label heading = new Label(title);
        heading.getStyleClass().add("receipt-title");
        Label number = new Label(numberLabel + "  " + example);
        number.getStyleClass().add("receipt-number");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(spacer, number);
        VBox paper = new VBox(10, top, heading);
        heading.setMaxWidth(Double.MAX_VALUE);
        heading.setAlignment(Pos.CENTER);
        for (double width : new double[] {0.9, 0.75, 0.85, 0.6}) {
            Region line = new Region();
            line.getStyleClass().add("receipt-line");
            line.maxWidthProperty().bind(paper.widthProperty().multiply(width));
            paper.getChildren().add(line);
        }
        paper.getStyleClass().add("receipt");
        paper.setPadding(new Insets(14));
        paper.setMaxWidth(620);
        paper.setId("status-receipt");
        return paper;
    }
}
