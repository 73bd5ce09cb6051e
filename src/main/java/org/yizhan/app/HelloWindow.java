package org.yizhan.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * {@code bench startup}'s yardstick: a bare JavaFX window with one label, started from the same jar the way the
 * kiosk is ({@code Application.launch} above the jar's JavaFX layer), so the kiosk's start is compared with what
 * JavaFX itself costs on this machine.
 */
public final class HelloWindow extends Application {

    /** Blocks until the window's toolkit exits (the benchmark stops the process once it has the line). */
    public static void run() {
        Application.launch(HelloWindow.class);
    }

    @Override
    public void start(Stage stage) {
        Label hello = new Label("Hello");
        Scene scene = new Scene(hello, 1080, 1920);
        stage.setScene(scene);
        FirstFrame.report(scene, stage::isShowing);
        stage.show();
    }
}
