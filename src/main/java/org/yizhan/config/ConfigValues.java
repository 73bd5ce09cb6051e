package org.yizhan.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns the text of one value into what {@link KioskConfig} holds: the parsers the keys of {@link ConfigKey} name. */
final class ConfigValues {

    static final int HALL_NAME_MAX = 40;
    /** No shorter than the idle countdown (ui.IdleCountdown.WARNING_SECONDS): the citizen gets its 20 s to stay. */
    static final int IDLE_TIMEOUT_MIN = 20;
    static final int IDLE_TIMEOUT_MAX = 3600;
    static final int SYNC_INTERVAL_MIN = 1;
    static final int SYNC_INTERVAL_MAX = 1440;
    static final int LOG_FILE_MB_MIN = 1;
    static final int LOG_FILE_MB_MAX = 1000;
    static final int LOG_DAYS_MIN = 1;
    static final int LOG_DAYS_MAX = 365;
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final Pattern KEY_ID = Pattern.compile("[0-9A-Fa-f]{16}");
    static final String USER_HOME = "${user.home}";
    static final String EMBEDDED = "embedded";

    private ConfigValues() {
    }

    /** A value that does not fit; {@code detail} and {@code detailZh} (may be empty) follow the expectation. */
    static final class InvalidValue extends Exception {
        final String detail;
        final String detailZh;

        InvalidValue(String detail, String detailZh) {
            super(detail, null, false, false);
            this.detail = detail;
            this.detailZh = detailZh;
        }

        InvalidValue() {
            this("", "");
        }
    }

    /** Reads one key's trimmed value: what {@link KioskConfig} holds for it. Pure: touches no file. */
    @FunctionalInterface
    interface Parser {
        /**
         * @param baseDir  the folder relative paths are resolved against (the folder of kiosk.properties)
         * @param userHome what {@code ${user.home}} stands for
         */
        Object parse(String value, Path baseDir, Path userHome) throws InvalidValue;
    }

    /** A parser of a value that names no path. */
    @FunctionalInterface
    interface TextParser {
        Object parse(String value) throws InvalidValue;
    }

    static Parser text(TextParser parser) {
        return (value, baseDir, userHome) -> parser.parse(value);
    }

    /** An optional value: empty text is {@code Optional.empty()}, anything else goes to {@code parser}. */
    static Parser optional(Parser parser) {
        return (value, baseDir, userHome) -> value.isEmpty()
                ? Optional.empty() : Optional.of(parser.parse(value, baseDir, userHome));
    }

    /** A PIN's hash as {@code hash-pin} prints it; a PIN itself is refused, saying how to make the hash. */
    static String pinHash(String value) throws InvalidValue {
        if (PinHash.parse(value).isPresent()) {
            return value;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            throw new InvalidValue("but it is a plain PIN: run java -jar target/yizhan.jar hash-pin and paste the line it "
                    + "prints instead", "但这是明文 PIN：请运行 java -jar target/yizhan.jar hash-pin，粘贴它打印的一行");
        }
        throw new InvalidValue();
    }

    static Duration seconds(String value) throws InvalidValue {
        return Duration.ofSeconds(wholeNumber(value, IDLE_TIMEOUT_MIN, IDLE_TIMEOUT_MAX));
    }

    static Duration minutes(String value) throws InvalidValue {
        return Duration.ofMinutes(wholeNumber(value, SYNC_INTERVAL_MIN, SYNC_INTERVAL_MAX));
    }

    static Orientation orientation(String value) throws InvalidValue {
        return Orientation.parse(value).orElseThrow(InvalidValue::new);
    }

    static UiLanguage language(String value) throws InvalidValue {
        return UiLanguage.parse(value).orElseThrow(InvalidValue::new);
    }

    static String hallName(String value) throws InvalidValue {
        if (value.isBlank()) {
            throw new InvalidValue();
        }
        int length = value.codePointCount(0, value.length());
        if (length > HALL_NAME_MAX) {
            throw new InvalidValue("but it has " + length + " characters", "但现在有 " + length + " 个字");
        }
        return value;
    }

