package org.yizhan.config;

import java.util.Objects;

/**
 * One thing wrong with kiosk.properties, in parts a technician's screen can list as columns: the key, its
 * value, and what is expected, in English ({@code expected}, for logs and the console) and in Chinese
 * ({@code expectedZh}, for the kiosk's screen).
 *
 * <ul>
 *   <li>A bad value: {@code key} is a known key, {@code value} what the file says, {@code expected} what
 *       would be accepted, e.g. {@code a whole number of seconds from 20 to 3600 (default 60)}.</li>
 *   <li>A mistyped key: {@code key} is the unknown key, {@code value} its value, {@code expected} the
 *       suggestion, e.g. {@code did you mean "idle.timeout"?}.</li>
 *   <li>A problem with the whole file (missing, unreadable, not UTF-8): {@code key} and {@code value} are
 *       empty and {@code expected} explains it, e.g. {@code line 3 looks like GBK-encoded text (…); save
 *       kiosk.properties as UTF-8}.</li>
 * </ul>
 */
public record ConfigProblem(String key, String value, String expected, String expectedZh) {

    public ConfigProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(expectedZh, "expectedZh");
    }

    /** A problem with the file as a whole rather than with one key. */
    public static ConfigProblem ofFile(String explanation, String explanationZh) {
        return new ConfigProblem("", "", explanation, explanationZh);
    }

    /** True for a problem with the file as a whole (missing, unreadable, wrong encoding). */
    public boolean concernsFile() {
        return key.isEmpty() && value.isEmpty();
    }

    /** True for a key that the kiosk does not know (a likely typo: {@link #expected} suggests the right one). */
    public boolean unknownKey() {
        return !concernsFile() && ConfigKey.byKey(key).isEmpty();
    }

    /**
     * One line for a log or an error page, e.g.
     * {@code kiosk.properties: idle.timeout = "sixty" — expected a whole number of seconds from 20 to 3600 (default 60)}.
     */
    public String describe(String fileName) {
        if (concernsFile()) {
            return fileName + ": " + expected;
        }
        if (unknownKey()) {
            return fileName + ": unknown key \"" + key + "\" — " + expected;
        }
        return fileName + ": " + key + " = \"" + value + "\" — expected " + expected;
    }
}
