package org.yizhan.ui.rating;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.yizhan.ui.Buttons;
import org.yizhan.ui.Icons;
import org.yizhan.ui.KineticScroll;
import org.yizhan.ui.Labels;
import org.yizhan.ui.Messages;
import org.yizhan.ui.OnScreenKeyboard;
import org.yizhan.ui.Screen;
import org.yizhan.ui.SideBySide;
import org.yizhan.ui.Tappable;
import org.yizhan.ui.rating.RatingViewModel.Choice;
import org.yizhan.ui.rating.RatingViewModel.Face;
import org.yizhan.ui.rating.RatingViewModel.Step;

/**
 * 服务评价: the five faces in a row, then for a 差评 the reasons as large cards that tick on and off, an optional note
 * on the kiosk's keyboard (opened by a button, so the reasons and 提交 stay in view), then the thanks.
 */
public final class RatingView implements Screen {
    private static final int REASON_COLUMNS = 2;

    private final RatingViewModel model;
    private final Messages messages;
    private final VBox root = new VBox();
    private boolean noteOpen;
    /** Whether the reasons and the keys sit side by side (a landscape screen): then the keys are always there. */
    private boolean wide;

    public RatingView(RatingViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root.getStyleClass().addAll("page", "rating");
        root.setId("rating");
        model.stepProperty().addListener((obs, was, step) -> render());
        model.open();
        render();
    }

    private void render() {
        Node shown = switch (model.stepProperty().get()) {
            case CHOOSING -> choosing();
            case REASONS -> reasons();
            case SAVING -> spinner();
            case THANKS -> thanks();
            case FAILED -> failed();
        };
        VBox.setVgrow(shown, Priority.ALWAYS);
        root.getChildren().setAll(shown);
    }