    /** As {@code kiosk.id} and {@code hall.id} write an id. */
    static String id(String value) throws InvalidValue {
        if (!ID.matcher(value).matches()) {
            throw new InvalidValue();
        }
        return value;
    }

    /** A certificate's SHA-256 fingerprint, as openssl prints it (colons, any case): 64 lower-case hex digits. */
    static String fingerprint(String value) throws InvalidValue {
        String hex = value.replace(":", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new InvalidValue("but it has " + hex.length() + " characters once colons are taken out, or not only hex digits",
                    "但去掉冒号后有 " + hex.length() + " 个字符，或含非十六进制字符");
        }
        return hex;
    }

    /** A key id as keygen prints it and a kiosk's refusal names it: 16 hex digits. */
    static String keyId(String value) throws InvalidValue {
        if (!KEY_ID.matcher(value).matches()) {
            throw new InvalidValue();
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static int wholeNumber(String value, int min, int max) throws InvalidValue {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidValue();
        }
        if (n < min || n > max) {
            throw new InvalidValue();
        }
        return n;
    }

    static PrinterType printerType(String value) throws InvalidValue {
        return PrinterType.parse(value).orElseThrow(InvalidValue::new);
    }

    /** Paper width in millimetres: the two widths of thermal rolls. */
    static Integer paper(String value) throws InvalidValue {
        int mm = wholeNumber(value, 58, 80);
        if (mm != 58 && mm != 80) {
            throw new InvalidValue();
        }
        return mm;
    }

    static Integer outboxMessages(String value) throws InvalidValue {
        return wholeNumber(value, 100, 1_000_000);
    }

    static Integer logFileMegabytes(String value) throws InvalidValue {
        return wholeNumber(value, LOG_FILE_MB_MIN, LOG_FILE_MB_MAX);
    }

    static SpeechChoice speechChoice(String value) throws InvalidValue {
        return SpeechChoice.parse(value).orElseThrow(InvalidValue::new);
    }

    /** Per cent of the engine's own speed: slower helps elders, but below half the words fall apart. */
    static Integer speechRate(String value) throws InvalidValue {
        return wholeNumber(value, 50, 150);
    }

    static TraditionalVoice traditionalVoice(String value) throws InvalidValue {
        return TraditionalVoice.parse(value).orElseThrow(InvalidValue::new);
    }

    static Integer logDays(String value) throws InvalidValue {
        return wholeNumber(value, LOG_DAYS_MIN, LOG_DAYS_MAX);
    }

    /** What {@code printer.address} names; whether it fits {@code printer.type} is the loader's check. */
    static String printerAddress(String value) throws InvalidValue {
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValue();
        }
        return value;
    }

    /**
     * The hall secret as the server made it (base64url, 43 characters) or as a technician chose it: long
     * enough not to be guessed, and only characters that survive an HTTP header and a copy from a screen.
     */
    static String secret(String value) throws InvalidValue {
        if (value.length() < 16 || value.length() > 200) {
            throw new InvalidValue("but it is " + value.length() + " characters long",
                    "但它有 " + value.length() + " 个字符");
        }
        if (!value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidValue("but it contains a space or a character that is not plain ASCII",
                    "但其中有空格或非 ASCII 字符");
        }
        return value;
    }

    /** An http(s) address phones open: like server.url, but for the hall's public name. */
    static URI publicUrl(String value) throws InvalidValue {
        if (value.equals(EMBEDDED)) {
            throw new InvalidValue();
        }
        return serverUrl(value).orElseThrow(InvalidValue::new);
    }

