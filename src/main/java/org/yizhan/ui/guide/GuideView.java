package org.yizhan.ui.guide;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.yizhan.ui.BadgeRow;
import org.yizhan.ui.Icons;
import org.yizhan.ui.KineticScroll;
import org.yizhan.ui.Labels;
import org.yizhan.ui.LineLimit;
import org.yizhan.ui.QrCodes;
import org.yizhan.ui.Screen;

/** A service's guide as a header card and one card per section, in one finger-scrolled column. */
public final class GuideView implements Screen {

    private static final int QR_SIZE = 220;

    private static final String FOLDED = "mdi2c-chevron-down";
    private static final String OPEN = "mdi2c-chevron-up";

    private final GuideViewModel model;
    private final VBox root = new VBox();
    private ScrollPane scroll;

    public GuideView(GuideViewModel model) {
        this.model = model;
        root.getStyleClass().add("page");
        root.setId("guide");
        if (!model.found()) {
            Label missing = Labels.of(model.notFoundText(), "heading");
            root.getChildren().add(missing);
            return;
        }
        VBox column = new VBox(24);
        column.setId("guide-sections");
        column.getChildren().add(header());
        column.getChildren().add(section("guide.basic", "section-basic", fields(model.basicInfo())));
        column.getChildren().add(section("guide.conditions", "section-conditions", text(model.conditions())));
        if (!model.variants().isEmpty()) {
            column.getChildren().add(section("guide.variants", "section-variants", fields(model.variants())));
        }
        column.getChildren().add(section("guide.materials", "section-materials", materials()));
        column.getChildren().add(section("guide.steps", "section-steps", steps()));
        column.getChildren().add(section("guide.limits", "section-limits", fields(model.limitsAndFee())));
        column.getChildren().add(section("guide.place", "section-place", fields(model.place())));
        if (!model.contacts().isEmpty()) {
            column.getChildren().add(section("guide.contacts", "section-contacts", fields(model.contacts())));
        }
        if (!model.faq().isEmpty()) {
            column.getChildren().add(section("guide.faq", "section-faq", faq()));
        }
        if (!model.legalBasis().isEmpty()) {
            column.getChildren().add(section("guide.basis", "section-basis", basis()));
        }
        scroll = KineticScroll.install(new ScrollPane(column));
        scroll.setId("guide-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().add(scroll);
    }

    /** The name across the whole card, so a long one takes few lines; the QR code beside what follows. */
    private Node header() {
        Label name = LineLimit.install(new Label(model.name()), 3);
        name.getStyleClass().add("guide-name");
        name.setId("guide-name");
        Label dept = Labels.of(model.department(), "secondary");
        VBox text = new VBox(12, dept, new BadgeRow(model.badges()));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox header = new HBox(24, text);
        model.onlineUrl().flatMap(url -> QrCodes.image(url, QR_SIZE)).ifPresent(img -> {
            ImageView qr = new ImageView(img);
            qr.setFitWidth(QR_SIZE);
            qr.setPreserveRatio(true);
            qr.setId("guide-qr");
            Label caption = Labels.of(model.text("guide.qr"));
            VBox box = new VBox(qr, caption);
            box.getStyleClass().add("qr-box");
            box.setMinWidth(Label.USE_PREF_SIZE);
            header.getChildren().add(box);
        });
        VBox card = new VBox(name, header);
        card.getStyleClass().add("guide-header");
        if (model.canTakeNumber() || model.canPrintChecklist()) {
            card.getChildren().add(actions());
        }
        return card;
    }

    /** 取号办理 and 打印材料清单: what a citizen does next with this guide in hand. */
    private Node actions() {
        HBox row = new HBox(16);
        row.getStyleClass().add("guide-actions");
        if (model.canTakeNumber()) {
            Button take = new Button(model.text("guide.takeNumber"), Icons.of("mdi2t-ticket-confirmation-outline"));
            take.getStyleClass().add("primary");
            take.setId("guide-take-number");
            take.setOnAction(e -> model.takeNumber());
            row.getChildren().add(Labels.wrap(take));
        }
        if (model.canPrintChecklist()) {
            Button print = new Button(model.text("guide.printChecklist"), Icons.of("mdi2p-printer"));
            print.setId("guide-print-checklist");
            print.disableProperty().bind(model.printingProperty());
            print.setOnAction(e -> model.printChecklist());
            row.getChildren().add(Labels.wrap(print));
        }
        Label said = Labels.of("", "body");
        said.setId("guide-print-message");
        said.textProperty().bind(model.printMessageProperty());
        said.visibleProperty().bind(model.printMessageProperty().isNotEmpty());
        said.managedProperty().bind(said.visibleProperty());
        return new VBox(12, row, said);
    }

    @Override
    public void left() {
        model.leave();
    }

    private Node section(String titleKey, String id, Node body) {
        Label title = Labels.of(model.text(titleKey), "section-title");
        VBox card = new VBox(title, body);
        card.getStyleClass().add("section");
        card.setId(id);
        return card;
    }

    private static Label text(String s) {
        Label l = Labels.of(s);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static Node fields(List<GuideViewModel.Field> fields) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("field-grid");
        ColumnConstraints nameCol = new ColumnConstraints();
        nameCol.setMinWidth(GridPane.USE_PREF_SIZE);
        nameCol.setHalignment(HPos.LEFT);
        ColumnConstraints valueCol = new ColumnConstraints();
        valueCol.setHgrow(Priority.ALWAYS);
        valueCol.setFillWidth(true);
        grid.getColumnConstraints().addAll(nameCol, valueCol);
        int row = 0;
        for (GuideViewModel.Field f : fields) {
            Label name = Labels.of(f.name(), "field-name");
            name.setMaxWidth(340);
            Label value = text(f.value());
            value.getStyleClass().add("field-value");
            grid.addRow(row++, name, value);
            GridPane.setValignment(name, javafx.geometry.VPos.TOP);
        }
        return grid;
    }

    private Node materials() {
        List<GuideViewModel.MaterialRow> rows = model.materials();
        if (rows.isEmpty()) {
            return text(model.text("guide.materials.none"));
        }
        GridPane table = new GridPane();
        table.getStyleClass().add("materials-table");
        table.setId("materials-table");
        // The name takes what the three short columns leave; they are as wide as their longest word (Originals,
        // Required?), never narrower, so English is not split mid-word.
        for (int i = 0; i < 4; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setFillWidth(true);
            if (i == 0) {
                c.setHgrow(Priority.ALWAYS);
            } else {
                c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                c.setHgrow(Priority.NEVER);
            }
            table.getColumnConstraints().add(c);
        }
        String[] heads = {"guide.materials.name", "guide.materials.originals", "guide.materials.copies",
            "guide.materials.necessity"};
        for (int i = 0; i < heads.length; i++) {
            Label h = Labels.of(model.text(heads[i]), "cell-head");
            table.add(h, i, 0);
        }
        int r = 1;
        for (GuideViewModel.MaterialRow m : rows) {
            Label name = Labels.of(m.name(), "material-name");
            Label details = Labels.of(m.details(), "material-note");
            VBox nameBox = new VBox(4, name, details);
            nameBox.getStyleClass().add("cell");
            nameBox.setMaxWidth(Double.MAX_VALUE);
            table.add(nameBox, 0, r);
            table.add(cell(m.originals(), ""), 1, r);
            table.add(cell(m.copies(), ""), 2, r);
            table.add(cell(m.necessity(), m.necessityStyle()), 3, r);
            r++;
        }
        return table;
    }

    private static Label cell(String text, String style) {
        Label l = Labels.of(text, "cell", "center");
        if (!style.isEmpty()) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    private Node steps() {
        List<GuideViewModel.StepRow> rows = model.steps();
        if (rows.isEmpty()) {
            return text(model.text("guide.steps.none"));
        }
        VBox box = new VBox(20);
        for (GuideViewModel.StepRow s : rows) {
            Label number = new Label(String.valueOf(s.number()));
            number.getStyleClass().add("step-number");
            Label name = Labels.of(s.name(), "step-name");
            VBox text = new VBox(4, name);
            if (!s.description().isEmpty()) {
                text.getChildren().add(GuideView.text(s.description()));
            }
            String meta = String.join("    ", List.of(s.actor(), s.limit()).stream().filter(x -> !x.isEmpty()).toList());
            if (!meta.isEmpty()) {
                Label m = text(meta);
                m.getStyleClass().add("secondary");
                text.getChildren().add(m);
            }
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox step = new HBox(number, text);
            step.getStyleClass().add("step");
            step.setAlignment(Pos.TOP_LEFT);
            box.getChildren().add(step);
        }
        return box;
    }

    private Node faq() {
        VBox box = new VBox(16);
        for (GuideViewModel.Field f : model.faq()) {
            Label q = text(f.name());
            q.getStyleClass().add("step-name");
            box.getChildren().add(new VBox(4, q, text(f.value())));
        }
        return box;
    }

    private Node basis() {
        VBox list = new VBox(8);
        list.setId("basis-list");
        for (String b : model.legalBasis()) {
            list.getChildren().add(text("· " + b));
        }
        list.visibleProperty().bind(model.basisShownProperty());
        list.managedProperty().bind(model.basisShownProperty());
        FontIcon chevron = Icons.of(FOLDED);
        model.basisShownProperty().addListener((obs, was, shown) -> chevron.setIconLiteral(shown ? OPEN : FOLDED));
        Button toggle = new Button();
        toggle.setId("basis-toggle");
        toggle.setGraphic(chevron);
        toggle.textProperty().bind(model.basisShownProperty()
                .map(shown -> model.text(shown ? "guide.basis.hide" : "guide.basis.show")));
        VBox box = new VBox(12, toggle, list);
        toggle.setOnAction(e -> {
            model.toggleBasis();
            if (model.basisShownProperty().get()) {
                // The section is last on the page: what opens lands below the fold unless we scroll to it.
                KineticScroll.reveal(scroll, box.getParent());
            }
        });
        return box;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return model.found() ? model.name() : "";
    }

    @Override
    public ObservableValue<String> spokenText() {
        return new ReadOnlyStringWrapper(model.spokenText()).getReadOnlyProperty();
    }
}
