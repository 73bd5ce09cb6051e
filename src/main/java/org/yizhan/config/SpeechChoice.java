package org.yizhan.config;

import java.util.Locale;
import java.util.Optional;

/** {@code speech.engine}: which speech engine reads a screen aloud in elder mode. */
public enum SpeechChoice {
    /** espeak-ng on Linux, the system voice on Windows, whichever this machine has. */
    AUTO("auto"),
    /** No 朗读 button at all. */
    OFF("off"),
    ESPEAK_NG("espeak-ng"),
    /** Windows' own voices (System.Speech, through PowerShell). */
    WINDOWS("windows");

    private final String value;

    SpeechChoice(String value) {
        this.value = value;
    }

    /** The word used in kiosk.properties, e.g. {@code espeak-ng}. */
    public String value() {
        return value;
    }

    public static Optional<SpeechChoice> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (SpeechChoice c : values()) {
            if (c.value.equals(wanted)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
