package org.yizhan.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The kiosk's settings, as read from kiosk.properties by {@link KioskConfigLoader}. Immutable.
 *
 * <p>The loader enforces the file's rules (timeout 15–3600 s, kiosk id pattern, writable data dir); this
 * record only refuses what no kiosk could run with, so tests may build one with, say, a two-second timeout:
 * {@code KioskConfig.defaults().withIdleTimeout(Duration.ofSeconds(2))}.
 *
 * @param hallName           {@code hall.name}: shown on the home screen and on tickets
 * @param kioskId            {@code kiosk.id}: tells the kiosks of one hall apart
 * @param dataDir            {@code data.dir}: absolute once loaded; the loader has created it and checked it is writable
 * @param idleTimeout        {@code idle.timeout}: back to the home screen after this long without a touch
 * @param orientation        {@code display.orientation}
 * @param language           {@code ui.language}
 * @param elderModeByDefault {@code ui.elder.default}: elder mode is on whenever the kiosk returns home
 */
public record KioskConfig(
        String hallName,
        String kioskId,
        Path dataDir,
        Duration idleTimeout,
        Orientation orientation,
        UiLanguage language,
        boolean elderModeByDefault) {

    public KioskConfig {
        Objects.requireNonNull(hallName, "hallName");
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(language, "language");
        if (hallName.isBlank()) {
            throw new IllegalArgumentException("hallName must not be blank");
        }
        if (kioskId.isBlank()) {
            throw new IllegalArgumentException("kioskId must not be blank");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
        }
    }

    /**
     * Every key at its default ({@link ConfigKey#defaultValue()}), with {@code data.dir} under the current
     * user's home. Creates no directory: {@link KioskConfigLoader#loadOrDefaults(Path)} does that.
     */
    public static KioskConfig defaults() {
        return defaults(Path.of(System.getProperty("user.home")));
    }

    /** As {@link #defaults()}, with {@code ${user.home}} standing for {@code userHome}. */
    public static KioskConfig defaults(Path userHome) {
        Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            try {
                values.put(key, ConfigValues.parse(key, key.defaultValue(), userHome, userHome));
            } catch (ConfigValues.InvalidValue e) {
                throw new AssertionError("default of " + key.key() + " is invalid: " + key.defaultValue(), e);
            }
        }
        return of(values);
    }

    /** Builds a config from parsed values, one per {@link ConfigKey}. */
    static KioskConfig of(Map<ConfigKey, Object> values) {
        for (ConfigKey key : ConfigKey.values()) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("no value for " + key.key());
            }
        }
        return new KioskConfig(
                (String) values.get(ConfigKey.HALL_NAME),
                (String) values.get(ConfigKey.KIOSK_ID),
                (Path) values.get(ConfigKey.DATA_DIR),
                (Duration) values.get(ConfigKey.IDLE_TIMEOUT),
                (Orientation) values.get(ConfigKey.DISPLAY_ORIENTATION),
                (UiLanguage) values.get(ConfigKey.UI_LANGUAGE),
                (Boolean) values.get(ConfigKey.UI_ELDER_DEFAULT));
    }

    /** A key's value as kiosk.properties would write it, e.g. for a technician's "current settings" page. */
    public String value(ConfigKey key) {
        return switch (key) {
            case HALL_NAME -> hallName;
            case KIOSK_ID -> kioskId;
            case DATA_DIR -> dataDir.toString();
            case IDLE_TIMEOUT -> Long.toString(idleTimeout.toSeconds());
            case DISPLAY_ORIENTATION -> orientation.value();
            case UI_LANGUAGE -> language.tag();
            case UI_ELDER_DEFAULT -> Boolean.toString(elderModeByDefault);
        };
    }

    public KioskConfig withHallName(String hallName) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault);
    }

    public KioskConfig withKioskId(String kioskId) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault);
    }

    public KioskConfig withDataDir(Path dataDir) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault);
    }

    public KioskConfig withIdleTimeout(Duration idleTimeout) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault);
    }

    public KioskConfig withOrientation(Orientation orientation) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault);
    }

    public KioskConfig withLanguage(UiLanguage language) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault);
    }

    public KioskConfig withElderModeByDefault(boolean elderModeByDefault) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault);
    }
}
