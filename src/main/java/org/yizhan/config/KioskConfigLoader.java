package org.yizhan.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Reads and checks kiosk.properties. The file is read as bytes and decoded strictly as UTF-8 (never as
 * ISO-8859-1, which {@link Properties#load(java.io.InputStream)} would use and which garbles Chinese), then
 * read by {@link Properties#load(java.io.Reader)}.
 *
 * <p>Everything wrong is collected and thrown at once as a {@link ConfigException}; what is only
 * doubtful (a BOM, a duplicate key, a key from a newer version) comes back as a warning in
 * {@link LoadedConfig#warnings()}.
 */
public final class KioskConfigLoader {

    /** The file the kiosk reads when no {@code --config FILE} is given, relative to the working directory. */
    public static final Path DEFAULT_FILE = Path.of("kiosk.properties");

    private KioskConfigLoader() {
    }

    /**
     * Reads, checks and applies {@code file}; creates the data directory if it is missing.
     *
     * @throws ConfigException with every problem found; {@link ConfigException#fileMissing()} when the file
     *                         does not exist
     */
    public static LoadedConfig load(Path file) throws ConfigException {
        return load(file, userHome());
    }

    /** As {@link #load(Path)}, with {@code ${user.home}} standing for {@code userHome}. */
    public static LoadedConfig load(Path file, Path userHome) throws ConfigException {
        String name = ConfigException.fileName(file);
        byte[] bytes = read(file);
        PropertiesFile.Decoded decoded = PropertiesFile.decode(bytes, name);
        if (!decoded.problems().isEmpty()) {
            throw new ConfigException(file, decoded.problems());
        }
        List<String> warnings = new ArrayList<>();
        if (decoded.byteOrderMark()) {
            warnings.add(name + " starts with a byte-order mark (BOM); it was read correctly, but save it as "
                    + "UTF-8 without BOM");
        }
        List<ConfigProblem> problems = new ArrayList<>();
        List<PropertiesFile.Entry> entries = PropertiesFile.scan(decoded.text(), problems);
        return apply(file, latestPerKey(entries, name, warnings), userHome, warnings, problems);
    }

    /**
     * As {@link #load(Path)}, but a missing file means the defaults (with a warning saying so); for the
     * default location, where having no file is normal on a first run. An explicit {@code --config FILE}
     * should use {@link #load(Path)}, so that a mistyped name is not silently ignored.
     */
    public static LoadedConfig loadOrDefaults(Path file) throws ConfigException {
        return loadOrDefaults(file, userHome());
    }

    /** As {@link #loadOrDefaults(Path)}, with {@code ${user.home}} standing for {@code userHome}. */
    public static LoadedConfig loadOrDefaults(Path file, Path userHome) throws ConfigException {
        if (Files.exists(file)) {
            return load(file, userHome);
        }
        List<String> warnings = new ArrayList<>();
        warnings.add("no " + ConfigException.fileName(file) + " at " + file.toAbsolutePath()
                + "; using the built-in defaults");
        return apply(file, Map.of(), userHome, warnings, new ArrayList<>());
    }

    private static Path userHome() {
        return Path.of(System.getProperty("user.home"));
    }

    private static byte[] read(Path file) throws ConfigException {
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(file, List.of(ConfigProblem.ofFile(
                        file.toAbsolutePath() + " is a directory, not a file")));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, List.of(ConfigProblem.ofFile(
                    "file not found; looked for " + file.toAbsolutePath())), true);
        } catch (AccessDeniedException e) {
            throw new ConfigException(file, List.of(ConfigProblem.ofFile(
                    "no permission to read " + file.toAbsolutePath())));
        } catch (IOException e) {
            throw new ConfigException(file, List.of(ConfigProblem.ofFile(
                    "cannot read " + file.toAbsolutePath() + " (" + e + ")")));
        }
    }

    /** The entry that counts for each key (the last, as in Properties), warning about keys set twice. */
    private static Map<String, PropertiesFile.Entry> latestPerKey(
            List<PropertiesFile.Entry> entries, String name, List<String> warnings) {
        Map<String, List<PropertiesFile.Entry>> byKey = new LinkedHashMap<>();
        for (PropertiesFile.Entry entry : entries) {
            byKey.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry);
        }
        Map<String, PropertiesFile.Entry> latest = new LinkedHashMap<>();
        for (Map.Entry<String, List<PropertiesFile.Entry>> e : byKey.entrySet()) {
            List<PropertiesFile.Entry> all = e.getValue();
            PropertiesFile.Entry last = all.get(all.size() - 1);
            latest.put(e.getKey(), last);
            if (all.size() > 1) {
                String lines = all.stream().map(x -> Integer.toString(x.line())).collect(Collectors.joining(", "));
                warnings.add(name + ": \"" + e.getKey() + "\" is set " + all.size() + " times (lines " + lines
                        + "); the last one wins: line " + last.line() + ", \"" + last.value().strip() + "\"");
            }
        }
        return latest;
    }

    private static LoadedConfig apply(Path file, Map<String, PropertiesFile.Entry> entries, Path userHome,
                                      List<String> warnings, List<ConfigProblem> problems) throws ConfigException {
        String name = ConfigException.fileName(file);
        Path baseDir = file.toAbsolutePath().getParent();
        Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);

        List<PropertiesFile.Entry> inFileOrder = new ArrayList<>(entries.values());
        inFileOrder.sort((a, b) -> Integer.compare(a.line(), b.line()));
        for (PropertiesFile.Entry entry : inFileOrder) {
            String value = entry.value().strip();
            ConfigKey key = ConfigKey.byKey(entry.key()).orElse(null);
            if (key == null) {
                unknownKey(entry, name, warnings, problems);
                continue;
            }
            if (isPath(key) && hasStrayBackslash(entry.rawValue())) {
                String suggestion = entry.rawValue().strip().replace("\\\\", "/").replace('\\', '/');
                problems.add(new ConfigProblem(key.key(), entry.rawValue().strip(), key.expectedWithDefault()
                        + "; a single \\ in this file is an escape character, so write the path with / ("
                        + suggestion + ") or with \\\\"));
                continue;
            }
            try {
                values.put(key, ConfigValues.parse(key, value, baseDir, userHome));
            } catch (ConfigValues.InvalidValue e) {
                problems.add(new ConfigProblem(key.key(), value, withDetail(key.expectedWithDefault(), e.detail)));
                continue;
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                warnings.add(name + ": the value of " + key.key() + " is in quotes (line " + entry.line()
                        + "); the quotes are part of the value — remove them unless they are meant");
            }
            if (key == ConfigKey.DATA_DIR) {
                dataDirProblem((Path) values.get(key), value).ifPresent(problems::add);
            }
            if (key == ConfigKey.SYNC_PUBLIC_KEY && values.get(key) instanceof Optional<?> keyFile
                    && keyFile.isPresent()) {
                publicKeyProblem((Path) keyFile.get(), value).ifPresent(problems::add);
            }
        }

        for (ConfigKey key : ConfigKey.values()) {
            if (!values.containsKey(key) && !entries.containsKey(key.key())) {
                try {
                    values.put(key, ConfigValues.parse(key, key.defaultValue(), baseDir, userHome));
                } catch (ConfigValues.InvalidValue e) {
                    throw new AssertionError("default of " + key.key() + " is invalid", e);
                }
                if (key == ConfigKey.DATA_DIR) {
                    dataDirProblem((Path) values.get(key), key.defaultValue()).ifPresent(problems::add);
                }
            }
        }

        publicKeyRequired(values).ifPresent(problems::add);

        if (!problems.isEmpty()) {
            throw new ConfigException(file, problems);
        }
        return new LoadedConfig(KioskConfig.of(values), warnings);
    }

    private static boolean isPath(ConfigKey key) {
        return key == ConfigKey.DATA_DIR || key == ConfigKey.SYNC_PUBLIC_KEY;
    }

    /**
     * Only the embedded server may do without {@code sync.public-key}: it signs with a key the kiosk makes
     * for itself. Checked only when both keys have a value, so one mistake is not reported twice.
     */
    private static Optional<ConfigProblem> publicKeyRequired(Map<ConfigKey, Object> values) {
        Optional<?> server = (Optional<?>) values.get(ConfigKey.SERVER_URL);
        Optional<?> publicKey = (Optional<?>) values.get(ConfigKey.SYNC_PUBLIC_KEY);
        if (server == null || publicKey == null || server.isEmpty() || publicKey.isPresent()) {
            return Optional.empty();
        }
        ConfigKey key = ConfigKey.SYNC_PUBLIC_KEY;
        return Optional.of(new ConfigProblem(key.key(), "", key.expectedWithDefault()
                + ", but it is required when server.url is not embedded (server.url is " + server.get() + ")"));
    }

    /** Checks that the key file is there to read; what it holds is the sync code's business. */
    private static Optional<ConfigProblem> publicKeyProblem(Path file, String value) {
        String why;
        if (Files.isRegularFile(file)) {
            why = Files.isReadable(file) ? null : file + " is not readable (no permission)";
        } else if (Files.isDirectory(file)) {
            why = file + " is a directory, not a file";
        } else if (Files.exists(file)) {
            why = file + " is not a regular file";
        } else {
            why = file + " does not exist";
        }
        if (why == null) {
            return Optional.empty();
        }
        return Optional.of(new ConfigProblem(ConfigKey.SYNC_PUBLIC_KEY.key(), value,
                ConfigKey.SYNC_PUBLIC_KEY.expectedWithDefault() + ", but " + why));
    }

    private static void unknownKey(PropertiesFile.Entry entry, String name, List<String> warnings,
                                   List<ConfigProblem> problems) {
        ConfigKey.suggestionFor(entry.key()).ifPresentOrElse(
                meant -> problems.add(new ConfigProblem(entry.key(), entry.value().strip(),
                        "did you mean \"" + meant.key() + "\"?")),
                () -> warnings.add(name + ": unknown key \"" + entry.key() + "\" on line " + entry.line()
                        + " is ignored (it may belong to a newer version of Yizhan)"));
    }

    private static String withDetail(String expected, String detail) {
        return detail.isEmpty() ? expected : expected + ", " + detail;
    }

    /**
     * A backslash that {@link Properties} would swallow or turn into a tab or newline, as in a Windows path
     * {@code D:\yizhan}. {@code \\}, {@code \\uXXXX} and escaped separators are deliberate.
     */
    static boolean hasStrayBackslash(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) != '\\') {
                continue;
            }
            if (i + 1 == raw.length() || "\\u :=#!".indexOf(raw.charAt(i + 1)) < 0) {
                return true;
            }
            i++;
        }
        return false;
    }

    /** Creates {@code dir} if it is missing and checks that it is a writable directory. */
    private static Optional<ConfigProblem> dataDirProblem(Path dir, String value) {
        String why = null;
        if (Files.isDirectory(dir)) {
            why = unwritable(dir);
        } else if (Files.exists(dir)) {
            why = dir + " is a file, not a directory";
        } else {
            try {
                Files.createDirectories(dir);
                why = unwritable(dir);
            } catch (IOException e) {
                why = dir + " cannot be created: " + reason(dir, e);
            }
        }
        if (why == null) {
            return Optional.empty();
        }
        return Optional.of(new ConfigProblem(ConfigKey.DATA_DIR.key(), value,
                ConfigKey.DATA_DIR.expectedWithDefault() + ", but " + why));
    }

    private static String unwritable(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".yizhan-write-check", ".tmp");
            Files.delete(probe);
            return null;
        } catch (IOException e) {
            return dir + " is not writable (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Why a directory could not be created, in the terms of the nearest part of the path that exists. */
    private static String reason(Path dir, IOException e) {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                return Files.isWritable(p) ? String.valueOf(e.getMessage()) : "no permission to create folders in " + p;
            }
            if (Files.exists(p)) {
                return p + " is a file, not a directory";
            }
        }
        return String.valueOf(e.getMessage());
    }
}
