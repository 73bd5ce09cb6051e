package org.yizhan.app;

/**
 * An exception nobody caught, as it is logged: its class and frames, and its causes', without their messages.
 * A message may hold what a citizen typed (a number a parser refused), and nothing a citizen types is logged.
 */
final class Redacted extends RuntimeException {

    private final String originalClass;

    private Redacted(Throwable original, Throwable cause) {
        super(original.getClass().getName(), cause, false, true);
        this.originalClass = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    static Redacted of(Throwable original) {
        return new Redacted(original, original.getCause() == null || original.getCause() == original ? null
                : of(original.getCause()));
    }

    /** The class of the exception this stands for, e.g. {@code java.lang.NumberFormatException}. */
    String originalClass() {
        return originalClass;
    }
}
