package org.yizhan.ui.guide;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.yizhan.ui.Messages;
import org.yizhan.ui.PaperLayout;

/**
 * 材料清单 on thermal paper: the service, then each material with a box to tick, its 原件/复印件 counts and
 * whether it is required. Black on white, in the kiosk's own font, at the paper's width in dots.
 */
public final class ChecklistLayout {
    private ChecklistLayout() {
    }

    public static Region node(GuideViewModel.Checklist checklist, int dotsWide, Messages messages) {
        double s = PaperLayout.scale(dotsWide);
        VBox paper = PaperLayout.column(dotsWide, 8 * s, new Insets(16 * s, 14 * s, 28 * s, 14 * s));
        paper.setId("checklist-paper");
        Label title = text(checklist.title(), 34 * s, true, dotsWide, s);
        title.setMaxWidth(Double.MAX_VALUE);
        title.setAlignment(Pos.CENTER);
        paper.getChildren().addAll(title, text(checklist.serviceName(), 30 * s, true, dotsWide, s),
                text(checklist.department(), 24 * s, false, dotsWide, s));
        for (GuideViewModel.MaterialRow m : checklist.materials()) {
            paper.getChildren().add(text("□ " + m.name(), 26 * s, true, dotsWide, s));
            paper.getChildren().add(text("    " + messages.format("guide.checklist.counts", m.originals(), m.copies(),
                    m.necessity()), 22 * s, false, dotsWide, s));
        }
        if (!checklist.printedAt().isEmpty()) {
            paper.getChildren().add(text(messages.format("guide.checklist.printedAt", checklist.printedAt()), 22 * s,
                    false, dotsWide, s));
        }
        return paper;
    }

    private static Label text(String value, double size, boolean bold, int dotsWide, double s) {
        return PaperLayout.text(value, size, bold, dotsWide - 28 * s);
    }
}
