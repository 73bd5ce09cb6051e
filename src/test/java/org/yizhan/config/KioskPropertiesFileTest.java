package org.yizhan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped kiosk.properties and docs/configuration.md follow {@link ConfigKey}, both ways, and no code reads a
 * key of kiosk.properties but through it.
 */
class KioskPropertiesFileTest {

    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Path SHIPPED = PROJECT.resolve("kiosk.properties");
    private static final Path DOCS = PROJECT.resolve("docs/configuration.md");

    @TempDir
    Path home;

    @Test
    void theShippedFileLoadsWithoutErrorsOrWarnings() throws Exception {
        LoadedConfig loaded = KioskConfigLoader.load(SHIPPED, home);
        assertEquals(List.of(), loaded.warnings());
        assertEquals(KioskConfig.defaults(home), loaded.config());
    }

    @Test
    void theShippedFileIsUtf8WithoutBom() throws IOException {
        byte[] bytes = Files.readAllBytes(SHIPPED);
        assertTrue(bytes.length > 3 && (bytes[0] & 0xFF) != 0xEF, "no BOM");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("UTF-8"), "the header says to save as UTF-8");
        assertTrue(text.contains("java -jar target/yizhan.jar --config FILE"), "the header names --config");
        assertTrue(text.contains("rating.*"), "the header says later keys will come");
        assertFalse(text.contains("server.*") || text.contains("sync.*") || text.contains("printer.*"),
                "server, sync and printer keys are here already");
    }

    @Test
    void everyKeyIsPresentAtItsDefaultWithCommentsAbove() throws IOException {
        List<String> lines = Files.readAllLines(SHIPPED, StandardCharsets.UTF_8);
        for (ConfigKey key : ConfigKey.values()) {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(key.key() + "=")) {
                    at.add(i);
                }
            }
            assertEquals(1, at.size(), key.key() + " appears once as key=value");
            int line = at.get(0);
            assertEquals(key.key() + "=" + key.defaultValue(), lines.get(line), "at its default");

            StringBuilder comment = new StringBuilder();
            for (int i = line - 1; i >= 0 && lines.get(i).startsWith("#"); i--) {
                comment.insert(0, lines.get(i) + "\n");
            }
            String block = comment.toString();
            assertTrue(block.lines().count() >= 3, key.key() + " has a comment block right above it");
            String shownDefault = key.defaultValue().isEmpty() ? "空 / empty" : key.defaultValue();
            String needed = key.required() ? "# 必填 / required\n" : "# 默认 / default: " + shownDefault + "\n";
            assertTrue(block.contains(needed), key.key() + " comment says it is required or gives the default");
            assertTrue(block.contains(key.expectedEn()), key.key() + " comment gives the allowed values");
            assertTrue(block.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    key.key() + " comment is in Chinese too");
        }
    }

    @Test
    void theDocsListEveryKeyWithItsDefault() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        for (ConfigKey key : ConfigKey.values()) {
            String shownDefault = key.required() ? "required" : key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`";
            assertTrue(docs.contains("| `" + key.key() + "` | " + shownDefault + " |"),
                    "docs/configuration.md has a table row for " + key.key());
        }
    }

    /** A kiosk key as the file writes it: {@code idle.timeout}, {@code log.max-file-size}. */
    private static final String KEY = "[a-z][a-z0-9-]*(?:\\.[a-z0-9][a-z0-9-]*)+";
    private static final Pattern SETTING = Pattern.compile("^(" + KEY + ")\\s*[=:]");
    private static final Pattern COMMENTED_SETTING = Pattern.compile("^[#!]\\s*(" + KEY + ")=");
    private static final Pattern DOCS_ROW = Pattern.compile("^\\| `([^`]+)` \\|");
    private static final Pattern RANGE = Pattern.compile("(\\d+) to (\\d+)");

    private static Set<String> knownKeys() {
        return Arrays.stream(ConfigKey.values()).map(ConfigKey::key).collect(Collectors.toSet());
    }

    @Test
    void theFileSetsAndShowsOnlyKeysTheKioskKnows() throws IOException {
        List<String> strangers = new ArrayList<>();
        List<String> lines = Files.readAllLines(SHIPPED, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            for (Pattern p : List.of(SETTING, COMMENTED_SETTING)) {
                Matcher m = p.matcher(lines.get(i));
                if (m.find() && !knownKeys().contains(m.group(1))) {
                    strangers.add("line " + (i + 1) + ": " + lines.get(i));
                }
            }
        }
        assertEquals(List.of(), strangers, "kiosk.properties names keys that ConfigKey does not have");
    }

    @Test
    void theDocsKeyTableHasOnlyKeysTheKioskKnows() throws IOException {
        List<String> strangers = keysTable().stream().map(DataRow::key).filter(k -> !knownKeys().contains(k)).toList();
        assertEquals(List.of(), strangers, "docs/configuration.md's key table names keys that ConfigKey does not have");
    }

    @Test
    void theDocsGiveEveryKeysRange() throws IOException {
        List<String> missing = new ArrayList<>();
        List<DataRow> rows = keysTable();
        for (ConfigKey key : ConfigKey.values()) {
            String row = rows.stream().filter(r -> r.key().equals(key.key())).findFirst().map(DataRow::text).orElse("");
            Matcher m = RANGE.matcher(key.expectedEn());
            while (m.find()) {
                String[] cells = row.split("\\|");
                String allowed = cells.length > 3 ? cells[3] : "";
                if (!allowed.contains(m.group(1)) || !allowed.contains(m.group(2))) {
                    missing.add(key.key() + ": " + m.group() + " not in \"" + allowed.strip() + "\"");
                }
            }
        }
        assertEquals(List.of(), missing, "docs/configuration.md's allowed values give each key's range");
    }

    private record DataRow(String key, String text) {
    }

    /** The rows of the table under "## Keys", up to the next heading. */
    private static List<DataRow> keysTable() throws IOException {
        List<String> lines = Files.readAllLines(DOCS, StandardCharsets.UTF_8);
        int start = lines.indexOf("## Keys");
        assertTrue(start >= 0, "docs/configuration.md has a Keys section");
        List<DataRow> rows = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            Matcher m = DOCS_ROW.matcher(lines.get(i));
            if (m.find()) {
                rows.add(new DataRow(m.group(1), lines.get(i)));
            }
        }
        assertTrue(rows.size() >= ConfigKey.values().length, "the Keys table has a row for each key");
        return rows;
    }

    /**
     * A call that reads a property by name, with a kiosk key's shape and a first part that kiosk keys use:
     * {@code getProperty("printer.name")}, {@code getBoolean("ui.fast")}. The JVM's own ({@code user.home}) and the
     * developer's switches ({@code yizhan.exitWithParent}) have other first parts.
     */
    static List<String> keysReadOutsideConfigKey(String source) {
        Set<String> families = Arrays.stream(ConfigKey.values()).map(k -> k.key().substring(0, k.key().indexOf('.')))
                .collect(Collectors.toSet());
        families.add("rating"); // announced in kiosk.properties' header
        Matcher m = Pattern.compile("(?:getProperty|getBoolean|getInteger|getLong|containsKey|setProperty|getOrDefault)"
                + "\\(\\s*\"(" + KEY + ")\"").matcher(source);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            String key = m.group(1);
            if (families.contains(key.substring(0, key.indexOf('.')))) {
                found.add(key);
            }
        }
        return found;
    }

    @Test
    void noCodeReadsAKioskKeyButThroughConfigKey() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PROJECT.resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.endsWith(Path.of("config", "ConfigKey.java"))) {
                    continue;
                }
                keysReadOutsideConfigKey(Files.readString(f, StandardCharsets.UTF_8))
                        .forEach(k -> found.add(PROJECT.relativize(f) + ": " + k));
            }
        }
        assertEquals(List.of(), found, "read these through ConfigKey and KioskConfig, so the loader checks them");
    }

    @Test
    void theScanFindsAKeyReadStraightFromProperties() {
        assertEquals(List.of("printer.name", "log.level"), keysReadOutsideConfigKey(
                "String p = properties.getProperty(\"printer.name\"); boolean b = props.containsKey( \"log.level\");"
                        + " String home = System.getProperty(\"user.home\"); Boolean.getBoolean(\"yizhan.exitWithParent\");"
                        + " rs.getBoolean(\"sample\");"));
    }
}
