package org.yizhan.cli;

import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Ctrl+C and SIGTERM are how a technician stops the kiosk ({@code mvn javafx:run}, systemd). Left to the JVM,
 * they end it with 130 or 143, which {@code mvn javafx:run} reports as a BUILD FAILURE, and JavaFX's own
 * shutdown hook may tear its toolkit down under a window still on screen (a stack trace on the console).
 * Handled here, a signal asks the kiosk to end as its own exit does, while JavaFX is still whole; the kiosk
 * then ends with its own exit code.
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported) is reached by reflection: named in the source, it makes
 * javac warn at every build, and no option turns that warning off.
 */
final class StopSignals {
    /** If the orderly end has not ended the JVM by then, it is ended anyway: a signal must always stop the kiosk. */
    private static final long FALLBACK_MILLIS = 5_000;

    private StopSignals() {
    }

    /** On SIGTERM or SIGINT runs {@code stop}, then ends the JVM with {@code code} if it is still running later. */
    static void install(Runnable stop, int code) {
        Runnable onSignal = () -> {
            Thread fallback = new Thread(() -> {
                try {
                    Thread.sleep(FALLBACK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                System.exit(code);
            }, "yizhan-stop-fallback");
            fallback.setDaemon(true);
            fallback.start();
            stop.run();
        };
        for (String name : List.of("TERM", "INT")) {
            try {
                Class<?> signal = Class.forName("sun.misc.Signal");
                Class<?> handler = Class.forName("sun.misc.SignalHandler");
                Object proxy = Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler},
                        (self, method, args) -> switch (method.getName()) {
                            case "handle" -> {
                                onSignal.run();
                                yield null;
                            }
                            case "hashCode" -> System.identityHashCode(self);
                            case "equals" -> self == args[0];
                            default -> "yizhan stop on signal";
                        });
                signal.getMethod("handle", signal, handler).invoke(null, signal.getConstructor(String.class).newInstance(name), proxy);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                // No such signal here (Windows has no TERM), or none of this API: the JVM's own handling stays.
            }
        }
    }
}
