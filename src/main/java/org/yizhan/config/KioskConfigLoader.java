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
        return load(file, userHome, Disk.REAL);
    }

    /** As {@link #load(Path, Path)}, asking {@code disk} whether data.dir can be written and has room. */
    public static LoadedConfig load(Path file, Path userHome, Disk disk) throws ConfigException {
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
        return apply(file, latestPerKey(entries, name, warnings), userHome, disk, warnings, problems);
    }

    private static Path userHome() {
        return Path.of(System.getProperty("user.home"));
    }

    private static byte[] read(Path file) throws ConfigException {
        Path absolute = file.toAbsolutePath();
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(file, List.of(ConfigProblem.ofFile(
                        absolute + " is a directory, not a file",
                        absolute + " 是文件夹，不是配置文件")));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, List.of(ConfigProblem.ofFile(
                    "file not found; looked for " + absolute + ". Copy the kiosk.properties shipped with Yizhan there"
                            + " and set hall.name, kiosk.id and server.url, or name the file with --config FILE or the "
                            + "environment variable " + ConfigPath.ENVIRONMENT_VARIABLE,
                    "找不到配置文件 " + absolute + "。请把 Yizhan 附带的 kiosk.properties 复制到这里，填写 hall.name、"
                            + "kiosk.id 和 server.url；或用 --config 或环境变量 " + ConfigPath.ENVIRONMENT_VARIABLE
                            + " 指定配置文件")), true);
        } catch (AccessDeniedException e) {
            throw new ConfigException(file, List.of(ConfigProblem.ofFile(
                    "no permission to read " + absolute,
                    "没有读取 " + absolute + " 的权限")));
        } catch (IOException e) {
            throw new ConfigException(file, List.of(ConfigProblem.ofFile(
                    "cannot read " + absolute + " (" + e + ")",
                    "无法读取 " + absolute + "（" + e.getClass().getSimpleName() + "）")));
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

    private static LoadedConfig apply(Path file, Map<String, PropertiesFile.Entry> entries, Path userHome, Disk disk,
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
                        + suggestion + ") or with \\\\", key.expectedWithDefaultZh()
                        + "；本文件中单个反斜杠 \\ 是转义符，请把路径写成 " + suggestion + "（用 /），或写两个反斜杠 \\\\"));
                continue;
            }
            try {
                values.put(key, key.parse(value, baseDir, userHome));
            } catch (ConfigValues.InvalidValue e) {
                // A secret is not repeated on a page any passer-by may see over the technician's shoulder.
                String shown = key == ConfigKey.HALL_SECRET || key == ConfigKey.TECHNICIAN_PIN ? HIDDEN : value;
                problems.add(new ConfigProblem(key.key(), shown, withDetail(key.expectedWithDefault(), e.detail),
                        withDetailZh(key.expectedWithDefaultZh(), e.detailZh)));
                continue;
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                warnings.add(name + ": the value of " + key.key() + " is in quotes (line " + entry.line()
                        + "); the quotes are part of the value — remove them unless they are meant");
            }
            if (key == ConfigKey.DATA_DIR) {
                dataDirProblem((Path) values.get(key), value, disk).ifPresent(problems::add);
            }
            if ((key == ConfigKey.SYNC_PUBLIC_KEY || key == ConfigKey.SERVER_CA)
                    && values.get(key) instanceof Optional<?> keyFile && keyFile.isPresent()) {
                fileProblem(key, (Path) keyFile.get(), value).ifPresent(problems::add);
            }
        }

        boolean anyKnownKey = entries.keySet().stream().anyMatch(k -> ConfigKey.byKey(k).isPresent());
        // A line that could not be read at all may be the one that sets a required key: that card says enough.
        boolean unreadableLine = problems.stream().anyMatch(ConfigProblem::concernsFile);
        if (!anyKnownKey && problems.isEmpty()) {
            // Empty, cut off before its first key, or not a kiosk.properties at all: one card, not one per key.
            problems.add(ConfigProblem.ofFile(
                    "the file sets no keys at all (is it empty, cut short, or the wrong file?); start from the "
                            + "kiosk.properties shipped with Yizhan and set at least " + requiredKeys(),
                    "配置文件中没有任何配置项（文件是空的、不完整，还是放错了文件？）。请以 Yizhan 附带的 kiosk.properties "
                            + "为基础，至少填写 " + requiredKeys()));
        }
        for (ConfigKey key : ConfigKey.values()) {
            if (!values.containsKey(key) && !entries.containsKey(key.key())) {
                if (key.required()) {
                    if (anyKnownKey && !unreadableLine) {
                        problems.add(new ConfigProblem(key.key(), "",
                                key.expectedWithDefault() + ", but the file does not set it (e.g. " + key.key() + "="
                                        + key.defaultValue() + ")",
                                key.expectedWithDefaultZh() + "，但文件中没有这一项（例如 " + key.key() + "="
                                        + key.defaultValue() + "）"));
                    }
                    continue;
                }
                try {
                    values.put(key, key.parse(key.defaultValue(), baseDir, userHome));
                } catch (ConfigValues.InvalidValue e) {
                    throw new AssertionError("default of " + key.key() + " is invalid", e);
                }
                if (key == ConfigKey.DATA_DIR) {
                    dataDirProblem((Path) values.get(key), key.defaultValue(), disk).ifPresent(problems::add);
                }
            }
        }

        publicKeyRequired(values).ifPresent(problems::add);
        oneTrust(values).ifPresent(problems::add);
        printerAddressProblem(values).ifPresent(problems::add);

        if (!problems.isEmpty()) {
            throw new ConfigException(file, problems);
        }
        return new LoadedConfig(KioskConfig.of(values), warnings);
    }

    private static boolean isPath(ConfigKey key) {
        return key == ConfigKey.DATA_DIR || key == ConfigKey.SYNC_PUBLIC_KEY || key == ConfigKey.SERVER_CA;
    }

    private static String requiredKeys() {
        return java.util.Arrays.stream(ConfigKey.values()).filter(ConfigKey::required).map(ConfigKey::key)
                .collect(Collectors.joining(", "));
    }

    /** {@code server.ca} or {@code server.pin}: two ways to say which certificate to trust cannot both be meant. */
    private static Optional<ConfigProblem> oneTrust(Map<ConfigKey, Object> values) {
        Optional<?> ca = (Optional<?>) values.get(ConfigKey.SERVER_CA);
        Optional<?> pin = (Optional<?>) values.get(ConfigKey.SERVER_PIN);
        if (ca == null || pin == null || ca.isEmpty() || pin.isEmpty()) {
            return Optional.empty();
        }
        ConfigKey key = ConfigKey.SERVER_PIN;
        return Optional.of(new ConfigProblem(key.key(), (String) pin.get(), key.expectedWithDefault()
                + ", but server.ca is set too; keep the one this hall uses and empty the other",
                key.expectedWithDefaultZh() + "；但 server.ca 也已填写，请只保留本大厅所用的一项"));
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
                + ", but it is required when server.url is not embedded (server.url is " + server.get() + ")",
                key.expectedWithDefaultZh() + "；server.url 不是 embedded（现为 " + server.get() + "）时必须填写"));
    }

    /**
     * {@code printer.address} must say what {@code printer.type} needs: host:port for a network printer, a
     * device for an attached one, nothing otherwise (an address left behind there would mislead whoever
     * looks for the printer).
     */
    private static Optional<ConfigProblem> printerAddressProblem(Map<ConfigKey, Object> values) {
        if (!(values.get(ConfigKey.PRINTER_TYPE) instanceof PrinterType type)
                || !(values.get(ConfigKey.PRINTER_ADDRESS) instanceof Optional<?> address)) {
            return Optional.empty();
        }
        ConfigKey key = ConfigKey.PRINTER_ADDRESS;
        String value = address.map(Object::toString).orElse("");
        String why = null;
        String whyZh = null;
        switch (type) {
            case ESCPOS_TCP -> {
                if (value.isEmpty()) {
                    why = "but printer.type is escpos-tcp, which needs the printer's host:port";
                    whyZh = "但 printer.type 为 escpos-tcp，须填写打印机的 主机:端口";
                } else if (!HOST_PORT.matcher(value).matches() || !portInRange(value)) {
                    why = "but \"" + value + "\" is not host:port (e.g. 10.1.2.30:9100)";
                    whyZh = "但 printer.type 为 escpos-tcp，“" + value + "”不是 主机:端口 的写法（如 10.1.2.30:9100）";
                }
            }
            case ESCPOS_DEVICE -> {
                if (value.isEmpty()) {
                    why = "but printer.type is escpos-device, which needs the device file (e.g. /dev/usb/lp0)";
                    whyZh = "但 printer.type 为 escpos-device，须填写设备文件（如 /dev/usb/lp0）";
                }
            }
            case SYSTEM, NONE -> {
                if (!value.isEmpty()) {
                    why = "but printer.type is " + type.value() + ", which uses no address; empty it or set printer.type";
                    whyZh = "但 printer.type 为 " + type.value() + "，不用地址；请清空本项，或改 printer.type";
                }
            }
        }
        return why == null ? Optional.empty() : Optional.of(new ConfigProblem(key.key(), value,
                key.expectedWithDefault() + ", " + why, key.expectedWithDefaultZh() + "，" + whyZh));
    }

    private static final java.util.regex.Pattern HOST_PORT =
            java.util.regex.Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?");
    private static final String HIDDEN = "（已隐藏）";

    private static boolean portInRange(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.endsWith("]")) {
            return true;
        }
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        return port >= 1 && port <= 65535;
    }

    /** Checks that the key file is there to read; what it holds is the sync code's business. */
    private static Optional<ConfigProblem> fileProblem(ConfigKey key, Path file, String value) {
        String why;
        String whyZh;
        if (Files.isRegularFile(file)) {
            why = Files.isReadable(file) ? null : file + " is not readable (no permission)";
            whyZh = file + " 没有读取权限";
        } else if (Files.isDirectory(file)) {
            why = file + " is a directory, not a file";
            whyZh = file + " 是文件夹，不是文件";
        } else if (Files.exists(file)) {
            why = file + " is not a regular file";
            whyZh = file + " 不是普通文件";
        } else {
            why = file + " does not exist";
            whyZh = file + " 不存在";
        }
        if (why == null) {
            return Optional.empty();
        }
        return Optional.of(new ConfigProblem(key.key(), value, key.expectedWithDefault() + ", but " + why,
                key.expectedWithDefaultZh() + "，但 " + whyZh));
    }

    /** Keys an earlier version read, and where what they set went. */
    private static final java.util.Map<String, String> RETIRED = java.util.Map.of(
            "queue.max-tickets-per-minute", "the hall sets how many numbers a kiosk gives in a minute, for all its "
                    + "kiosks, as ticketsPerKioskPerMinute in the hall server's queues.json (docs/queues.md)");

    private static void unknownKey(PropertiesFile.Entry entry, String name, List<String> warnings,
                                   List<ConfigProblem> problems) {
        String retired = RETIRED.get(entry.key().strip().toLowerCase(java.util.Locale.ROOT));
        if (retired != null) {
            warnings.add(name + ": \"" + entry.key() + "\" on line " + entry.line() + " is no longer read: " + retired);
            return;
        }
        ConfigKey.suggestionFor(entry.key()).ifPresentOrElse(
                meant -> problems.add(new ConfigProblem(entry.key(), entry.value().strip(),
                        "did you mean \"" + meant.key() + "\"?",
                        "没有这个配置项，是否应为“" + meant.key() + "”？")),
                () -> warnings.add(name + ": unknown key \"" + entry.key() + "\" on line " + entry.line()
                        + " is ignored (it may belong to a newer version of Yizhan)"));
    }

    private static String withDetail(String expected, String detail) {
        return detail.isEmpty() ? expected : expected + ", " + detail;
    }

    private static String withDetailZh(String expected, String detail) {
        return detail.isEmpty() ? expected : expected + "，" + detail;
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

    /** Why a path cannot serve, in English and in Chinese. */
    private record Why(String en, String zh) {
    }

    /**
     * The folders the kiosk keeps in data.dir (its catalog cache, the sync's last good bundle, the logs, the
     * embedded server's data): each must be a writable folder if it is there. Kept in step with
     * {@code app.CatalogSetup} and {@code app.LogFiles} by a test.
     */
    public static final List<String> DATA_FOLDERS = List.of("catalog", "sync", "logs", "embedded-server");

    /**
     * Creates {@code dir} if it is missing and checks that it and its {@link #DATA_FOLDERS} are writable
     * directories with at least {@link Disk#MIN_FREE_BYTES} free.
     */
    private static Optional<ConfigProblem> dataDirProblem(Path dir, String value, Disk disk) {
        Why why;
        if (Files.isDirectory(dir)) {
            why = unwritable(dir, disk);
        } else if (Files.exists(dir)) {
            why = new Why(dir + " is a file, not a directory; move the file away or give another data.dir",
                    dir + " 是文件，不是文件夹；请移走该文件，或另填 data.dir");
        } else {
            try {
                Files.createDirectories(dir);
                why = unwritable(dir, disk);
            } catch (IOException e) {
                Why reason = reason(dir, e);
                why = new Why(dir + " cannot be created: " + reason.en(), dir + " 无法创建：" + reason.zh());
            }
        }
        for (int i = 0; why == null && i < DATA_FOLDERS.size(); i++) {
            why = folderProblem(dir.resolve(DATA_FOLDERS.get(i)), disk);
        }
        if (why == null) {
            why = tooFull(dir, disk);
        }
        if (why == null) {
            return Optional.empty();
        }
        ConfigKey key = ConfigKey.DATA_DIR;
        return Optional.of(new ConfigProblem(key.key(), value, key.expectedWithDefault() + ", but " + why.en(),
                key.expectedWithDefaultZh() + "，但 " + why.zh()));
    }

    /** A folder the kiosk keeps in data.dir: missing is fine (it is made when needed), a file or read-only is not. */
    private static Why folderProblem(Path folder, Disk disk) {
        if (Files.isDirectory(folder)) {
            return unwritable(folder, disk);
        }
        if (Files.exists(folder)) {
            return new Why(folder + " is a file where the kiosk keeps a folder; move the file away",
                    folder + " 是文件，而终端要在这里建文件夹；请移走该文件");
        }
        return null;
    }

    private static Why tooFull(Path dir, Disk disk) {
        long free;
        try {
            free = disk.usableBytes(dir);
        } catch (IOException e) {
            return null; // a disk that does not say how full it is: the write probe has passed
        }
        if (free >= Disk.MIN_FREE_BYTES) {
            return null;
        }
        String need = Disk.megabytes(Disk.MIN_FREE_BYTES);
        return new Why("the disk is full: only " + Disk.megabytes(free) + " free in " + dir + ", and the kiosk needs at "
                + "least " + need + "; free some space on that disk or give another data.dir",
                "磁盘已满：" + dir + " 所在磁盘只剩 " + Disk.megabytes(free) + "，终端至少需要 " + need
                        + "；请清理该磁盘，或另填 data.dir");
    }

    private static Why unwritable(Path dir, Disk disk) {
        try {
            disk.probeWrite(dir);
            return null;
        } catch (IOException e) {
            return new Why(dir + " is not writable (" + e.getClass().getSimpleName() + "); let the kiosk's user write "
                    + "there or give another data.dir",
                    dir + " 不可写（没有写入权限或磁盘只读）；请给终端的运行账户写入权限，或另填 data.dir");
        }
    }

    /** Why a directory could not be created, in the terms of the nearest part of the path that exists. */
    private static Why reason(Path dir, IOException e) {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                return Files.isWritable(p)
                        ? new Why(String.valueOf(e.getMessage()), String.valueOf(e.getMessage()))
                        : new Why("no permission to create folders in " + p, "没有在 " + p + " 中创建文件夹的权限");
            }
            if (Files.exists(p)) {
                return new Why(p + " is a file, not a directory", p + " 是文件，不是文件夹");
            }
        }
        return new Why(String.valueOf(e.getMessage()), String.valueOf(e.getMessage()));
    }
}
