package org.yizhan.ui;

/** Builds the screen for a destination; the composition root provides it. */
@FunctionalInterface
public interface ScreenFactory {

    Screen create(Destination destination, Navigator navigator);

    /** The screen in the citizen's language, the shell's {@code messages}; a factory of one language ignores them. */
    default Screen create(Destination destination, Navigator navigator, Messages messages) {
        return create(destination, navigator);
    }
}