    static Boolean bool(String value) throws InvalidValue {
        // Boolean.parseBoolean would read "yes" or "是" silently as false.
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidValue();
        };
    }

    /** Empty for {@code embedded}; otherwise an http(s) URL whose path ends with {@code /}. */
    static Optional<URI> serverUrl(String value) throws InvalidValue {
        if (value.equals(EMBEDDED)) {
            return Optional.empty();
        }
        if (value.isEmpty()) {
            throw new InvalidValue();
        }
        if (value.equalsIgnoreCase(EMBEDDED)) {
            throw new InvalidValue("but write embedded in lower case", "embedded 须写成小写");
        }
        if (value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new InvalidValue("but it contains a space", "但其中有空格");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new InvalidValue("but it does not start with http:// or https://", "但它不是以 http:// 或 https:// 开头");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidValue("but it is not a valid URL (" + e.getReason() + " at character "
                    + (e.getIndex() + 1) + ")", "但它不是有效的网址（第 " + (e.getIndex() + 1) + " 个字符处有误）");
        }
        // Credentials would sit in a file that every technician reads, and end up in logs.
        if (uri.getRawUserInfo() != null) {
            throw new InvalidValue("but it contains a user name or password (before @); "
                    + "credentials do not belong in kiosk.properties",
                    "但其中含有用户名或密码（@ 之前的部分）；账号和密码不能写在 kiosk.properties 中");
        }
        if (uri.getHost() == null) {
            throw new InvalidValue("but it has no valid host name", "但其中没有有效的主机名");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new InvalidValue("but the port " + uri.getPort() + " is not from 1 to 65535",
                    "但端口 " + uri.getPort() + " 不在 1 到 65535 之间");
        }
        // The kiosk appends catalog/index.json; a query or fragment would end up in the middle of that.
        if (uri.getRawQuery() != null) {
            throw new InvalidValue("but it has a query (?" + uri.getRawQuery() + "); give only the folder",
                    "但其中带有查询部分（?" + uri.getRawQuery() + "）；只填写目录地址");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidValue("but it has a fragment (#" + uri.getRawFragment() + "); give only the folder",
                    "但其中带有 #" + uri.getRawFragment() + "；只填写目录地址");
        }
        return Optional.of(asFolder(uri));
    }

    /**
     * {@code uri} with a lower-case scheme and a path ending in {@code /}, so that resolving
     * {@code catalog/index.json} against it stays inside its folder ({@code http://h/yizhan} would lose
     * {@code yizhan}).
     */
    static URI asFolder(URI uri) {
        String scheme = uri.getScheme();
        String text = scheme.toLowerCase(Locale.ROOT) + uri.toString().substring(scheme.length());
        return uri.getRawPath().endsWith("/") ? URI.create(text) : URI.create(text + "/");
    }

    static Path dataDir(String value, Path baseDir, Path userHome) throws InvalidValue {
        if (value.isBlank()) {
            throw new InvalidValue();
        }
        return path(value, baseDir, userHome);
    }

    /**
     * A path as kiosk.properties writes it: expands {@code ${user.home}} (and a leading {@code ~}) and makes
     * it absolute against {@code baseDir}. Touches no file.
     */
    static Path path(String value, Path baseDir, Path userHome) throws InvalidValue {
        String home = userHome.toString();
        String expanded = value.replace(USER_HOME, home);
        if (expanded.equals("~")) {
            expanded = home;
        } else if (expanded.startsWith("~/") || expanded.startsWith("~\\")) {
            expanded = home + expanded.substring(1);
        }
        int variable = expanded.indexOf("${");
        if (variable >= 0) {
            String unknown = expanded.substring(variable, Math.max(variable + 2, expanded.indexOf('}', variable) + 1));
            throw new InvalidValue("but only " + USER_HOME + " is expanded, not " + unknown,
                    "但只有 " + USER_HOME + " 会被替换，" + unknown + " 不会");
        }
        try {
            Path path = Path.of(expanded);
            return (path.isAbsolute() ? path : baseDir.resolve(path)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidValue("but it is not a valid path here (" + e.getReason() + ")", "但它在本机上不是有效的路径");
        }
    }
}
