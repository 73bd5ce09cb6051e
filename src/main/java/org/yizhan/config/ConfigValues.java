package org.yizhan.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns the text of one value into what {@link KioskConfig} holds. Pure: touches no file. */
final class ConfigValues {

    static final int HALL_NAME_MAX = 40;
    static final int IDLE_TIMEOUT_MIN = 15;
    static final int IDLE_TIMEOUT_MAX = 3600;
    static final Pattern KIOSK_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final String USER_HOME = "${user.home}";

    private ConfigValues() {
    }

    /** A value that does not fit; {@code detail} (may be empty) is added after the expectation. */
    static final class InvalidValue extends Exception {
        final String detail;

        InvalidValue(String detail) {
            super(detail, null, false, false);
            this.detail = detail;
        }

        InvalidValue() {
            this("");
        }
    }

    /**
     * @param value    the trimmed value
     * @param baseDir  the folder relative paths are resolved against (the folder of kiosk.properties)
     * @param userHome what {@code ${user.home}} stands for
     */
    static Object parse(ConfigKey key, String value, Path baseDir, Path userHome) throws InvalidValue {
        return switch (key) {
            case HALL_NAME -> hallName(value);
            case KIOSK_ID -> kioskId(value);
            case DATA_DIR -> dataDir(value, baseDir, userHome);
            case IDLE_TIMEOUT -> idleTimeout(value);
            case DISPLAY_ORIENTATION -> Orientation.parse(value).orElseThrow(InvalidValue::new);
            case UI_LANGUAGE -> UiLanguage.parse(value).orElseThrow(InvalidValue::new);
            case UI_ELDER_DEFAULT -> bool(value);
        };
    }

    private static String hallName(String value) throws InvalidValue {
        if (value.isBlank()) {
            throw new InvalidValue();
        }
        int length = value.codePointCount(0, value.length());
        if (length > HALL_NAME_MAX) {
            throw new InvalidValue("but it has " + length + " characters");
        }
        return value;
    }

    private static String kioskId(String value) throws InvalidValue {
        if (!KIOSK_ID.matcher(value).matches()) {
            throw new InvalidValue();
        }
        return value;
    }

    private static Duration idleTimeout(String value) throws InvalidValue {
        int seconds;
        try {
            seconds = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidValue();
        }
        if (seconds < IDLE_TIMEOUT_MIN || seconds > IDLE_TIMEOUT_MAX) {
            throw new InvalidValue();
        }
        return Duration.ofSeconds(seconds);
    }

    private static Boolean bool(String value) throws InvalidValue {
        // Boolean.parseBoolean would read "yes" or "是" silently as false.
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidValue();
        };
    }

    /** Expands {@code ${user.home}} (and a leading {@code ~}) and makes the path absolute; creates nothing. */
    static Path dataDir(String value, Path baseDir, Path userHome) throws InvalidValue {
        if (value.isBlank()) {
            throw new InvalidValue();
        }
        String home = userHome.toString();
        String expanded = value.replace(USER_HOME, home);
        if (expanded.equals("~")) {
            expanded = home;
        } else if (expanded.startsWith("~/") || expanded.startsWith("~\\")) {
            expanded = home + expanded.substring(1);
        }
        int variable = expanded.indexOf("${");
        if (variable >= 0) {
            throw new InvalidValue("but only " + USER_HOME + " is expanded, not "
                    + expanded.substring(variable, Math.max(variable + 2, expanded.indexOf('}', variable) + 1)));
        }
        try {
            Path path = Path.of(expanded);
            return (path.isAbsolute() ? path : baseDir.resolve(path)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidValue("but it is not a valid path here (" + e.getReason() + ")");
        }
    }
}
