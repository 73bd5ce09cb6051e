package org.yizhan.ui.technician;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.yizhan.ui.Buttons;
import org.yizhan.ui.KineticScroll;
import org.yizhan.ui.Labels;
import org.yizhan.ui.Messages;
import org.yizhan.ui.OnScreenKeyboard;
import org.yizhan.ui.Screen;
import org.yizhan.ui.SideBySide;

/** The technician's panel: the PIN pad, then the kiosk's state in sections and a row of actions. */
public final class TechnicianView implements Screen {
    private static final List<String> DIGITS = List.of("123", "456", "789", "0");

    private final TechnicianViewModel model;
    private final Messages messages;
    private final VBox root = new VBox();

    public TechnicianView(TechnicianViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root.getStyleClass().addAll("page", "technician");
        root.setId("technician");
        model.stepProperty().addListener((obs, was, step) -> render());
        render();
    }

    private void render() {
        Node shown = switch (model.stepProperty().get()) {
            case PIN -> pinEntry();
            case CHECKING -> checking();
            case OPEN -> panel();
        };
        VBox.setVgrow(shown, Priority.ALWAYS);
        root.getChildren().setAll(shown);
    }

    private Node pinEntry() {
        Label title = Labels.of(model.text("tech.title"), "title");
        Label hint = Labels.of(model.text("tech.pin.hint"), "body");
        Label typed = new Label();
        typed.getStyleClass().add("status-entry");
        typed.setId("tech-pin");
        typed.setMaxWidth(Double.MAX_VALUE);
        typed.textProperty().bind(Bindings.createStringBinding(model::maskedPin, model.pinProperty()));
        Label message = Labels.of("", "status-hint");
        message.setId("tech-pin-message");
        message.textProperty().bind(model.pinMessageProperty());
        message.visibleProperty().bind(model.pinMessageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Button open = Buttons.wide(model.text("tech.pin.open"), "tech-pin-open", "mdi2l-lock-open-variant", true,
                "status-action");
        open.setOnAction(e -> model.submit());
        open.disableProperty().bind(model.pinProperty().isEmpty());
        Button close = Buttons.wide(model.text("tech.close"), "tech-close", "mdi2c-close", false, "status-action");
        close.setOnAction(e -> model.close());
        VBox page = new VBox(title, hint, typed, message, new javafx.scene.layout.HBox(16, close, open));
        page.getStyleClass().add("status-entry-page");
        page.setMinHeight(0);
        OnScreenKeyboard keyboard = new OnScreenKeyboard(messages, DIGITS, model::type, model::backspace, model::clear);
        keyboard.getStyleClass().add("pad");
        SideBySide both = new SideBySide(page, keyboard, 0.45, page);
        both.setId("tech-pin-page");
        return both;
    }

    private Node checking() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(120, 120);
        VBox box = new VBox(spinner, Labels.of(model.text("tech.pin.checking"), "heading"));
        box.getStyleClass().add("message-box");
        box.setId("tech-checking");
        return box;
    }

    private Node panel() {
        VBox sections = new VBox();
        sections.getStyleClass().add("tech-sections");
        Runnable fill = () -> {
            sections.getChildren().clear();
            for (Maintenance.Section section : model.factsProperty().get()) {
                sections.getChildren().add(section(section));
            }
            if (sections.getChildren().isEmpty()) {
                sections.getChildren().add(Labels.of(model.text("tech.reading"), "body"));
            }
        };
        model.factsProperty().addListener((obs, was, now) -> fill.run());
        fill.run();
        ScrollPane scroll = KineticScroll.install(new ScrollPane(sections));
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label result = Labels.of("", "tech-result");
        result.setId("tech-result");
        result.textProperty().bind(model.resultProperty());
        result.visibleProperty().bind(model.resultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());

        FlowPane actions = new FlowPane();
        actions.getStyleClass().add("tech-actions");
        actions.getChildren().add(action("tech.sync", "tech-sync", "mdi2s-sync", model::syncNow));
        if (model.hasPrinter()) {
            actions.getChildren().add(action("tech.print", "tech-print", "mdi2p-printer", model::printTest));
        }
        actions.getChildren().addAll(
                action("tech.reload", "tech-reload", "mdi2f-file-refresh-outline", model::reload),
                action("tech.refresh", "tech-refresh", "mdi2r-refresh", model::refresh),
                action("tech.restart", "tech-restart", "mdi2r-restart", model::restartUi),
                action("tech.quit", "tech-quit", "mdi2e-exit-to-app", model::quit),
                action("tech.close", "tech-close", "mdi2c-close", model::close));
        Label title = Labels.of(model.text("tech.title"), "title");
        VBox page = new VBox(title, scroll, result, actions);
        page.getStyleClass().add("tech-panel");
        page.setId("tech-panel");
        return page;
    }

    private Button action(String key, String id, String icon, Runnable run) {
        Button b = Buttons.wide(model.text(key), id, icon, false, "tech-action");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> run.run());
        b.disableProperty().bind(model.busyProperty());
        return b;
    }

    private Node section(Maintenance.Section section) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("field-grid");
        int row = 0;
        for (Maintenance.Line line : section.lines()) {
            Label value = Labels.of(line.value(), line.trouble() ? "tech-trouble" : "field-value");
            if (line.label().isEmpty()) {
                value.getStyleClass().add("tech-log-line");
                grid.add(value, 0, row++, 2, 1);
            } else {
                grid.add(Labels.of(line.label(), "field-name"), 0, row);
                grid.add(value, 1, row++);
            }
            GridPane.setHgrow(value, Priority.ALWAYS);
        }
        VBox box = new VBox(Labels.of(section.title(), "heading"), grid);
        box.getStyleClass().add("section");
        return box;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return model.text("tech.title");
    }

    @Override
    public void left() {
        model.left();
    }
}
