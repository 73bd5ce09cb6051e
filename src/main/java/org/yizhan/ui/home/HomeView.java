package org.yizhan.ui.home;

import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.yizhan.ui.Icons;
import org.yizhan.ui.Screen;

/** Builds the home screen's nodes and forwards taps to {@link HomeViewModel}. */
public final class HomeView implements Screen {

    private static final double WIDE = 1400;

    private final VBox root = new VBox();
    private final GridPane tiles = new GridPane();
    private int columns;

    public HomeView(HomeViewModel model) {
        root.getStyleClass().add("home");
        tiles.getStyleClass().add("home-tiles");
        root.setId("home");

        Label greeting = new Label(model.greeting());
        greeting.getStyleClass().add("greeting");
        Label hall = new Label(model.hallName());
        hall.getStyleClass().add("hall");
        Label now = new Label();
        now.getStyleClass().add("now");
        now.textProperty().bind(model.nowProperty());
        root.getChildren().addAll(greeting, hall, now);

        if (!model.notice().isBlank()) {
            Label text = new Label(model.notice());
            text.setWrapText(true);
            VBox notice = new VBox(text);
            notice.getStyleClass().add("notice");
            root.getChildren().add(notice);
        }

        List<Button> buttons = model.tiles().stream().map(t -> tile(t, model)).toList();
        arrange(buttons, 2);
        // 2x2 on a portrait screen; one row of four on a landscape one, where height is scarce.
        root.widthProperty().addListener((obs, was, w) -> arrange(buttons, w.doubleValue() > WIDE ? 4 : 2));
        VBox.setVgrow(tiles, Priority.ALWAYS);
        tiles.setMaxHeight(900);
        root.getChildren().add(tiles);

        Label message = new Label();
        message.setId("home-message");
        message.getStyleClass().add("heading");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        root.getChildren().add(message);

        Timeline clock = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> model.refreshClock()));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
        root.sceneProperty().addListener((obs, was, scene) -> {
            if (scene == null) {
                clock.stop();
            }
        });
    }

    private void arrange(List<Button> buttons, int columns) {
        if (columns == this.columns) {
            return;
        }
        this.columns = columns;
        int rows = (buttons.size() + columns - 1) / columns;
        tiles.getChildren().clear();
        tiles.getColumnConstraints().clear();
        tiles.getRowConstraints().clear();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            tiles.getRowConstraints().add(rc);
        }
        for (int i = 0; i < buttons.size(); i++) {
            tiles.add(buttons.get(i), i % columns, i / columns);
        }
    }

    private Button tile(HomeViewModel.Tile tile, HomeViewModel model) {
        Label label = new Label(tile.label());
        label.getStyleClass().add("tile-label");
        Label hint = new Label(tile.hint());
        hint.getStyleClass().add("tile-hint");
        VBox box = new VBox(12, Icons.of(tile.icon()), label, hint);
        box.setAlignment(Pos.CENTER);
        if (tile.comingSoon()) {
            Label soon = new Label(model.comingSoonLabel());
            soon.getStyleClass().add("tile-soon");
            box.getChildren().add(soon);
        }
        Button b = new Button();
        b.setGraphic(box);
        b.setId(tile.id());
        b.getStyleClass().add("tile");
        if (tile.comingSoon()) {
            b.getStyleClass().add("soon");
        }
        b.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        b.setOnAction(e -> model.open(tile));
        return b;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return "";
    }
}
