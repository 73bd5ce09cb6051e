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

    /** Digits and letters: search, and the letters real application numbers use. */
    public static final List<String> LETTERS_AND_DIGITS = List.of("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm");
    /** A numeric pad with X, the last character an ID number may have. */
    public static final List<String> DIGITS_AND_X = List.of("123", "456", "789", "x0");

    public OnScreenKeyboard(Messages messages, Consumer<String> onKey, Runnable onBackspace, Runnable onClear) {
        this(messages, LETTERS_AND_DIGITS, onKey, onBackspace, onClear);
    }

    public OnScreenKeyboard(Messages messages, List<String> rows, Consumer<String> onKey, Runnable onBackspace,
            Runnable onClear) {
        getStyleClass().add("keyboard");
        setId("keyboard");
        setAlignment(Pos.CENTER);
        getChildren().add(keys(rows, onKey));
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
    private static GridPane keys(List<String> rows, Consumer<String> onKey) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("keys");
        int widest = rows.stream().mapToInt(String::length).max().orElse(1);
        for (int half = 0; half < 2 * widest; half++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / (2 * widest));
            grid.getColumnConstraints().add(column);
        }
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            int first = widest - row.length();
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
