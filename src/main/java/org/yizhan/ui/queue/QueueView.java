package org.yizhan.ui.queue;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.yizhan.ui.Buttons;
import org.yizhan.ui.CardGrid;
import org.yizhan.ui.Icons;
import org.yizhan.ui.KineticScroll;
import org.yizhan.ui.Labels;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Screen;
import org.yizhan.ui.SideBySide;
import org.yizhan.ui.Tappable;
import org.yizhan.ui.queue.QueueViewModel.QueueTile;
import org.yizhan.ui.queue.QueueViewModel.Step;

/**
 * 取号排队: the queues as large tiles, then the confirmation, the printing spinner and the ticket, each
 * replacing the last in one column. The ticket on screen is the same layout that was printed, scaled up.
 */
public final class QueueView implements Screen {
    /** The on-screen ticket: the 80 mm layout at this scale fills about three quarters of a portrait screen's width. */
    private static final double TICKET_SCALE = 1.35;
    private static final int SCREEN_DOTS = 576;

    private final QueueViewModel model;
    private final Messages messages;
    private final VBox root = new VBox();
    private final VBox body = new VBox();

    public QueueView(QueueViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root.getStyleClass().addAll("page", "queue");
        root.setId("queue");
        body.getStyleClass().add("queue-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().add(body);
        model.stepProperty().addListener((obs, was, step) -> render());
        model.tilesProperty().addListener((obs, was, tiles) -> render());
        model.noticeProperty().addListener((obs, was, notice) -> render());
        render();
        model.open();
    }

    private void render() {
        Step step = model.stepProperty().get();
        Node shown = switch (step) {
            case LOADING -> spinner(model.text("queue.loading"));
            case CHOOSING -> choosing();
            case CONFIRMING -> confirming();
            case PRINTING -> spinner(model.text("queue.printing"));
            case TICKET -> ticket();
            case FAILED -> failed();
        };
        body.getChildren().setAll(shown);
    }

    private Node spinner(String text) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(120, 120);
        Label label = Labels.of(text, "heading");
        label.setId("queue-wait");
        VBox box = new VBox(spinner, label);
        box.getStyleClass().add("message-box");
        box.setId("queue-spinner");
        return box;
    }

