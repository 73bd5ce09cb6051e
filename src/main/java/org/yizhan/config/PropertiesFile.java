package org.yizhan.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The text of a properties file: strict UTF-8 decoding with a useful message when it is not, and a scan of
 * its entries in order with line numbers (which {@link Properties} alone hides: duplicates, raw values).
 */
final class PropertiesFile {

    private static final int MAX_LINES_NAMED = 5;
    private static final int MAX_QUOTED_LINE = 60;

    private PropertiesFile() {
    }

    /** The decoded text, or the reasons it could not be decoded. */
    record Decoded(String text, boolean byteOrderMark, List<ConfigProblem> problems) {
    }

    /** One {@code key=value} entry. {@code rawValue} is the value before escapes were read. */
    record Entry(String key, String value, String rawValue, int line) {
    }

    static Decoded decode(byte[] bytes, String fileName) {
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            return failed(fileName + " is saved as UTF-16 (it starts with a UTF-16 byte-order mark); " + HOW_TO_SAVE,
                    fileName + " 是以 UTF-16（“Unicode”）编码保存的。" + HOW_TO_SAVE_ZH);
        }
        for (byte b : bytes) {
            if (b == 0) {
                return failed(fileName + " contains zero bytes, as UTF-16 text does; " + HOW_TO_SAVE,
                        fileName + " 中有零字节，像是以 UTF-16（“Unicode”）编码保存的。" + HOW_TO_SAVE_ZH);
            }
        }
        boolean bom = startsWith(bytes, 0xEF, 0xBB, 0xBF);
        int start = bom ? 3 : 0;
        try {
            String text = strictDecoder(StandardCharsets.UTF_8)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            return new Decoded(text, bom, List.of());
        } catch (CharacterCodingException e) {
            return new Decoded("", bom, List.of(notUtf8(bytes, start, fileName)));
        }
    }

    private static final String HOW_TO_SAVE = "open it in Notepad, choose File > Save As, set Encoding to UTF-8, "
            + "save, and start the kiosk again";
    private static final String HOW_TO_SAVE_ZH = "请用记事本打开它，选择“文件 > 另存为”，把“编码”改为 UTF-8，保存后重新启动终端。";

    /**
     * One problem for a file that is not UTF-8, however many lines are affected: a file saved as GBK ("ANSI")
     * has Chinese on every comment line, and a card per line would only quote comments. It names the lines
     * and quotes the first setting (not a comment) among them, as GBK, so the technician recognises it.
     */
    private static ConfigProblem notUtf8(byte[] bytes, int start, String fileName) {
        List<Integer> badLines = new ArrayList<>();
        String quoted = null;
        boolean allGbk = true;
        int lineNumber = 1;
        int lineStart = start;
        for (int i = start; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n') {
                continue;
            }
            int end = i;
            if (end > lineStart && bytes[end - 1] == '\r') {
                end--;
            }
            ByteBuffer line = ByteBuffer.wrap(bytes, lineStart, end - lineStart);
            if (!decodes(StandardCharsets.UTF_8, line.duplicate())) {
                badLines.add(lineNumber);
                String asGbk = asGbk(line);
                allGbk &= asGbk != null;
                if (quoted == null && asGbk != null && !asGbk.isBlank() && "#!".indexOf(asGbk.strip().charAt(0)) < 0) {
                    quoted = shortened(asGbk.strip());
                }
            }
            lineNumber++;
            lineStart = i + 1;
        }
        String more = badLines.size() > MAX_LINES_NAMED ? "…" : "";
        List<String> named = badLines.stream().limit(MAX_LINES_NAMED).map(String::valueOf).toList();
        String lines = String.join(", ", named) + (more.isEmpty() ? "" : ", " + more);
        String linesZh = String.join("、", named) + more;
        String what = allGbk ? "GBK (\"ANSI\")" : "another encoding";
        String whatZh = allGbk ? " GBK（“ANSI”）编码" : "其他编码";
        String quote = quoted == null ? "" : "; line says \"" + quoted + "\" when read as GBK";
        String quoteZh = quoted == null ? "" : "，例如“" + quoted + "”";
        return ConfigProblem.ofFile(
                fileName + " is not saved as UTF-8 but in " + what + " (lines " + lines + quote + "); " + HOW_TO_SAVE,
                fileName + " 不是以 UTF-8 编码保存的，而是" + whatZh + "：第 " + linesZh + " 行" + quoteZh + "。"
                        + HOW_TO_SAVE_ZH);
    }

    private static String asGbk(ByteBuffer line) {
        if (!Charset.isSupported("GBK")) {
            return null;
        }
        try {
            return strictDecoder(Charset.forName("GBK")).decode(line.duplicate()).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String shortened(String text) {
        return text.codePointCount(0, text.length()) <= MAX_QUOTED_LINE
                ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_QUOTED_LINE)) + "…";
    }

    private static boolean decodes(Charset charset, ByteBuffer bytes) {
        try {
            strictDecoder(charset).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Decoded failed(String explanation, String explanationZh) {
        return new Decoded("", false, List.of(ConfigProblem.ofFile(explanation, explanationZh)));
    }

    /**
     * Every entry in file order, following the rules of {@link Properties#load(java.io.Reader)}: blank lines
     * and lines starting with {@code #} or {@code !} are skipped, a line ending in an odd number of
     * backslashes continues on the next. Each logical line is read by {@code Properties} itself, so keys
     * and values are unescaped exactly as {@code Properties} does. A line it rejects (a malformed
     * {@code \\uXXXX}) becomes a problem.
     */
    static List<Entry> scan(String text, List<ConfigProblem> problems) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            int lineNumber = i + 1;
            String first = stripLeadingWhitespace(lines[i]);
            i++;
            if (first.isEmpty() || first.charAt(0) == '#' || first.charAt(0) == '!') {
                continue;
            }
            StringBuilder logical = new StringBuilder(first);
            while (endsWithOddBackslashes(logical)) {
                logical.setLength(logical.length() - 1);
                if (i >= lines.length) {
                    break;
                }
                logical.append(stripLeadingWhitespace(lines[i]));
                i++;
            }
            if (logical.toString().isBlank()) {
                continue;
            }
            try {
                Entry entry = entry(logical.toString(), lineNumber);
                if (entry != null) {
                    entries.add(entry);
                }
            } catch (IllegalArgumentException e) {
                problems.add(ConfigProblem.ofFile("line " + lineNumber
                        + " has a malformed \\u escape (write \\uXXXX with four hex digits, or the character itself)",
                        "第 " + lineNumber + " 行的 \\u 转义写错了（应为 \\u 加四位十六进制数字，或直接写出这个字）"));
            }
        }
        return entries;
    }

    private static Entry entry(String logicalLine, int lineNumber) {
        Properties one = new Properties();
        try {
            one.load(new StringReader(logicalLine)); // IllegalArgumentException for a malformed \\uXXXX
        } catch (IOException e) {
            throw new AssertionError("a StringReader does not fail", e);
        }
        if (one.isEmpty()) {
            return null;
        }
        Map.Entry<Object, Object> only = one.entrySet().iterator().next();
        return new Entry((String) only.getKey(), (String) only.getValue(), rawValue(logicalLine), lineNumber);
    }

    /** The value part of a logical line as written: after the key, whitespace, one optional = or :, whitespace. */
    private static String rawValue(String line) {
        int i = 0;
        boolean escaped = false;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '=' || c == ':' || isWhitespace(c)) {
                break;
            }
            i++;
        }
        while (i < line.length() && isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i < line.length() && (line.charAt(i) == '=' || line.charAt(i) == ':')) {
            i++;
        }
        while (i < line.length() && isWhitespace(line.charAt(i))) {
            i++;
        }
        return line.substring(i);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    private static String stripLeadingWhitespace(String line) {
        int i = 0;
        while (i < line.length() && isWhitespace(line.charAt(i))) {
            i++;
        }
        return line.substring(i);
    }

    private static boolean endsWithOddBackslashes(CharSequence s) {
        int count = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }
}
