package org.yizhan.ui;

import org.yizhan.config.UiLanguage;

/** Builds the screen for a destination; the composition root provides it. */
@FunctionalInterface
public interface ScreenFactory {

    Screen create(Destination destination, Navigator navigator);

    /** The screen in the citizen's language; a factory that knows only one language ignores it. */
    default Screen create(Destination destination, Navigator navigator, UiLanguage language) {
        return create(destination, navigator);
    }
}
