package org.yizhan.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
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

    /** For a screen with nothing to read aloud. */
    ObservableValue<String> NOTHING_TO_READ = new ReadOnlyStringWrapper("").getReadOnlyProperty();

    /**
     * What the 朗读 button of elder mode reads: the screen's main text, no more than it shows, in the screen's
     * language; empty (no button) for a screen with none, or while it has none yet.
     */
    default ObservableValue<String> spokenText() {
        return NOTHING_TO_READ;
    }
}
