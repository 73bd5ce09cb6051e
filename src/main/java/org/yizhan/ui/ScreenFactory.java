package org.yizhan.ui;

/** Builds the screen for a destination; the composition root provides it. */
@FunctionalInterface
public interface ScreenFactory {

    Screen create(Destination destination, Navigator navigator);
}
