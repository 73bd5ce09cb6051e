package org.yizhan.ui;

import javafx.scene.Parent;

/** One screen as the shell shows it: its nodes and its title for the top bar. */
public interface Screen {

    Parent root();

    /** The title shown in the top bar; empty on the home screen. */
    String title();

    /**
     * The shell has put another screen in its place (the citizen moved on, or the idle reset went home):
     * cancel what is still to come, so no answer lands on the next citizen's screen, and forget what was shown.
     */
    default void left() {
    }
}
