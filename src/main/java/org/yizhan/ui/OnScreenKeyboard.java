package org.yizhan.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Our own keyboard for letters and digits: a touch screen has no physical one, and no OS keyboard or
 * input method is assumed. 删除 and 清空 are large and set apart from the letters.
 */
public final class OnScreenKeyboard extends VBox {

    private static final List<String> ROWS = List.of("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm");

    public OnScreenKeyboard(Messages messages, Consumer<String> onKey, Runnable onBackspace, Runnable onClear) {
        getStyleClass().add("keyboard");
        setId("keyboard");
        setSpacing(12);
        setAlignment(Pos.CENTER);
        for (String row : ROWS) {
            HBox line = new HBox(12);
            line.setAlignment(Pos.CENTER);
            for (char c : row.toCharArray()) {
                String key = String.valueOf(c);
                Button b = new Button(key.toUpperCase());
                b.getStyleClass().add("key");
                b.setId("key-" + key);
                b.setFocusTraversable(false);
                b.setOnAction(e -> onKey.accept(key));
                HBox.setHgrow(b, Priority.ALWAYS);
                b.setMaxWidth(Double.MAX_VALUE);
                line.getChildren().add(b);
            }
            getChildren().add(line);
        }
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
        HBox actions = new HBox(48, backspace, clear);
        actions.setAlignment(Pos.CENTER);
        getChildren().add(actions);
    }
}
