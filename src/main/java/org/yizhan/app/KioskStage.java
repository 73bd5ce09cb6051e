package org.yizhan.app;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.yizhan.ui.Fonts;

/** A stage a citizen cannot leave: full screen, undecorated, ESC and close requests do nothing. */
final class KioskStage {

    private KioskStage() {
    }

    /**
     * Applies the theme now, not in the first pulse, and paints the window in the page's colour: a scene's
     * default fill is white, and it shows wherever the root has not been drawn yet (the first frame, the
     * switch to full screen). The colour is read from the stylesheet, where the theme keeps it.
     */
    static void styles(Scene scene) {
        Fonts.load();
        scene.getStylesheets().add(KioskStage.class.getResource("/org/yizhan/ui/kiosk.css").toExternalForm());
        scene.getRoot().applyCss();
        if (scene.getRoot() instanceof Region root && root.getBackground() != null
                && !root.getBackground().getFills().isEmpty()) {
            scene.setFill(root.getBackground().getFills().get(0).getFill());
        }
    }

    /**
     * Shows the stage full screen unless in developer mode. It opens covering the screen already, so the
     * switch to full screen does not resize it and uncover parts not drawn yet.
     */
    static void show(Stage stage, boolean developer) {
        if (!developer) {
            Rectangle2D screen = Screen.getPrimary().getBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        }
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
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F11) {
                e.consume();
            }
        });
        if (stage.isShowing()) {
            return; // the screens built afresh on a stage that is locked down already
        }
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setOnCloseRequest(e -> e.consume());
        // Should anything still knock the stage out of full screen, put it straight back.
        stage.fullScreenProperty().addListener((obs, was, now) -> {
            if (!now) {
                stage.setFullScreen(true);
            }
        });
    }
}
