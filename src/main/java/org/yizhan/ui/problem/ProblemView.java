package org.yizhan.ui.problem;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.yizhan.ui.Icons;
import org.yizhan.ui.KineticScroll;
import org.yizhan.ui.Labels;
import org.yizhan.ui.Screen;

/** Full-screen list of configuration problems for the technician; no stack trace. */
public final class ProblemView implements Screen {

    private final VBox root = new VBox();
    private final ProblemViewModel model;

    public ProblemView(ProblemViewModel model) {
        this.model = model;
        root.getStyleClass().add("problem");
        root.setId("problem");
        Label title = Labels.of(model.title(), "title");
        Label intro = Labels.of(model.intro());
        Label file = Labels.of(model.fileText(), "secondary");

        VBox list = new VBox(16);
        for (ProblemViewModel.Problem p : model.problems()) {
            VBox row = new VBox();
            row.getStyleClass().add("problem-row");
            if (p.concernsFile()) {
                row.getChildren().add(line(model.label("problem.fileProblem") + "：" + p.explanation(), "problem-key"));
            } else {
                row.getChildren().add(line(model.label("problem.key") + "：" + p.key(), "problem-key"));
                row.getChildren().add(line(model.label("problem.value") + "："
                        + (p.value().isEmpty() ? model.label("problem.notSet") : p.value()), null));
                row.getChildren().add(line(model.label("problem.expected") + "：" + p.explanation(), null));
            }
            if (!p.detail().isEmpty()) {
                row.getChildren().add(line(p.detail(), "problem-detail"));
            }
            list.getChildren().add(row);
        }
        ScrollPane scroll = KineticScroll.install(new ScrollPane(list));
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button exit = new Button(model.label("problem.exit"), Icons.of("mdi2p-power"));
        exit.setId("problem-exit");
        exit.setOnAction(e -> model.exit());
        root.getChildren().addAll(title, intro, file, scroll, exit);
    }

    private static Label line(String text, String style) {
        Label l = Labels.of(text);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        return l;
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
