package org.yizhan.ui;

/** Moves the citizen between screens; the shell implements it. */
public interface Navigator {

    void go(Destination destination);

    void back();

    /** Records that the current screen now stands for {@code destination} (e.g. a switch was flipped), without rebuilding it, so 返回 comes back to it as the citizen left it. */
    void replace(Destination destination);

    void home();
}
