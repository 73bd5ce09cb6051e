package org.yizhan.ui.queue;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.yizhan.ui.Fonts;
import org.yizhan.ui.Messages;
import org.yizhan.ui.QrCodes;

/**
 * The queue ticket, laid out once at the paper's width in dots and used three ways: on the screen, as the
 * ESC/POS raster and for the system printer. Drawn by the kiosk with its bundled font, so Chinese prints on
 * any printer whatever fonts it has. Black on white only: a thermal head has no grey.
 */
public final class TicketLayout {
    /** Sizes below are for 80 mm paper (576 dots at 203 dpi) and scale with the width. */
    private static final double BASE_DOTS = 576;

    private TicketLayout() {
    }

    /** The ticket as a node {@code dotsWide} pixels wide. */
    public static Region node(QueueViewModel.TicketView ticket, int dotsWide, Messages messages) {
        double s = dotsWide / BASE_DOTS;
        VBox paper = new VBox(10 * s);
        paper.setAlignment(Pos.TOP_CENTER);
        paper.setPadding(new Insets(16 * s, 12 * s, 28 * s, 12 * s));
        paper.setPrefWidth(dotsWide);
        paper.setMinWidth(dotsWide);
        paper.setMaxWidth(dotsWide);
        paper.setBackground(new Background(new BackgroundFill(Color.WHITE, null, null)));
        paper.getStyleClass().add("ticket-paper");
        paper.setId("ticket-paper");

        paper.getChildren().add(text(ticket.hallName(), 30 * s, true, dotsWide, s));
        paper.getChildren().add(text(messages.format("queue.ticket.queue", ticket.queueName()), 30 * s, false, dotsWide, s));
        Label number = text(ticket.number(), 150 * s, true, dotsWide, s);
        number.setId("ticket-number");
        paper.getChildren().add(number);
        paper.getChildren().add(text(ticket.aheadText(), 34 * s, true, dotsWide, s));
        paper.getChildren().add(text(ticket.waitText(), 26 * s, false, dotsWide, s));
        if (!ticket.location().isEmpty()) {
            paper.getChildren().add(text(messages.format("queue.ticket.where", ticket.location()), 26 * s, false, dotsWide, s));
        }
        if (!ticket.takenAt().isEmpty()) {
            paper.getChildren().add(text(messages.format("queue.ticket.time", ticket.takenAt()), 26 * s, false, dotsWide, s));
        }
        QrCodes.image(ticket.statusUrl(), (int) Math.round(220 * s)).ifPresent(image -> {
            ImageView qr = new ImageView(image);
            qr.setSmooth(false);
            qr.setId("ticket-qr");
            paper.getChildren().addAll(qr, text(messages.get("queue.ticket.scan"), 24 * s, false, dotsWide, s));
        });
        paper.getChildren().add(text(messages.get("queue.ticket.footer"), 24 * s, false, dotsWide, s));
        return paper;
    }

    private static Label text(String value, double size, boolean bold, int dotsWide, double s) {
        Label label = new Label(value);
        label.setFont(Font.font(Fonts.FAMILY, bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        label.setTextFill(Color.BLACK);
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setAlignment(Pos.CENTER);
        label.setMaxWidth(dotsWide - 24 * s);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** For a node about to be shown scaled on screen: the same layout as the paper's. */
    static Node onScreen(Region paper, double scale) {
        paper.setScaleX(scale);
        paper.setScaleY(scale);
        return new Group(paper);
    }
}
