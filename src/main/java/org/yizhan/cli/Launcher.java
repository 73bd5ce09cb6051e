package org.yizhan.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The jar's entry point. A plain class, not an {@code Application}: under {@code java -jar} JavaFX is not
 * on the class path but in the jar as modules, which {@link JavaFxModules} loads before anything uses JavaFX.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (!javaFxVisible() && Launcher.class.getClassLoader() == ClassLoader.getSystemClassLoader()) {
            // `java -jar`: JavaFX is in the jar as modules, not on the class path.
            Optional<Path> modules = JavaFxModules.of(Launcher.class);
            if (modules.isPresent()) {
                JavaFxModules.relaunch(Launcher.class, modules.get(), args);
                return;
            }
        }
        int code = new CommandLine(new YizhanCommand()).execute(args);
        System.exit(code);
    }

    /** True under `mvn javafx:run` (module path), from an IDE (class path) and once relaunched above the layer. */
    private static boolean javaFxVisible() {
        try {
            Class.forName("javafx.application.Platform", false, Launcher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
