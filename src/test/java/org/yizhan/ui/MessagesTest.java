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

    @Test
    void missingKeyFallsBackToTheKeyInsteadOfFailing() {
        assertEquals("no.such.key", Messages.simplifiedChinese().get("no.such.key"));
    }
}
