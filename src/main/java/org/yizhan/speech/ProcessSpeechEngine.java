package org.yizhan.speech;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.config.TraditionalVoice;

/**
 * An engine that reads each text with one process of a speech program ({@link #command}): started on the engine's
 * own thread, so the caller (the FX thread) never waits for a fork; at most one at a time, the one before killed
 * first. The text is never logged.
 */
public abstract class ProcessSpeechEngine implements SpeechEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessSpeechEngine.class);

    private final TraditionalVoice traditional;
    /** One thread, gone after a minute without speech, so an engine nobody uses holds none. */
    private final ThreadPoolExecutor runner = new ThreadPoolExecutor(0, 1, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "yizhan-speech");
                t.setDaemon(true);
                return t;
            });
    private long generation;
    private Process current;

    protected ProcessSpeechEngine(TraditionalVoice traditional) {
        this.traditional = traditional;
    }

    /** The process that reads {@code text} (already {@link SpeechText#prepare prepared}) in {@code language}. */
    public abstract SpeechCommand command(String text, SpokenLanguage language);

    /** The command for a text as a screen in {@code screen}'s language has it. */
    public final SpeechCommand command(String text, Locale screen) {
        String prepared = SpeechText.prepare(text);
        return command(prepared, SpokenLanguage.of(screen, prepared, traditional));
    }

    @Override
    public final void speak(String text, Locale language, Runnable finished) {
        SpeechCommand command = command(text, language);
        long mine;
        synchronized (this) {
            mine = ++generation;
            killCurrent();
        }
        runner.execute(() -> run(mine, command, finished));
    }

    @Override
    public final synchronized void stop() {
        generation++;
        killCurrent();
    }

    /** The process reading now, if any; for tests. */
    synchronized java.util.Optional<ProcessHandle> process() {
        return java.util.Optional.ofNullable(current).map(Process::toHandle);
    }

    private void killCurrent() {
        if (current != null) {
            // Neither espeak-ng nor PowerShell's synthesizer starts a child: no walk of the process table on the FX thread.
            current.destroyForcibly();
            current = null;
        }
    }

    private void run(long mine, SpeechCommand command, Runnable finished) {
        synchronized (this) {
            if (mine != generation) {
                return;
            }
        }
        Process process;
        try {
            process = new ProcessBuilder(command.argv())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            LOG.warn("{} could not be started ({}); nothing was read aloud", name(), e.getMessage());
            finishedIfCurrent(mine, finished);
            return;
        }
        synchronized (this) {
            if (mine != generation) {
                process.destroyForcibly(); // stopped while it was starting
                return;
            }
            current = process;
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(command.stdin().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Killed before it took its input: stopped, or it failed at once; its exit code says which.
        }
        try {
            int exit = process.waitFor();
            if (exit != 0 && isCurrent(mine)) {
                LOG.warn("{} ended with exit code {}; the text may not have been read aloud", name(), exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        synchronized (this) {
            if (current == process) {
                current = null;
            }
        }
        finishedIfCurrent(mine, finished);
    }

    private synchronized boolean isCurrent(long mine) {
        return mine == generation;
    }

    private void finishedIfCurrent(long mine, Runnable finished) {
        if (isCurrent(mine)) {
            finished.run();
        }
    }
}
