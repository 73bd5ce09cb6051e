package org.yizhan.ui;

import org.kordamp.ikonli.javafx.FontIcon;

/** Material Design icons by name; icons always sit beside words. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("icon");
        return icon;
    }
}
