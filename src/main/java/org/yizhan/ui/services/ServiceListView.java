package org.yizhan.ui.services;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.yizhan.ui.BadgeRow;
import org.yizhan.ui.CardGrid;
import org.yizhan.ui.Icons;
import org.yizhan.ui.KineticScroll;
import org.yizhan.ui.Labels;
import org.yizhan.ui.Screen;
import org.yizhan.ui.Tappable;

/**
 * The list of services as large rows. A province's theme can hold a thousand services, so rows are
 * added a page at a time as the citizen scrolls down rather than all at once.
 */
public final class ServiceListView implements Screen {

    private static final int PAGE = 40;

    private final ServiceListViewModel model;
    private final VBox root = new VBox();
    /** One column, or two on a landscape screen, where one would show two rows of a long list at a time. */
    private final CardGrid list = new CardGrid(1, 2);
    private final List<Node> rowsShown = new ArrayList<>();

    public ServiceListView(ServiceListViewModel model) {
        this.model = model;
        root.getStyleClass().add("page");
        root.setId("services");
        Label title = Labels.of(model.title(), "title");
        Label count = Labels.of(model.countText(), "secondary");
        root.getChildren().addAll(title, count);
        if (model.rows().isEmpty()) {
            Label empty = Labels.of(model.emptyText(), "heading");
            root.getChildren().add(empty);
            return;
        }
        ScrollPane scroll = KineticScroll.install(new ScrollPane(list));
        scroll.setId("services-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().add(scroll);
        showMore();
        scroll.vvalueProperty().addListener((o, was, v) -> {
            if (v.doubleValue() > 0.85 * scroll.getVmax()) {
                showMore();
            }
        });
    }

    private void showMore() {
        List<ServiceListViewModel.Row> rows = model.rows();
        int end = Math.min(rows.size(), rowsShown.size() + PAGE);
        for (int i = rowsShown.size(); i < end; i++) {
            rowsShown.add(row(rows.get(i)));
        }
        list.setCards(rowsShown);
    }

    private HBox row(ServiceListViewModel.Row row) {
        Label name = Labels.of(row.name(), "service-name");
        Label dept = Labels.of(row.department(), "service-dept");
        VBox text = new VBox(6, name, dept);
        if (!row.badges().isEmpty()) {
            text.getChildren().add(new BadgeRow(row.badges()));
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        var chevron = Icons.of("mdi2c-chevron-right");
        chevron.getStyleClass().add("chevron");
        HBox box = new HBox(16, text, chevron);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("service-row");
        box.setId("service-" + row.id());
        return Tappable.of(box, () -> model.open(row));
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return model.title();
    }
}