    private Node choosing() {
        Label question = Labels.of(model.question(), "title");
        question.setId("rating-question");
        Label privacy = Labels.of(model.text(model.about().kind().equals("none") ? "rating.anonymous" : "rating.attached"),
                "secondary");
        GridPane faces = new GridPane();
        faces.getStyleClass().add("rating-faces");
        faces.setId("rating-faces");
        int i = 0;
        for (Face face : model.faces()) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / 5);
            faces.getColumnConstraints().add(column);
            faces.add(face(face), i++, 0);
        }
        VBox column = new VBox(question, privacy, faces);
        column.getStyleClass().add("rating-column");
        // One question on the screen: in its middle, where the eye and the hand go, not under the top bar.
        column.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = scrolling(column);
        scroll.setFitToHeight(true);
        return scroll;
    }

    private Node face(Face face) {
        Node icon = Icons.of(face.icon());
        icon.getStyleClass().add("rating-face-icon");
        Label label = Labels.of(face.label(), "rating-face-label");
        VBox card = new VBox(icon, label);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().addAll("rating-face", face.level().low() ? "low" : "high");
        card.setMaxWidth(Double.MAX_VALUE);
        card.setId("rating-" + face.level().code());
        return Tappable.of(card, () -> model.choose(face.level()));
    }

    private Node reasons() {
        Face chosen = model.faces().stream().filter(f -> f.level() == model.levelProperty().get()).findFirst()
                .orElseThrow();
        Node icon = Icons.of(chosen.icon());
        icon.getStyleClass().add("rating-chosen-icon");
        boolean keys = wide || noteOpen;
        // On a portrait screen the keys take the reasons' place, which stay named in the heading.
        String given = String.join("、", model.choices().stream()
                .filter(c -> model.reasonsProperty().get().contains(c.reason())).map(Choice::label).toList());
        Label ask = wide || !noteOpen ? Labels.of(messages.format("rating.reasons.heading", chosen.label()), "title")
                : Labels.of(messages.format("rating.reasons.chosen", chosen.label(), given), "heading");
        ask.setId(wide || !noteOpen ? "rating-reasons-title" : "rating-reasons-chosen");
        HBox header = new HBox(icon, ask);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("rating-chosen");

        VBox left = new VBox(header);
        left.getStyleClass().add("rating-column");
        if (wide || !noteOpen) {
            left.getChildren().add(reasonGrid());
        }
        if (!wide) {
            Button openNote = Buttons.wide(model.text(noteOpen ? "rating.note.close" : "rating.note.open"),
                    "rating-note-open", noteOpen ? "mdi2k-keyboard-close" : "mdi2k-keyboard-outline", false,
                    "rating-action");
            openNote.setOnAction(e -> {
                noteOpen = !noteOpen;
                render();
            });
            left.getChildren().add(openNote);
        }

        // Beside the reasons, the keys may be taller than a landscape screen leaves: they scroll, 提交 stays in view.
        Region right = wide ? scrolling(note()) : note();
        right.setVisible(keys);
        right.setManaged(keys);
        ScrollPane leftScroll = scrolling(left);
        SideBySide both = new SideBySide(leftScroll, right, 0.5, leftScroll);
        both.wideProperty().addListener((obs, was, now) -> {
            if (now != wide) {
                wide = now;
                render();
            }
        });
        VBox.setVgrow(both, Priority.ALWAYS);

        Button submit = Buttons.wide("", "rating-submit", "mdi2c-check-bold", true, "rating-action");
        submit.textProperty().bind(model.submitTextProperty());
        submit.disableProperty().bind(model.canSubmitProperty().not());
        submit.setOnAction(e -> model.submit());
        Button again = Buttons.wide(model.text("rating.back"), "rating-back", "mdi2a-arrow-left", false,
                "rating-action");
        again.setOnAction(e -> {
            noteOpen = false;
            model.back();
        });
        HBox actions = new HBox(again, submit);
        actions.getStyleClass().add("rating-actions");
        VBox page = new VBox(both, actions);
        page.getStyleClass().add("rating-page");
        return page;
    }

    private GridPane reasonGrid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("rating-reasons");
        for (int c = 0; c < REASON_COLUMNS; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / REASON_COLUMNS);
            grid.getColumnConstraints().add(column);
        }
        int i = 0;
        for (Choice choice : model.choices()) {
            grid.add(reason(choice), i % REASON_COLUMNS, i / REASON_COLUMNS);
            i++;
        }
        return grid;
    }

    /** The note as typed, what is left of its cap, and the keys (with a space bar) that type it. */
    private VBox note() {
        Label noteTitle = Labels.of(model.text("rating.note.title"), "body");
        Label note = new Label();
        note.getStyleClass().add("rating-note");
        note.setId("rating-note");
        note.setMaxWidth(Double.MAX_VALUE);
        note.textProperty().bind(model.noteProperty());
        Label noteHint = Labels.of("", "secondary");
        noteHint.textProperty().bind(model.noteHintProperty());
        OnScreenKeyboard keyboard = new OnScreenKeyboard(messages, model::type, model::backspace, model::clear);
        Button space = new Button(model.text("rating.note.space"));
        space.setId("key-space");
        space.getStyleClass().add("key-wide");
        space.setFocusTraversable(false);
        space.setMaxWidth(Double.MAX_VALUE);
        space.setOnAction(e -> model.type(" "));
        keyboard.getChildren().add(space);
        Label message = Labels.of("", "heading", "rating-message");
        message.setId("rating-message");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        VBox box = new VBox(noteTitle, note, noteHint, message, keyboard);
        box.getStyleClass().add("rating-note-box");
        return box;
    }

    private Node reason(Choice choice) {
        boolean on = model.reasonsProperty().get().contains(choice.reason());
        Node mark = Icons.of(on ? "mdi2c-checkbox-marked" : "mdi2c-checkbox-blank-outline");
        mark.getStyleClass().add("rating-mark");
        Label label = Labels.of(choice.label(), "rating-reason-label");
        HBox card = new HBox(mark, label);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().add("rating-reason");
        if (on) {
            card.getStyleClass().add("selected");
        }
        card.setMaxWidth(Double.MAX_VALUE);
        card.setId("rating-reason-" + choice.reason().code());
        return Tappable.of(card, () -> {
            model.toggle(choice.reason());
            render();
        });
    }

    private Node spinner() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(120, 120);
        VBox box = new VBox(spinner, Labels.of(model.text("rating.saving"), "heading"));
        box.getStyleClass().add("message-box");
        box.setId("rating-saving");
        return box;
    }

    private Node thanks() {
        Node icon = Icons.of("mdi2h-heart-outline");
        icon.getStyleClass().add("rating-thanks-icon");
        Label title = Labels.of(model.text("rating.thanks"), "title");
        title.setId("rating-thanks");
        Label more = Labels.of(model.text("rating.thanks.more"), "body");
        Button home = Buttons.wide(model.text("queue.home"), "rating-home", "mdi2h-home", true, "rating-action");
        home.setOnAction(e -> model.home());
        VBox box = new VBox(icon, title, more, home);
        box.getStyleClass().addAll("message-box", "rating-done");
        return box;
    }

    private Node failed() {
        Node icon = Icons.of("mdi2a-alert-circle-outline");
        icon.getStyleClass().add("rating-alert");
        Label message = Labels.of(model.messageProperty().get(), "title");
        message.setId("rating-failed");
        Button home = Buttons.wide(model.text("queue.home"), "rating-home", "mdi2h-home", true, "rating-action");
        home.setOnAction(e -> model.home());
        VBox box = new VBox(icon, message, home);
        box.getStyleClass().addAll("message-box", "rating-done");
        return box;
    }

    private static ScrollPane scrolling(Node content) {
        ScrollPane scroll = KineticScroll.install(new ScrollPane(content));
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return model.title();
    }

    @Override
    public void left() {
        model.leave();
    }
}
