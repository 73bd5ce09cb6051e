package org.yizhan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped kiosk.properties and docs/configuration.md follow {@link ConfigKey}. */
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
}
