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

    private static final String COMMON_POOL = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) throws Exception {
        // On one or two cores the common pool has one thread, and CompletableFuture then starts a new thread
        // for every asynchronous step, which the JDK's HTTP client takes for every answer: a thread per request
        // to the hall server (bench queue, 8 clients on 2 cores: 311-347 → 412-425 tickets/s). Two threads keep
        // it a pool.
        if (System.getProperty(COMMON_POOL) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_POOL, "2");
        }
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
