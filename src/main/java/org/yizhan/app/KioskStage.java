package org.yizhan.app;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.yizhan.ui.Fonts;

/** A stage a citizen cannot leave: full screen, undecorated, ESC and close requests do nothing. */
final class KioskStage {

    private KioskStage() {
    }

    static void styles(Scene scene) {
        Fonts.load();
        scene.getStylesheets().add(KioskStage.class.getResource("/org/yizhan/ui/kiosk.css").toExternalForm());
    }

    /** Shows the stage; full screen unless in developer mode. */
    static void show(Stage stage, boolean developer) {
        stage.show();
        if (!developer) {
            // Full screen after showing and focusing: some platforms (Monocle) need a focused window for it.
            stage.requestFocus();
            stage.setFullScreen(true);
        }
    }

    /** In developer mode the window is ordinary, so a developer can close it. */
    static void lockDown(Stage stage, Scene scene, boolean developer) {
        stage.setScene(scene);
        stage.setTitle("一站 Yizhan");
        if (developer) {
            return;
        }
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setOnCloseRequest(e -> e.consume());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F11) {
                e.consume();
            }
        });
        // Should anything still knock the stage out of full screen, put it straight back.
        stage.fullScreenProperty().addListener((obs, was, now) -> {
            if (!now) {
                stage.setFullScreen(true);
            }
        });
    }
}
