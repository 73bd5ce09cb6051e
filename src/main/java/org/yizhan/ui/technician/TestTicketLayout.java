package org.yizhan.ui.technician;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.yizhan.ui.Messages;
import org.yizhan.ui.PaperLayout;

/**
 * The technician's test ticket: the kiosk, the time and a line of the characters a ticket uses, so the paper shows
 * at once whether the head, the font and the width are right. Black on white, at the paper's width in dots.
 */
public final class TestTicketLayout {

    private TestTicketLayout() {
    }

    public static Region node(String hallName, String kioskId, String time, int dotsWide, Messages messages) {
        double s = PaperLayout.scale(dotsWide);
        VBox paper = PaperLayout.column(dotsWide, 10 * s, new Insets(16 * s, 12 * s, 28 * s, 12 * s));
        paper.setAlignment(Pos.TOP_CENTER);
        paper.getChildren().addAll(
                text(hallName, 30 * s, true, dotsWide, s),
                text(messages.get("tech.print.title"), 64 * s, true, dotsWide, s),
                text(messages.format("tech.print.kiosk", kioskId), 26 * s, false, dotsWide, s),
                text(time, 26 * s, false, dotsWide, s),
                text("A001 一二三四五六七八九十 0123456789", 26 * s, false, dotsWide, s));
        // A full-width bar: a head with dead dots shows white lines across it.
        Region bar = new Region();
        bar.setMinHeight(24 * s);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setBackground(new Background(new BackgroundFill(Color.BLACK, null, null)));
        paper.getChildren().add(bar);
        return paper;
    }

    private static Label text(String value, double size, boolean bold, int dotsWide, double s) {
        return PaperLayout.centred(value, size, bold, dotsWide - 24 * s);
    }
}
