package org.yizhan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yizhan.model.MaterialForm;
import org.yizhan.model.MaterialSource;
import org.yizhan.model.Necessity;
import org.yizhan.model.TimeUnit;
import org.yizhan.rating.RatingReason;

/** Every text the code asks for exists, so no citizen ever reads a bare key. */
class MessagesTest {

    private static final Pattern KEY_USE = Pattern.compile("(?:get|format|text)\\(\"([a-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+)\"");

    @Test
    void everyKeyUsedInTheSourcesIsInTheBundle() throws IOException {
        var bundle = Messages.simplifiedChinese().bundle();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/yizhan"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_USE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!bundle.containsKey(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void keysBuiltFromEnumsExist() {
        var bundle = Messages.simplifiedChinese().bundle();
        for (MaterialForm f : MaterialForm.values()) {
            assertTrue(bundle.containsKey("guide.materials.form." + f.name().toLowerCase()), f.name());
        }
        for (MaterialSource s : MaterialSource.values()) {
            assertTrue(bundle.containsKey("guide.materials.source." + s.name().toLowerCase()), s.name());
        }
        for (Necessity n : Necessity.values()) {
            assertTrue(bundle.containsKey("guide.materials." + n.name().toLowerCase()), n.name());
        }
        for (TimeUnit u : TimeUnit.values()) {
            assertTrue(bundle.containsKey("guide.limits.value." + u.name().toLowerCase()), u.name());
        }
        for (RatingReason r : RatingReason.values()) {
            assertTrue(bundle.containsKey("rating.reason." + r.code()), r.name());
        }
    }

    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*\\.?)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private static java.util.Properties bundle(String name) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = new java.io.InputStreamReader(MessagesTest.class.getResourceAsStream("/org/yizhan/ui/" + name),
                java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    static Stream<String> translations() {
        return Stream.of("messages_zh_Hant.properties", "messages_en.properties");
    }

    /** 繁體 and English say everything 简体 says, with the same arguments, and nothing more. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("translations")
    void everyBundleHasEveryKeyWithTheSameArguments(String name) throws IOException {
        java.util.Properties base = bundle("messages.properties");
        java.util.Properties other = bundle(name);
        assertEquals(new java.util.TreeSet<>(base.stringPropertyNames()), new java.util.TreeSet<>(other.stringPropertyNames()),
                name + " has other keys than messages.properties");
        List<String> differ = new ArrayList<>();
        for (String key : base.stringPropertyNames()) {
            // A date is written from its parts (year, month, day, weekday, month's name): each language picks its own.
            boolean date = key.startsWith("clock.") || key.startsWith("date.");
            if (!date && !placeholders(base.getProperty(key)).equals(placeholders(other.getProperty(key)))) {
                differ.add(key);
            }
            if (other.getProperty(key).isBlank() != base.getProperty(key).isBlank()) {
                differ.add(key + " (blank)");
            }
        }
        assertEquals(List.of(), differ, name + ": arguments differ");
    }

    private static java.util.Set<String> placeholders(String text) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /**
     * A text nothing shows is a text nobody keeps up to date: every key is named in the sources, whole or by a prefix
     * the code completes (e.g. {@code "guide.materials.form." + form}).
     */
    @Test
    void everyKeyInTheBundleIsUsed() throws IOException {
        java.util.Set<String> literals = new java.util.HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/yizhan"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    literals.add(m.group(1));
                }
            }
        }
        List<String> prefixes = literals.stream().filter(l -> l.endsWith(".") && l.length() > 3).toList();
        List<String> unused = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(bundle("messages.properties").stringPropertyNames())) {
            if (!literals.contains(key) && prefixes.stream().noneMatch(key::startsWith)) {
                unused.add(key);
            }
        }
        assertEquals(List.of(), unused);
    }

    @Test
    void eachLanguageReadsItsOwnBundleWhateverTheMachinesLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.ENGLISH);
            assertEquals("首页", new Messages(org.yizhan.config.UiLanguage.ZH_HANS).get("shell.home"));
            assertEquals("首頁", new Messages(org.yizhan.config.UiLanguage.ZH_HANT).get("shell.home"));
            java.util.Locale.setDefault(java.util.Locale.TRADITIONAL_CHINESE);
            assertEquals("Home", new Messages(org.yizhan.config.UiLanguage.EN).get("shell.home"));
            assertEquals("首页", Messages.simplifiedChinese().get("shell.home"));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void chineseFromTheHallIsShownInTheScreensScript() {
        assertEquals("頭髮護理", new Messages(org.yizhan.config.UiLanguage.ZH_HANT).chinese("头发护理"));
        assertEquals("头发护理", new Messages(org.yizhan.config.UiLanguage.EN).chinese("头发护理"));
        assertEquals("头发护理", Messages.simplifiedChinese().chinese("头发护理"));
    }

    @Test
    void missingKeyFallsBackToTheKeyInsteadOfFailing() {
        assertEquals("no.such.key", Messages.simplifiedChinese().get("no.such.key"));
    }
}
