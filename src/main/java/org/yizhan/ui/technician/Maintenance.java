package org.yizhan.ui.technician;

import java.util.List;
import org.yizhan.print.MonoImage;

/**
 * What the technician's panel asks of the kiosk; {@code app} answers. Every method but {@link #restartUi} and
 * {@link #quit} may wait on the disk, the network or a slow hash: call them off the UI thread.
 */
public interface Maintenance {

    /** Whether {@code pin} is the technician's PIN (technician.pin). */
    boolean pinMatches(String pin);

    /** What the panel shows, read now. */
    List<Section> facts();

    /** Asks for a sync now and waits for its outcome: the sentence to show. */
    String syncNow() throws Exception;

    /** The printer's width in dots; empty when printer.type is none. */
    java.util.OptionalInt printerDots();

    /** Prints {@code page} and says how it went. */
    String printTest(MonoImage page) throws Exception;

    /** Reads kiosk.properties again; applies it if it can, else keeps the config in force. */
    Reload reload();

    /** On the UI thread: builds the kiosk's screens afresh (with a reloaded config, when one is waiting). */
    void restartUi();

    /** On the UI thread: ends the kiosk, back to the desktop. */
    void quit();

    /** A part of the panel: its title and lines. */
    record Section(String title, List<Line> lines) {
    }

    /** One fact; {@code trouble} marks what a technician should look at. */
    record Line(String label, String value, boolean trouble) {
        public static Line of(String label, String value) {
            return new Line(label, value, false);
        }
    }

    /** The outcome of reading kiosk.properties again: what to tell the technician, line by line. */
    record Reload(Outcome outcome, List<String> lines) {
    }

    enum Outcome {
        /** The file has problems; the config in force stays. */
        INVALID,
        /** Nothing changed. */
        UNCHANGED,
        /** Applied: the screens are built afresh with it. */
        APPLIED,
        /** Valid, but only a restart of the program applies it; the config in force stays until then. */
        RESTART_NEEDED
    }
}
