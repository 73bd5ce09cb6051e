package org.yizhan.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Our own keyboard for letters and digits: a touch screen has no physical one, and no OS keyboard or
 * input method is assumed. 删除 and 清空 are large and set apart from the letters.
 */
public final class OnScreenKeyboard extends VBox {

    private static final List<String> ROWS = List.of("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm");
    private static final int WIDEST = 10;

    public OnScreenKeyboard(Messages messages, Consumer<String> onKey, Runnable onBackspace, Runnable onClear) {
        getStyleClass().add("keyboard");
        setId("keyboard");
        setAlignment(Pos.CENTER);
        getChildren().add(keys(onKey));
        Button backspace = new Button(messages.get("keyboard.backspace"), Icons.of("mdi2b-backspace-outline"));
        backspace.setId("key-backspace");
        backspace.setOnAction(e -> onBackspace.run());
        Button clear = new Button(messages.get("keyboard.clear"), Icons.of("mdi2c-close-circle-outline"));
        clear.setId("key-clear");
        clear.setOnAction(e -> onClear.run());
        for (Button b : List.of(backspace, clear)) {
            b.getStyleClass().add("key-wide");
            b.setFocusTraversable(false);
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        HBox actions = new HBox(backspace, clear);
        actions.getStyleClass().add("key-actions");
        actions.setAlignment(Pos.CENTER);
        getChildren().add(actions);
    }

    /**
     * Every letter and digit key as wide as the others, whatever its glyph: the grid has two columns per
     * key, so a shorter row sits half a key in, as on a real keyboard.
     */
    private static GridPane keys(Consumer<String> onKey) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("keys");
        for (int half = 0; half < 2 * WIDEST; half++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / (2 * WIDEST));
            grid.getColumnConstraints().add(column);
        }
        for (int r = 0; r < ROWS.size(); r++) {
            String row = ROWS.get(r);
            int first = WIDEST - row.length();
            for (int i = 0; i < row.length(); i++) {
                String key = String.valueOf(row.charAt(i));
                Button b = new Button(key.toUpperCase());
                b.getStyleClass().add("key");
                b.setId("key-" + key);
                b.setFocusTraversable(false);
                b.setOnAction(e -> onKey.accept(key));
                b.setMinWidth(0);
                b.setMaxWidth(Double.MAX_VALUE);
                grid.add(b, first + 2 * i, r, 2, 1);
            }
        }
        return grid;
    }
}
