package org.yizhan.ui.queue;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.yizhan.ui.Messages;
import org.yizhan.ui.PaperLayout;
import org.yizhan.ui.QrCodes;

/**
 * The queue ticket, laid out once at the paper's width in dots and used three ways: on the screen, as the
 * ESC/POS raster and for the system printer. Drawn by the kiosk with its bundled font, so Chinese prints on
 * any printer whatever fonts it has. Black on white only: a thermal head has no grey.
 */
public final class TicketLayout {
    private TicketLayout() {
    }

    /** The ticket as a node {@code dotsWide} pixels wide. */
    public static Region node(QueueViewModel.TicketView ticket, int dotsWide, Messages messages) {
        double s = PaperLayout.scale(dotsWide);
        VBox paper = PaperLayout.column(dotsWide, 10 * s, new Insets(16 * s, 12 * s, 28 * s, 12 * s));
        paper.setAlignment(Pos.TOP_CENTER);
        paper.getStyleClass().add("ticket-paper");
        paper.setId("ticket-paper");

        paper.getChildren().add(text(ticket.hallName(), 30 * s, true, dotsWide, s));
        paper.getChildren().add(text(messages.format("queue.ticket.queue", messages.chinese(ticket.queueName())), 30 * s, false, dotsWide, s));
        Label number = text(ticket.number(), 150 * s, true, dotsWide, s);
        number.setId("ticket-number");
        paper.getChildren().add(number);
        paper.getChildren().add(text(ticket.aheadText(), 34 * s, true, dotsWide, s));
        paper.getChildren().add(text(ticket.waitText(), 26 * s, false, dotsWide, s));
        if (!ticket.location().isEmpty()) {
            paper.getChildren().add(text(messages.format("queue.ticket.where", messages.chinese(ticket.location())), 26 * s, false, dotsWide, s));
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
        return PaperLayout.centred(value, size, bold, dotsWide - 24 * s);
    }

    /** For a node about to be shown scaled on screen: the same layout as the paper's. */
    static Node onScreen(Region paper, double scale) {
        paper.setScaleX(scale);
        paper.setScaleY(scale);
        return new Group(paper);
    }
}
