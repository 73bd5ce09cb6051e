package org.yizhan.ui.status;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.yizhan.ui.Buttons;
import org.yizhan.ui.Icons;
import org.yizhan.ui.KineticScroll;
import org.yizhan.ui.Labels;
import org.yizhan.ui.Messages;
import org.yizhan.ui.OnScreenKeyboard;
import org.yizhan.ui.Screen;
import org.yizhan.ui.SideBySide;
import org.yizhan.ui.status.StatusViewModel.Step;

/**
 * 进度查询: the number on the full keyboard, the check on a numeric pad (shown as dots), then the case as a
 * timeline; each step replaces the last. Leaving the screen wipes what was typed and shown.
 */
public final class StatusView implements Screen {
    private final StatusViewModel model;
    private final Messages messages;
    private final VBox root = new VBox();

    public StatusView(StatusViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root.getStyleClass().addAll("page", "status");
        root.setId("status");
        model.stepProperty().addListener((obs, was, step) -> render());
        render();
    }

    private void render() {
        Step step = model.stepProperty().get();
        Node shown = switch (step) {
            case NUMBER -> entry(false);
            case CHECK -> entry(true);
            case LOOKING -> spinner();
            case ANSWER -> answer();
            case NOT_FOUND -> sentence("status-not-found", true);
            case TOO_MANY -> sentence("status-too-many", false);
            case FAILED -> sentence("status-failed", false);
        };
        VBox.setVgrow(shown, Priority.ALWAYS);
        root.getChildren().setAll(shown);
    }

    private Node entry(boolean check) {
        Label title = Labels.of(model.text(check ? "status.check.title" : "status.number.title"), "title");
        title.setId(check ? "status-check-title" : "status-number-title");
        Label where = Labels.of(model.text(check ? "status.check.hint" : "status.number.hint"), "body");
        where.setId("status-where");
        Label typed = new Label();
        typed.getStyleClass().add("status-entry");
        typed.setId(check ? "status-check" : "status-number");
        typed.setMaxWidth(Double.MAX_VALUE);
        if (check) {
            typed.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(model::maskedCheck,
                    model.checkProperty()));
        } else {
            typed.textProperty().bind(model.numberProperty());
        }
        Label hint = Labels.of("", "status-hint");
        hint.setId("status-hint");
        hint.textProperty().bind(model.hintProperty());
        hint.visibleProperty().bind(model.hintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());

