package org.yizhan.ui;

import javafx.scene.Parent;

/** One screen as the shell shows it: its nodes and its title for the top bar. */
public interface Screen {

    Parent root();

    /** The title shown in the top bar; empty on the home screen. */
    String title();
}
