package org.yizhan.speech;

import java.util.Locale;

/**
 * Reads a text aloud on this machine. Both calls return at once, on any thread: one text at a time, so a new
 * {@link #speak} or a {@link #stop} ends the one still being read.
 */
public interface SpeechEngine {

    /** A short name for the technician and the log, e.g. {@code espeak-ng}. */
    String name();

    /**
     * Starts reading {@code text} in the voice for {@code language} (the screen's: zh-Hans, zh-Hant, en) and calls
     * {@code finished} on the engine's own thread once it has been read out, or could not be; never when it was stopped
     * or replaced first.
     */
    void speak(String text, Locale language, Runnable finished);

    /** Stops what is being read, if anything. */
    void stop();
}
