package org.yizhan.ui;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/** Badges laid out in a wrapping row. */
public final class BadgeRow extends FlowPane {

    public BadgeRow(List<Badges.Badge> badges) {
        getStyleClass().add("badges");
        setHgap(10);
        setVgap(10);
        for (Badges.Badge b : badges) {
            Label l = new Label(b.text());
            l.getStyleClass().add("badge");
            if (b.ok()) {
                l.getStyleClass().add("ok");
            }
            getChildren().add(l);
        }
    }
}
