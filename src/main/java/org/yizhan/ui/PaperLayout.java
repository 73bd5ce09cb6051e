package org.yizhan.ui;

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

/**
 * What the printed papers (the ticket, the checklist, the technician's test ticket) share: a white column exactly
 * the paper's width in dots, and black text in the bundled font, so Chinese prints on any printer whatever fonts it
 * has. Sizes are given for 80 mm paper ({@value #BASE_DOTS} dots at 203 dpi) and scale with the width.
 */
public final class PaperLayout {
    public static final double BASE_DOTS = 576;

    private PaperLayout() {
    }

    /** How much a size for 80 mm paper grows or shrinks on paper {@code dotsWide} wide. */
    public static double scale(int dotsWide) {
        return dotsWide / BASE_DOTS;
    }

    /** The white column, {@code dotsWide} wide. */
    public static VBox column(int dotsWide, double spacing, Insets padding) {
        VBox paper = new VBox(spacing);
        paper.setPadding(padding);
        paper.setPrefWidth(dotsWide);
        paper.setMinWidth(dotsWide);
        paper.setMaxWidth(dotsWide);
        paper.setBackground(new Background(new BackgroundFill(Color.WHITE, null, null)));
        return paper;
    }

    /** Black text that wraps within {@code maxWidth}, never cut. */
    public static Label text(String value, double size, boolean bold, double maxWidth) {
        Label label = new Label(value);
        label.setFont(Font.font(Fonts.FAMILY, bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        label.setTextFill(Color.BLACK);
        label.setWrapText(true);
        label.setMaxWidth(maxWidth);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** As {@link #text}, each line centred. */
    public static Label centred(String value, double size, boolean bold, double maxWidth) {
        Label label = text(value, size, bold, maxWidth);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setAlignment(Pos.CENTER);
        return label;
    }
}