    private Node choosing() {
        VBox column = new VBox();
        column.getStyleClass().add("queue-list");
        column.getChildren().add(Labels.of(model.text("queue.choose"), "heading"));
        if (!model.noticeProperty().get().isEmpty()) {
            column.getChildren().add(notice(model.noticeProperty().get(), "queue-notice"));
        }
        // Two columns on a landscape screen: one under the other, only two queues would fit its height.
        CardGrid grid = new CardGrid(1, 2);
        grid.setCards(model.tilesProperty().get().stream().map(this::tile).toList());
        column.getChildren().add(grid);
        Label message = Labels.of("", "heading", "queue-message");
        message.setId("queue-message");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        column.getChildren().add(message);
        ScrollPane scroll = KineticScroll.install(new ScrollPane(column));
        scroll.setFitToWidth(true);
        scroll.setId("queue-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    /** A whole-width card that acts as one button (a Button sizes a wrapping graphic badly). */
    private Node tile(QueueTile tile) {
        Label name = Labels.of(tile.name(), "queue-name");
        Label description = Labels.of(tile.description(), "queue-description");
        Label figures = Labels.of(tile.available() ? tile.waitingText() + "    " + tile.waitText() : tile.closedText(),
                "queue-figures");
        VBox words = new VBox(name, description, figures);
        words.getStyleClass().add("queue-words");
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMaxWidth(Double.MAX_VALUE);
        Node icon = Icons.of(tile.available() ? "mdi2t-ticket-confirmation-outline" : "mdi2c-clock-outline");
        HBox card = new HBox(icon, words);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().add("queue-tile");
        // Greyed while it cannot give a number: the queue is closed, or the printer has no paper.
        if (!tile.available() || !model.noticeProperty().get().isEmpty()) {
            card.getStyleClass().add("closed");
        }
        card.setId("queue-" + tile.id());
        return Tappable.of(card, () -> model.choose(tile));
    }

    private Node confirming() {
        QueueTile tile = model.chosenProperty().get();
        VBox box = new VBox();
        box.getStyleClass().addAll("message-box", "queue-confirm");
        box.setId("queue-confirm");
        Label question = Labels.of(model.confirmQuestion(), "title");
        question.setId("queue-question");
        Label figures = Labels.of(tile.waitingText() + "    " + tile.waitText(), "body");
        box.getChildren().addAll(question, figures);
        if (!tile.location().isEmpty()) {
            box.getChildren().add(Labels.of(messages.format("queue.ticket.where", tile.location()), "body"));
        }
        Button take = wide(model.text("queue.confirm.take"), "queue-take", "mdi2c-check-bold", true);
        take.setOnAction(e -> model.confirm(false));
        box.getChildren().add(take);
        if (tile.priorityLane()) {
            Button priority = wide(model.text("queue.confirm.priority"), "queue-take-priority", "mdi2h-human-cane", false);
            priority.setOnAction(e -> model.confirm(true));
            box.getChildren().addAll(priority, Labels.of(model.text("queue.confirm.priority.hint"), "secondary"));
        }
        Button again = wide(model.text("queue.confirm.cancel"), "queue-cancel", "mdi2a-arrow-left", false);
        again.setOnAction(e -> model.cancel());
        Label message = Labels.of("", "heading", "queue-message");
        message.setId("queue-message");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        box.getChildren().addAll(again, message);
        ScrollPane scroll = KineticScroll.install(new ScrollPane(box));
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    private Node ticket() {
        QueueViewModel.TicketView ticket = model.ticketProperty().get();
        Label take = Labels.of(model.text(ticket.onPaper() ? "queue.ticket.take" : "queue.ticket.onScreen"), "title");
        take.setId("queue-take-ticket");
        Region paper = TicketLayout.node(ticket, SCREEN_DOTS, messages);
        Node shown = TicketLayout.onScreen(paper, TICKET_SCALE);
        VBox frame = new VBox(shown);
        frame.setAlignment(Pos.TOP_CENTER);
        frame.getStyleClass().add("ticket-frame");
        Button home = wide(model.text("queue.home"), "queue-home", "mdi2h-home", true);
        home.setOnAction(e -> model.home());
        Button rate = wide(model.text("queue.rate"), "queue-rate", "mdi2e-emoticon-happy-outline", false);
        rate.setOnAction(e -> model.rate());
        // Above the ticket, or beside it on a landscape screen, where under the title the paper's number would
        // start halfway down; 评价 beside 返回首页, both in view.
        HBox actions = new HBox(rate, home);
        actions.getStyleClass().add("queue-ticket-actions");
        VBox words = new VBox(take, actions);
        words.setAlignment(Pos.TOP_CENTER);
        words.getStyleClass().add("queue-ticket-words");
        SideBySide column = new SideBySide(words, frame, 0.35, frame);
        column.getStyleClass().add("queue-ticket");
        column.setId("queue-ticket");
        ScrollPane scroll = KineticScroll.install(new ScrollPane(column));
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    private Node failed() {
        Label message = Labels.of(model.messageProperty().get(), "title");
        message.setId("queue-failed");
        Button home = wide(model.text("queue.home"), "queue-home", "mdi2h-home", true);
        home.setOnAction(e -> model.home());
        Node alert = Icons.of("mdi2a-alert-circle-outline");
        alert.getStyleClass().add("queue-alert");
        VBox box = new VBox(alert, message, home);
        box.getStyleClass().addAll("message-box", "queue-failed");
        return box;
    }

    private static Node notice(String text, String id) {
        Label label = Labels.of(text, "heading");
        VBox box = new VBox(label);
        box.getStyleClass().add("notice");
        box.setId(id);
        return box;
    }

    private static Button wide(String text, String id, String icon, boolean primary) {
        return Buttons.wide(text, id, icon, primary, "queue-action");
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
    public ObservableValue<String> spokenText() {
        return model.spokenTextProperty();
    }
}
