package org.yizhan.ui;

import org.kordamp.ikonli.javafx.FontIcon;

/** Material Design icons by name; icons always sit beside words. */
public final class Icons {

    private Icons() {
    }

    /**
     * Reads the icon font now: the first icon otherwise reads it from the jar, on the FX thread, while
     * the first screen is being built.
     */
    public static void preload() {
        of("mdi2h-home");
    }

    public static FontIcon of(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("icon");
        return icon;
    }
}
