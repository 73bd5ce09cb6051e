package org.yizhan.ui.home;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.yizhan.ui.Icons;
import org.yizhan.ui.KineticScroll;
import org.yizhan.ui.Labels;
import org.yizhan.ui.Screen;
import org.yizhan.ui.SideBySide;

/**
 * Builds the home screen's nodes and forwards taps to {@link HomeViewModel}. The welcome and the notice sit
 * above the four tiles on a portrait screen and beside them on a landscape one; the hall's name and the time
 * are the top bar's, once. A long notice in elder mode can need more than a screen: then the page scrolls
 * rather than cut text.
 */
public final class HomeView implements Screen {

    private static final PseudoClass WIDE = PseudoClass.getPseudoClass("wide");

    private final ScrollPane root;
    private final VBox page = new VBox();
    private final VBox about = new VBox();
    private final GridPane tiles = new GridPane();

    public HomeView(HomeViewModel model) {
        page.getStyleClass().add("home");
        page.setId("home");
        about.getStyleClass().add("home-about");
        tiles.getStyleClass().add("home-tiles");

        Label welcome = Labels.of(model.welcome(), "welcome");
        welcome.setId("home-welcome");
        about.getChildren().add(welcome);
        if (!model.notice().isBlank()) {
            Label text = Labels.of(model.notice());
            text.setId("home-notice");
            VBox notice = new VBox(text);
            notice.getStyleClass().add("notice");
            about.getChildren().add(notice);
        }
        // Small, with the hall's words rather than among the four tiles, which keep their size and order.
        Button rate = new Button(model.rateLabel(), Icons.of("mdi2e-emoticon-happy-outline"));
        rate.setId("home-rate");
        rate.getStyleClass().add("home-rate");
        rate.setOnAction(e -> model.rate());
        about.getChildren().add(rate);

        List<Button> buttons = model.tiles().stream().map(t -> tile(t, model)).toList();
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < (buttons.size() + 1) / 2; r++) {
            // No percentages: a row never gets less height than its tiles' content needs.
            RowConstraints rc = new RowConstraints();
            rc.setVgrow(Priority.ALWAYS);
            tiles.getRowConstraints().add(rc);
        }
        for (int i = 0; i < buttons.size(); i++) {
            tiles.add(buttons.get(i), i % 2, i / 2);
        }

        Label message = Labels.of("", "heading");
        message.setId("home-message");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        SideBySide body = new SideBySide(about, tiles, 0.4, tiles);
        body.wideProperty().addListener((obs, was, wide) -> arrangeTiles(buttons, wide));
        VBox.setVgrow(body, Priority.ALWAYS);
        page.getChildren().addAll(body, message);
        root = KineticScroll.install(new ScrollPane(page));
        root.setFitToHeight(true);
        root.setId("home-scroll");
        // Never taller than the screen: beside a notice that scrolls on, all four tiles stay in view. Below the
        // notice (portrait) they take all the height left, rather than leave the lower part of the screen empty.
        tiles.maxHeightProperty().bind(Bindings.createDoubleBinding(
                () -> root.getViewportBounds().getHeight() - page.snappedTopInset() - page.snappedBottomInset(),
                root.viewportBoundsProperty(), page.paddingProperty()));
        // The answer to a tap shows below the tiles, which may be below the fold.
        message.visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                KineticScroll.reveal(root, message);
            }
        });
    }

    private Button tile(HomeViewModel.Tile tile, HomeViewModel model) {
        VBox words = new VBox(Labels.of(tile.label(), "tile-label"), Labels.of(tile.hint(), "tile-hint"));
        words.getStyleClass().add("tile-words");
        if (tile.comingSoon()) {
            Label soon = new Label(model.comingSoonLabel());
            soon.getStyleClass().add("tile-soon");
            words.getChildren().add(soon);
        }
        Button b = new Button();
        b.setGraphic(tileContent(Icons.of(tile.icon()), words, false));
        b.setId(tile.id());
        b.getStyleClass().add("tile");
        if (tile.comingSoon()) {
            b.getStyleClass().add("soon");
        }
        b.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        b.setOnAction(e -> model.open(tile));
        return b;
    }

    /** The icon above the words; beside them when the tiles sit beside the hall's name, to save height. */
    private static Pane tileContent(Node icon, VBox words, boolean wide) {
        Pane content = wide ? new HBox(icon, words) : new VBox(icon, words);
        content.getStyleClass().add("tile-content");
        words.setAlignment(wide ? Pos.CENTER_LEFT : Pos.CENTER);
        return content;
    }

    private static void arrangeTiles(List<Button> tiles, boolean wide) {
        for (Button b : tiles) {
            Pane old = (Pane) b.getGraphic();
            Node icon = old.getChildren().get(0);
            VBox words = (VBox) old.getChildren().get(1);
            old.getChildren().clear();
            b.setGraphic(tileContent(icon, words, wide));
            b.pseudoClassStateChanged(WIDE, wide);
        }
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
