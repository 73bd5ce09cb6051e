package org.yizhan.ui.browse;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.yizhan.model.Audience;
import org.yizhan.ui.CardGrid;
import org.yizhan.ui.Icons;
import org.yizhan.ui.KineticScroll;
import org.yizhan.ui.Labels;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Screen;
import org.yizhan.ui.Tappable;

/** Themes or departments as large cards, with the two-way 个人 / 法人 switch on top. */
public final class BrowseView implements Screen {

    private final VBox root = new VBox();
    private final BrowseViewModel model;
    private final CardGrid grid = new CardGrid();
    private final Label empty = new Label();

    public BrowseView(BrowseViewModel model, Messages messages) {
        this.model = model;
        root.getStyleClass().add("page");
        root.setId("browse");

        Label title = Labels.of(model.title(), "title");

        ToggleButton person = toggle("browse-person", messages.get("browse.person"), "mdi2a-account");
        ToggleButton legal = toggle("browse-legal", messages.get("browse.legal"), "mdi2o-office-building");
        SegmentedButton audience = new SegmentedButton(person, legal);
        (model.audienceProperty().get() == Audience.LEGAL ? legal : person).setSelected(true);
        person.selectedProperty().addListener((o, w, on) -> select(on, Audience.PERSON, person));
        legal.selectedProperty().addListener((o, w, on) -> select(on, Audience.LEGAL, legal));

        ToggleButton byTheme = toggle("browse-by-theme", messages.get("browse.byTheme"), "mdi2s-shape-outline");
        ToggleButton byDept = toggle("browse-by-department", messages.get("browse.byDepartment"), "mdi2d-domain");
        SegmentedButton mode = new SegmentedButton(byTheme, byDept);
        (model.byDepartmentProperty().get() ? byDept : byTheme).setSelected(true);
        byTheme.selectedProperty().addListener((o, w, on) -> keepOne(on, byTheme, false));
        byDept.selectedProperty().addListener((o, w, on) -> keepOne(on, byDept, true));

        FlowPane switches = new FlowPane(32, 16, audience, mode);
        switches.getStyleClass().add("switch-bar");
        for (ToggleButton b : List.of(person, legal, byTheme, byDept)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }

        Labels.wrap(empty).setText(model.emptyText());
        empty.getStyleClass().add("heading");

        ScrollPane scroll = KineticScroll.install(new ScrollPane(grid));
        scroll.setId("browse-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(title, switches, empty, scroll);

        model.entries().addListener((ListChangeListener<BrowseViewModel.Entry>) c -> fill());
        fill();
    }

    private void select(boolean on, Audience audience, ToggleButton button) {
        if (on) {
            model.audienceProperty().set(audience);
        } else if (model.audienceProperty().get() == audience) {
            button.setSelected(true); // a switch always has one side on
        }
    }

    private void keepOne(boolean on, ToggleButton button, boolean byDepartment) {
        if (on) {
            model.byDepartmentProperty().set(byDepartment);
        } else if (model.byDepartmentProperty().get() == byDepartment) {
            button.setSelected(true);
        }
    }

    private static ToggleButton toggle(String id, String text, String icon) {
        ToggleButton b = new ToggleButton(text, Icons.of(icon));
        b.setId(id);
        return b;
    }

    private void fill() {
        List<VBox> cards = new ArrayList<>();
        for (BrowseViewModel.Entry entry : model.entries()) {
            Label name = Labels.of(entry.name(), "card-name");
            Label count = Labels.of(model.countText(entry), "card-count");
            VBox card = new VBox(6, name, count);
            card.getStyleClass().add("card-button");
            card.setId("entry-" + entry.id());
            card.setMaxWidth(Double.MAX_VALUE);
            cards.add(Tappable.of(card, () -> model.open(entry)));
        }
        grid.setCards(cards);
        boolean none = model.entries().isEmpty();
        empty.setVisible(none);
        empty.setManaged(none);
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
