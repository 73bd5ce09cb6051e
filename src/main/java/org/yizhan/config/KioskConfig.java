package org.yizhan.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * @param serverUrl          {@code server.url}: empty for {@code embedded}; otherwise a URL whose path ends with
 *                           {@code /}, against which {@code catalog/index.json} is resolved
 * @param syncInterval       {@code sync.interval}: time between catalog checks, before jitter
 * @param publicKey          {@code sync.public-key}: absolute once loaded, and then a readable file; empty only
 *                           when the loader found {@code server.url} to be {@code embedded}
 * @param hallId             {@code hall.id}: empty accepts bundles for any hall
 * @param replacesKey        {@code sync.replaces-key}: the key id (lower case) of a publisher whose catalog
 *                           the key of {@code sync.public-key} may replace; empty if no change is confirmed
 */
public record KioskConfig(
        String hallName,
        String kioskId,
        Path dataDir,
        Duration idleTimeout,
        Orientation orientation,
        UiLanguage language,
        boolean elderModeByDefault,
        Optional<URI> serverUrl,
        Duration syncInterval,
        Optional<Path> publicKey,
        Optional<String> hallId,
        Optional<String> replacesKey) {

    public KioskConfig {
        Objects.requireNonNull(hallName, "hallName");
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(syncInterval, "syncInterval");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(hallId, "hallId");
        Objects.requireNonNull(replacesKey, "replacesKey");
        if (hallName.isBlank()) {
            throw new IllegalArgumentException("hallName must not be blank");
        }
        if (kioskId.isBlank()) {
            throw new IllegalArgumentException("kioskId must not be blank");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
        }
        if (syncInterval.isNegative() || syncInterval.isZero()) {
            throw new IllegalArgumentException("syncInterval must be positive: " + syncInterval);
        }
        serverUrl.ifPresent(KioskConfig::checkServerUrl);
        serverUrl = serverUrl.map(ConfigValues::asFolder);
        if (hallId.isPresent() && hallId.get().isBlank()) {
            throw new IllegalArgumentException("hallId must not be blank; use Optional.empty()");
        }
    }

    private static void checkServerUrl(URI url) {
        if (!url.isAbsolute() || url.isOpaque() || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("serverUrl must be an absolute URL without query or fragment: " + url);
        }
    }

    /**
     * Every key at its default ({@link ConfigKey#defaultValue()}; the required keys at the values the shipped
     * kiosk.properties sets), with {@code data.dir} under the current user's home: for tests and for the
     * technician page's stage. Creates no directory. A kiosk never starts on these without a file.
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
                (Boolean) values.get(ConfigKey.UI_ELDER_DEFAULT),
                optional(values.get(ConfigKey.SERVER_URL), URI.class),
                (Duration) values.get(ConfigKey.SYNC_INTERVAL),
                optional(values.get(ConfigKey.SYNC_PUBLIC_KEY), Path.class),
                optional(values.get(ConfigKey.HALL_ID), String.class),
                optional(values.get(ConfigKey.SYNC_REPLACES_KEY), String.class));
    }

    private static <T> Optional<T> optional(Object value, Class<T> type) {
        return ((Optional<?>) value).map(type::cast);
    }

    /** True when {@code server.url} is {@code embedded}: the kiosk runs the hall server itself. */
    public boolean embeddedServer() {
        return serverUrl.isEmpty();
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
            case SERVER_URL -> serverUrl.map(URI::toString).orElse(ConfigValues.EMBEDDED);
            case SYNC_INTERVAL -> Long.toString(syncInterval.toMinutes());
            case SYNC_PUBLIC_KEY -> publicKey.map(Path::toString).orElse("");
            case HALL_ID -> hallId.orElse("");
            case SYNC_REPLACES_KEY -> replacesKey.orElse("");
        };
    }

    public KioskConfig withHallName(String hallName) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault,
                serverUrl, syncInterval, publicKey, hallId, replacesKey);
    }

    public KioskConfig withKioskId(String kioskId) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault,
                serverUrl, syncInterval, publicKey, hallId, replacesKey);
    }

    public KioskConfig withDataDir(Path dataDir) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault,
                serverUrl, syncInterval, publicKey, hallId, replacesKey);
    }

    public KioskConfig withIdleTimeout(Duration idleTimeout) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault,
                serverUrl, syncInterval, publicKey, hallId, replacesKey);
    }

    public KioskConfig withOrientation(Orientation orientation) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault,
                serverUrl, syncInterval, publicKey, hallId, replacesKey);
    }

    public KioskConfig withLanguage(UiLanguage language) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault,
                serverUrl, syncInterval, publicKey, hallId, replacesKey);
    }

    public KioskConfig withElderModeByDefault(boolean elderModeByDefault) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault,
                serverUrl, syncInterval, publicKey, hallId, replacesKey);
    }

    /** Empty for the embedded server. */
    public KioskConfig withServerUrl(Optional<URI> serverUrl) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault,
                serverUrl, syncInterval, publicKey, hallId, replacesKey);
    }

    public KioskConfig withSyncInterval(Duration syncInterval) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault,
                serverUrl, syncInterval, publicKey, hallId, replacesKey);
    }

    public KioskConfig withPublicKey(Optional<Path> publicKey) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault,
                serverUrl, syncInterval, publicKey, hallId, replacesKey);
    }

    public KioskConfig withHallId(Optional<String> hallId) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault,
                serverUrl, syncInterval, publicKey, hallId, replacesKey);
    }

    public KioskConfig withReplacesKey(Optional<String> replacesKey) {
        return new KioskConfig(hallName, kioskId, dataDir, idleTimeout, orientation, language, elderModeByDefault,
                serverUrl, syncInterval, publicKey, hallId, replacesKey);
    }
}
