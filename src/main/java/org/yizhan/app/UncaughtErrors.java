package org.yizhan.app;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.ui.KioskShell;

/**
 * The kiosk's handler of exceptions nobody caught, on any thread: each is logged with its thread's name, its
 * classes and frames but not its messages ({@link Redacted}); one on
 * the FX thread (a screen's handler, a runnable handed to it) also sends the shell home on the next pulse
 * ({@link KioskShell#failed()}), so a citizen never sees a stack trace or a screen that stopped answering.
 */
final class UncaughtErrors implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrors.class);

    private final KioskShell shell;
    private final Thread.UncaughtExceptionHandler previous;
    private final Thread fxThread;
    private final Thread.UncaughtExceptionHandler previousOnFx;
    private volatile boolean installed = true;

    private UncaughtErrors(KioskShell shell, Thread.UncaughtExceptionHandler previous, Thread fxThread) {
        this.shell = shell;
        this.previous = previous;
        this.fxThread = fxThread;
        this.previousOnFx = fxThread.getUncaughtExceptionHandler();
    }

    /**
     * Handles every thread's uncaught exceptions from now on, the FX thread's too (it may carry a handler of its
     * own, which this replaces). Call on the FX thread.
     */
    static UncaughtErrors install(KioskShell shell) {
        RecentLog.get(); // from the start, whether or not LogFiles has set up the log
        UncaughtErrors handler = new UncaughtErrors(shell, Thread.getDefaultUncaughtExceptionHandler(), Thread.currentThread());
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Thread.currentThread().setUncaughtExceptionHandler(handler);
        return handler;
    }

    /** Puts back the handlers found at {@link #install}: for a kiosk that is closed (tests start many). */
    void uninstall() {
        installed = false;
        if (Thread.getDefaultUncaughtExceptionHandler() == this) {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        if (fxThread.getUncaughtExceptionHandler() == this) {
            // Its thread group, if it had none of its own: the same behaviour.
            fxThread.setUncaughtExceptionHandler(previousOnFx);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        try {
            LOG.error("uncaught exception on thread {}", thread.getName(), Redacted.of(e));
        } catch (RuntimeException | Error logFailed) {
            // Not the handler's own exception on top: the one that matters is e.
        }
        if (!installed) {
            return;
        }
        if (Platform.isFxApplicationThread()) {
            shell.failed();
        }
    }
}
