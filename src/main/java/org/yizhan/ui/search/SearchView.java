package org.yizhan.ui.search;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.yizhan.model.Audience;
import org.yizhan.search.SearchHit;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Icons;
import org.yizhan.ui.KineticScroll;
import org.yizhan.ui.Labels;
import org.yizhan.ui.OnScreenKeyboard;
import org.yizhan.ui.Screen;
import org.yizhan.ui.SideBySide;
import org.yizhan.ui.Tappable;

/** Search box, results that follow every key, and the on-screen keyboard below them (beside them when wide). */
public final class SearchView implements Screen {

    private final SearchViewModel model;
    private final SideBySide root;
    private final VBox list = new VBox(12);
    private final VBox nothing = new VBox(16);

    public SearchView(SearchViewModel model, org.yizhan.ui.Messages messages) {
        this.model = model;
        VBox page = new VBox();
        page.getStyleClass().add("page");

        Label title = Labels.of(model.text("search.title"), "title");
        // Accepts a physical keyboard and committed IME text too; the on-screen keyboard writes the same property.
        TextField box = new TextField();
        box.setId("search-box");
        box.getStyleClass().add("search-box");
        box.setPromptText(model.text("search.prompt"));
        box.textProperty().bindBidirectional(model.queryProperty());
        model.queryProperty().addListener((o, w, n) -> box.positionCaret(n.length()));
        Label status = Labels.of("", "secondary");
        status.setId("search-status");
        status.textProperty().bind(model.statusProperty());

        // The no-result help scrolls like the results, so the keyboard and 首页 always keep their place.
        ScrollPane scroll = KineticScroll.install(new ScrollPane(new VBox(nothing, list)));
        scroll.setId("search-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // The results take the height the keyboard leaves, rather than squeezing the keys to share it.
        scroll.setPrefHeight(0);
        nothing.getStyleClass().add("search-empty");
        nothing.setId("search-nothing");
        nothing.visibleProperty().bind(model.nothingFoundProperty());
        nothing.managedProperty().bind(model.nothingFoundProperty());
        buildNothingFound(messages);

        page.getChildren().addAll(title, box, status, scroll);
        page.setMinHeight(0);
        OnScreenKeyboard keyboard = new OnScreenKeyboard(messages, model::type, model::backspace, model::clear);
        // Beside the results on a landscape screen: below them, the keys would leave no room for results.
        root = new SideBySide(page, keyboard, 0.4, page);
        root.setId("search");

        model.results().addListener((ListChangeListener<SearchViewModel.Row>) c -> fill());
        fill();
    }

    private void fill() {
        List<Node> rows = new ArrayList<>();
        for (SearchViewModel.Row r : model.results()) {
            TextFlow name = highlighted(r.name(), r.highlights());
            name.getStyleClass().add("hit-name");
            VBox text = new VBox(4, name);
            if (!r.note().isEmpty()) {
                // Why a name without the citizen's word is here (与“社保”相关): light, right under the name.
                Label note = Labels.of(r.note(), "hit-note");
                note.setId("hit-note-" + r.serviceId());
                text.getChildren().add(note);
            }
            text.getChildren().add(Labels.of(r.department(), "service-dept"));
            HBox.setHgrow(text, Priority.ALWAYS);
            var chevron = Icons.of("mdi2c-chevron-right");
            chevron.getStyleClass().add("chevron");
            HBox row = new HBox(16, text, chevron);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("service-row");
            row.setId("hit-" + r.serviceId());
            rows.add(Tappable.of(row, () -> model.open(r)));
        }
        list.getChildren().setAll(rows);
    }

    static TextFlow highlighted(String name, List<SearchHit.Highlight> highlights) {
        TextFlow flow = new TextFlow();
        int at = 0;
        for (SearchHit.Highlight h : highlights.stream().sorted((a, b) -> a.start() - b.start()).toList()) {
            int start = Math.max(at, Math.min(h.start(), name.length()));
            int end = Math.max(start, Math.min(h.end(), name.length()));
            if (start > at) {
                flow.getChildren().add(part(name.substring(at, start)));
            }
            if (end > start) {
                Text match = part(name.substring(start, end));
                match.getStyleClass().add("match");
                flow.getChildren().add(match);
            }
            at = end;
        }
        if (at < name.length()) {
            flow.getChildren().add(part(name.substring(at)));
        }
        return flow;
    }

    /** A Text carries no style class of its own: the name's parts get one, so the CSS can set them bold. */
    private static Text part(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("hit-text");
        return t;
    }

    private void buildNothingFound(org.yizhan.ui.Messages messages) {
        Label help = Labels.of(model.text("search.none.help"));
        Button person = new Button(messages.get("browse.person"), Icons.of("mdi2a-account"));
        person.setId("search-browse-person");
        person.setOnAction(e -> model.browse(new Destination.Browse(Audience.PERSON)));
        Button legal = new Button(messages.get("browse.legal"), Icons.of("mdi2o-office-building"));
        legal.setId("search-browse-legal");
        legal.setOnAction(e -> model.browse(new Destination.Browse(Audience.LEGAL)));
        FlowPane themes = new FlowPane(16, 16, person, legal);
        nothing.getChildren().addAll(help, themes);
        var popular = model.popular();
        if (!popular.isEmpty()) {
            Label title = Labels.of(model.text("search.popular"));
            FlowPane buttons = new FlowPane(16, 16);
            // A long name wraps inside the row instead of running past the screen's edge; a FlowPane is
            // otherwise never narrower than its widest child.
            buttons.setMinWidth(0);
            for (var s : popular) {
                Button b = Labels.wrap(new Button(s.name()));
                b.maxWidthProperty().bind(buttons.widthProperty());
                b.setOnAction(e -> model.openService(s));
                buttons.getChildren().add(b);
            }
            nothing.getChildren().addAll(title, buttons);
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return model.text("search.title");
    }
}
