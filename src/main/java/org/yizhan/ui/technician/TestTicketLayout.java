package org.yizhan.ui.technician;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
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

/**
 * The technician's test ticket: the kiosk, the time and a line of the characters a ticket uses, so the paper shows
 * at once whether the head, the font and the width are right. Black on white, at the paper's width in dots.
 */
public final class TestTicketLayout {
    private static final double BASE_DOTS = 576;

    private TestTicketLayout() {
    }

    public static Region node(String hallName, String kioskId, String time, int dotsWide, Messages messages) {
        double s = dotsWide / BASE_DOTS;
        VBox paper = new VBox(10 * s);
        paper.setAlignment(Pos.TOP_CENTER);
        paper.setPadding(new Insets(16 * s, 12 * s, 28 * s, 12 * s));
        paper.setPrefWidth(dotsWide);
        paper.setMinWidth(dotsWide);
        paper.setMaxWidth(dotsWide);
        paper.setBackground(new Background(new BackgroundFill(Color.WHITE, null, null)));
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
}
