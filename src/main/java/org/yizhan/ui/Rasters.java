package org.yizhan.ui;

import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.yizhan.print.MonoImage;

/** Turns a laid-out node (a ticket, a checklist) into the black-and-white raster a printer takes. */
public final class Rasters {
    private Rasters() {
    }

    /** Rasterises {@code node} (not in a shown scene) to black and white; on the FX thread. */
    public static MonoImage of(Region node) {
        Scene scene = new Scene(new Group(node), Color.WHITE);
        node.applyCss();
        node.layout();
        double width = node.prefWidth(-1);
        double height = node.prefHeight(width);
        node.resize(width, height);
        node.layout();
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        WritableImage image = node.snapshot(parameters, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        // The scene only lent its layout; the node may be shown elsewhere after this.
        ((Group) scene.getRoot()).getChildren().clear();
        return MonoImage.fromArgb(w, h, argb);
    }

}
