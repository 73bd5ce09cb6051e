package org.yizhan.cli;

import picocli.CommandLine;

/**
 * The jar's entry point. A plain class, not an {@code Application}: a main class that extends
 * Application fails from a jar whose JavaFX sits on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        int code = new CommandLine(new YizhanCommand()).execute(args);
        System.exit(code);
    }
}