        OnScreenKeyboard keyboard = new OnScreenKeyboard(messages,
                check ? OnScreenKeyboard.DIGITS_AND_X : OnScreenKeyboard.LETTERS_AND_DIGITS,
                model::type, model::backspace, model::clear);
        if (check) {
            keyboard.getStyleClass().add("pad");
        }
        Button next = action(model.text(check ? "status.lookUp" : "status.next"), "status-next",
                check ? "mdi2m-magnify" : "mdi2a-arrow-right", true);
        next.setOnAction(e -> model.next());
        HBox actions = new HBox(16);
        actions.getStyleClass().add("status-actions");
        if (check) {
            Button previous = action(model.text("status.previous"), "status-previous", "mdi2a-arrow-left", false);
            previous.setOnAction(e -> model.previous());
            actions.getChildren().add(previous);
        }
        actions.getChildren().add(next);
        // The words and the picture scroll if they must; the entry, its buttons and the keys keep their place.
        VBox about = new VBox(title, where);
        about.getStyleClass().add("status-about");
        if (!check) {
            about.getChildren().add(ReceiptHint.of(model.text("status.receipt.title"), model.text("status.receipt.number"),
                    model.text("status.receipt.example")));
        }
        ScrollPane scroll = KineticScroll.install(new ScrollPane(about));
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox page = new VBox(scroll, typed, hint, actions);
        page.getStyleClass().add("status-entry-page");
        page.setMinHeight(0);
        // Beside the entry on a landscape screen, as on the search screen: below it the keys would leave no room.
        SideBySide both = new SideBySide(page, keyboard, 0.45, page);
        both.setId(check ? "status-check-page" : "status-number-page");
        return both;
    }

    private Node spinner() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(120, 120);
        VBox box = new VBox(spinner, Labels.of(model.text("status.looking"), "heading"));
        box.getStyleClass().add("message-box");
        box.setId("status-looking");
        return box;
    }

    private Node answer() {
        StatusViewModel.AnswerView a = model.answerProperty().get();
        VBox column = new VBox();
        column.getStyleClass().add("status-answer");
        column.setId("status-answer");

        VBox head = new VBox(Labels.of(a.serviceName(), "title"), Labels.of(a.department(), "secondary"));
        head.getStyleClass().add("card");
        if (!a.applicant().isEmpty()) {
            head.getChildren().add(Labels.of(messages.format("status.applicant", a.applicant()), "body"));
        }
        if (!a.submitted().isEmpty()) {
            head.getChildren().add(Labels.of(messages.format("status.submitted", a.submitted()), "body"));
        }
        if (!a.promised().isEmpty()) {
            Label promised = Labels.of(a.promised(), "body", a.overdue() ? "status-overdue" : "status-promised");
            promised.setId("status-promised");
            head.getChildren().add(promised);
        }
        Label result = Labels.of(a.result(), "heading", "status-result");
        result.setId("status-result");
        head.getChildren().add(result);
        column.getChildren().add(head);

        VBox timeline = new VBox();
        timeline.getStyleClass().addAll("card", "status-timeline");
        timeline.setId("status-timeline");
        for (StatusViewModel.StepRow row : a.steps()) {
            timeline.getChildren().add(stepRow(row));
        }
        column.getChildren().add(timeline);

        if (!a.next().isEmpty() || !a.materialsToAdd().isEmpty()) {
            VBox next = new VBox();
            next.getStyleClass().addAll("card", "status-next-steps");
            next.setId("status-next-steps");
            if (!a.next().isEmpty()) {
                next.getChildren().add(Labels.of(a.next(), "body"));
            }
            if (!a.materialsToAdd().isEmpty()) {
                next.getChildren().add(Labels.of(model.text("status.materialsToAdd"), "heading"));
                for (String material : a.materialsToAdd()) {
                    next.getChildren().add(Labels.of("• " + material, "body"));
                }
            }
            column.getChildren().add(next);
        }
        HBox actions = new HBox(16);
        actions.getStyleClass().add("status-actions");
        if (a.guideServiceId().isPresent()) {
            Button guide = action(model.text("status.openGuide"), "status-open-guide", "mdi2b-book-open-page-variant", false);
            guide.setOnAction(e -> model.openGuide());
            actions.getChildren().add(guide);
        }
        Button home = action(model.text("queue.home"), "status-home", "mdi2h-home", true);
        home.setOnAction(e -> model.home());
        actions.getChildren().add(home);
        Button rate = action(model.text("status.rate"), "status-rate", "mdi2e-emoticon-happy-outline", false);
        rate.setOnAction(e -> model.rate());
        column.getChildren().addAll(actions, rate, Labels.of(model.text("status.privacy"), "secondary"));
        ScrollPane scroll = KineticScroll.install(new ScrollPane(column));
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node stepRow(StatusViewModel.StepRow row) {
        Node mark = Icons.of(row.current() ? "mdi2r-record-circle-outline"
                : row.done() ? "mdi2c-check-circle" : "mdi2c-circle-outline");
        mark.getStyleClass().add("status-mark");
        VBox words = new VBox(Labels.of(row.name(), "heading"));
        if (!row.when().isEmpty() || !row.office().isEmpty()) {
            words.getChildren().add(Labels.of(String.join("  ", row.when(), row.office()).strip(), "secondary"));
        }
        if (!row.note().isEmpty()) {
            words.getChildren().add(Labels.of(row.note(), "body"));
        }
        if (row.current()) {
            words.getChildren().add(Labels.of(model.text("status.current"), "status-current-tag"));
        }
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox line = new HBox(16, mark, words);
        line.setAlignment(Pos.TOP_LEFT);
        line.getStyleClass().add("status-step");
        if (row.current()) {
            line.getStyleClass().add("current");
        } else if (row.done()) {
            line.getStyleClass().add("done");
        }
        return line;
    }

    private Node sentence(String id, boolean again) {
        Label message = Labels.of(model.messageProperty().get(), "title");
        message.setId(id);
        Node alert = Icons.of("mdi2a-alert-circle-outline");
        alert.getStyleClass().add("status-alert");
        VBox box = new VBox(alert, message);
        box.getStyleClass().add("message-box");
        if (again) {
            Button tryAgain = action(model.text("status.tryAgain"), "status-try-again", "mdi2r-refresh", true);
            tryAgain.setOnAction(e -> model.tryAgain());
            box.getChildren().add(tryAgain);
        }
        Button home = action(model.text("queue.home"), "status-home", "mdi2h-home", !again);
        home.setOnAction(e -> model.home());
        box.getChildren().add(home);
        return box;
    }

    private static Button action(String text, String id, String icon, boolean primary) {
        return Buttons.wide(text, id, icon, primary, "status-action");
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

    @Override
    public javafx.beans.value.ObservableValue<String> spokenText() {
        return model.spokenTextProperty();
    }
}
