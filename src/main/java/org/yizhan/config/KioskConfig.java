package org.yizhan.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The kiosk's settings, as read from kiosk.properties by {@link KioskConfigLoader}: one value per
 * {@link ConfigKey}, of the key's type. Immutable.
 *
 * <p>The loader enforces the file's rules (timeout 15–3600 s, kiosk id pattern, writable data dir); this
 * class only refuses what no kiosk could run with, so tests may build one with, say, a two-second timeout:
 * {@code KioskConfig.defaults().with(ConfigKey.IDLE_TIMEOUT, Duration.ofSeconds(2))}.
 */
public final class KioskConfig {

    private final Map<ConfigKey, Object> values;

    private KioskConfig(Map<ConfigKey, Object> values) {
        EnumMap<ConfigKey, Object> copy = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            Object value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("no value for " + key.key());
            }
            if (!key.type().isInstance(value)) {
                throw new IllegalArgumentException(key.key() + " holds a " + key.type().getSimpleName() + ", not "
                        + value.getClass().getSimpleName() + ": " + value);
            }
            copy.put(key, value);
        }
        // As the loader reads it, so that a URL set in a test resolves catalog/index.json the same way.
        copy.put(ConfigKey.SERVER_URL, ((Optional<?>) copy.get(ConfigKey.SERVER_URL)).map(url -> asFolder((URI) url)));
        this.values = Collections.unmodifiableMap(copy);
        refuseWhatNoKioskCanRunWith();
    }

    private void refuseWhatNoKioskCanRunWith() {
        if (hallName().isBlank()) {
            throw new IllegalArgumentException("hallName must not be blank");
        }
        if (kioskId().isBlank()) {
            throw new IllegalArgumentException("kioskId must not be blank");
        }
        if (idleTimeout().isNegative() || idleTimeout().isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout());
        }
        Duration elder = get(ConfigKey.IDLE_TIMEOUT_ELDER, Duration.class);
        if (elder.isNegative() || elder.isZero()) {
            throw new IllegalArgumentException("idleTimeoutElder must be positive: " + elder);
        }
        if (syncInterval().isNegative() || syncInterval().isZero()) {
            throw new IllegalArgumentException("syncInterval must be positive: " + syncInterval());
        }
        hallId().filter(String::isBlank).ifPresent(blank -> {
            throw new IllegalArgumentException("hallId must not be blank; use Optional.empty()");
        });
    }

    private static URI asFolder(URI url) {
        if (!url.isAbsolute() || url.isOpaque() || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("serverUrl must be an absolute URL without query or fragment: " + url);
        }
        return ConfigValues.asFolder(url);
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
                values.put(key, key.parse(key.defaultValue(), userHome, userHome));
            } catch (ConfigValues.InvalidValue e) {
                throw new AssertionError("default of " + key.key() + " is invalid: " + key.defaultValue(), e);
            }
        }
        return of(values);
    }

    /** Builds a config from parsed values, one per {@link ConfigKey}. */
    static KioskConfig of(Map<ConfigKey, Object> values) {
        return new KioskConfig(values);
    }

    /**
     * This config with {@code key} set to {@code value}, of the key's type as its parser reads it (a
     * {@code Duration} for {@code idle.timeout}, an {@code Optional<URI>} for {@code server.url}, empty for
     * {@code embedded}).
     */
    public KioskConfig with(ConfigKey key, Object value) {
        Map<ConfigKey, Object> changed = new EnumMap<>(values);
        changed.put(key, Objects.requireNonNull(value, key.key()));
        return new KioskConfig(changed);
    }

    private <T> T get(ConfigKey key, Class<T> type) {
        return type.cast(values.get(key));
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> optional(ConfigKey key) {
        return (Optional<T>) values.get(key);
    }

    /** {@code hall.name}: shown on the home screen and on tickets. */
    public String hallName() {
        return get(ConfigKey.HALL_NAME, String.class);
    }

    /** {@code kiosk.id}: tells the kiosks of one hall apart. */
    public String kioskId() {
        return get(ConfigKey.KIOSK_ID, String.class);
    }

    /** {@code data.dir}: absolute once loaded; the loader has created it and checked it is writable. */
    public Path dataDir() {
        return get(ConfigKey.DATA_DIR, Path.class);
    }

    /** {@code idle.timeout}: back to the home screen after this long without a touch. */
    public Duration idleTimeout() {
        return get(ConfigKey.IDLE_TIMEOUT, Duration.class);
    }

    /**
     * {@code idle.timeout.elder}: as {@link #idleTimeout()} while elder mode is on, never shorter than it (a value
     * below {@code idle.timeout} is raised to it).
     */
    public Duration idleTimeoutElder() {
        Duration elder = get(ConfigKey.IDLE_TIMEOUT_ELDER, Duration.class);
        return elder.compareTo(idleTimeout()) < 0 ? idleTimeout() : elder;
    }

    public Orientation orientation() {
        return get(ConfigKey.DISPLAY_ORIENTATION, Orientation.class);
    }

    public UiLanguage language() {
        return get(ConfigKey.UI_LANGUAGE, UiLanguage.class);
    }

    /** {@code ui.elder.default}: elder mode is on whenever the kiosk returns home. */
    public boolean elderModeByDefault() {
        return get(ConfigKey.UI_ELDER_DEFAULT, Boolean.class);
    }

    /**
     * {@code server.url}: empty for {@code embedded}; otherwise a URL whose path ends with {@code /}, against
     * which {@code catalog/index.json} is resolved.
     */
    public Optional<URI> serverUrl() {
        return optional(ConfigKey.SERVER_URL);
    }

    /** True when {@code server.url} is {@code embedded}: the kiosk runs the hall server itself. */
    public boolean embeddedServer() {
        return serverUrl().isEmpty();
    }

    /** {@code sync.interval}: time between catalog checks, before jitter. */
    public Duration syncInterval() {
        return get(ConfigKey.SYNC_INTERVAL, Duration.class);
    }

    /**
     * {@code sync.public-key}: absolute once loaded, and then a readable file; empty only when the loader found
     * {@code server.url} to be {@code embedded}.
     */
    public Optional<Path> publicKey() {
        return optional(ConfigKey.SYNC_PUBLIC_KEY);
    }

    /** {@code server.ca}: the CA file to trust the hall server's certificate by (absolute once loaded). */
    public Optional<Path> serverCa() {
        return optional(ConfigKey.SERVER_CA);
    }

    /** {@code server.pin}: the hall server certificate's SHA-256, 64 lower-case hex digits. */
    public Optional<String> serverPin() {
        return optional(ConfigKey.SERVER_PIN);
    }

    /** {@code hall.id}: empty accepts bundles for any hall. */
    public Optional<String> hallId() {
        return optional(ConfigKey.HALL_ID);
    }

    /**
     * {@code sync.replaces-key}: the key id (lower case) of a publisher whose catalog the key of
     * {@code sync.public-key} may replace; empty if no change is confirmed.
     */
    public Optional<String> replacesKey() {
        return optional(ConfigKey.SYNC_REPLACES_KEY);
    }

    /** {@code hall.secret}: sent to the hall server with writes; never shown or logged. */
    public Optional<String> hallSecret() {
        return optional(ConfigKey.HALL_SECRET);
    }

    public PrinterType printerType() {
        return get(ConfigKey.PRINTER_TYPE, PrinterType.class);
    }

    /** {@code printer.address}: host:port or a device path, as {@link #printerType()} needs; checked by the loader. */
    public Optional<String> printerAddress() {
        return optional(ConfigKey.PRINTER_ADDRESS);
    }

    /** {@code printer.paper}: 58 or 80 (mm). */
    public int paperMillimetres() {
        return get(ConfigKey.PRINTER_PAPER, Integer.class);
    }

    /** {@code ticket.on-screen}: with no printer, whether a number may be shown on screen only. */
    public boolean ticketOnScreen() {
        return get(ConfigKey.TICKET_ON_SCREEN, Boolean.class);
    }

    /** {@code ticket.public-url}: the server's address for phones; empty means server.url. */
    public Optional<URI> ticketPublicUrl() {
        return optional(ConfigKey.TICKET_PUBLIC_URL);
    }

    /** {@code search.everyday-words}: the hall's own words file, absolute; empty for the shipped dictionary only. */
    public Optional<Path> everydayWords() {
        return optional(ConfigKey.SEARCH_EVERYDAY_WORDS);
    }

    public int outboxMaxMessages() {
        return get(ConfigKey.OUTBOX_MAX_MESSAGES, Integer.class);
    }

    /** {@code technician.pin}: the hash of the technician panel's PIN; empty for no panel. */
    public Optional<PinHash> technicianPin() {
        Optional<String> hash = optional(ConfigKey.TECHNICIAN_PIN);
        return hash.flatMap(PinHash::parse);
    }

    /** {@code speech.engine}: which engine reads a screen aloud, or none. */
    public SpeechChoice speechEngine() {
        return get(ConfigKey.SPEECH_ENGINE, SpeechChoice.class);
    }

    /** {@code speech.rate}: per cent of the engine's normal speed. */
    public int speechRatePercent() {
        return get(ConfigKey.SPEECH_RATE, Integer.class);
    }

    /** {@code speech.traditional}: Cantonese or Mandarin for the 繁體 screens. */
    public TraditionalVoice speechTraditional() {
        return get(ConfigKey.SPEECH_TRADITIONAL, TraditionalVoice.class);
    }

    /** The keys whose values differ in {@code other}, in the file's order. */
    public List<ConfigKey> changedIn(KioskConfig other) {
        List<ConfigKey> changed = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            if (!Objects.equals(values.get(key), other.values.get(key))) {
                changed.add(key);
            }
        }
        return changed;
    }

    /** {@code log.max-file-size}: megabytes a log file grows to before the next one begins. */
    public int logMaxFileMegabytes() {
        return get(ConfigKey.LOG_MAX_FILE_SIZE, Integer.class);
    }

    /** {@code log.keep-days}: days a log file is kept. */
    public int logKeepDays() {
        return get(ConfigKey.LOG_KEEP_DAYS, Integer.class);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KioskConfig that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        Map<ConfigKey, Object> shown = new EnumMap<>(values);
        shown.computeIfPresent(ConfigKey.HALL_SECRET, (k, v) -> ((Optional<?>) v).map(secret -> "(hidden)"));
        shown.computeIfPresent(ConfigKey.TECHNICIAN_PIN, (k, v) -> ((Optional<?>) v).map(pin -> "(hidden)"));
        return "KioskConfig" + shown;
    }
}
