package org.yizhan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Font;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yizhan.testing.SharedData;

/** The bundled font draws every character we show: no boxes on a machine without CJK fonts. */
class FontCoverageTest {

    private static Set<String> missing(String text) throws Exception {
        Set<String> missing = new TreeSet<>();
        for (String file : new String[] {"/assets/fonts/NotoSansCJKsc-Regular-subset.otf",
            "/assets/fonts/NotoSansCJKsc-Bold-subset.otf"}) {
            Font font;
            try (InputStream in = FontCoverageTest.class.getResourceAsStream(file)) {
                font = Font.createFont(Font.TRUETYPE_FONT, in);
            }
            assertEquals(Fonts.FAMILY, font.getFamily());
            text.codePoints()
                    .filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp) && cp != 0xFEFF)
                    .filter(cp -> !font.canDisplay(cp))
                    .forEach(cp -> missing.add(new String(Character.toChars(cp)) + " U+" + Integer.toHexString(cp)));
        }
        return missing;
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = FontCoverageTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void coversTheScreensTextTheDemoCatalogAndTheDemoHallsQueues() throws Exception {
        String text = resource("/org/yizhan/ui/messages.properties") + resource("/assets/catalog/demo-catalog.json")
                + resource("/assets/queue/demo-queues.json");
        assertEquals(Set.of(), missing(text));
    }

    @Test
    void coversTheProvincialCatalog() throws Exception {
        Path gd = SharedData.require("data/gd-services-2021.json");
        assertEquals(Set.of(), missing(Files.readString(gd)));
    }

    /** 繁體 is the simplified text converted (or the bundle written for it): the font must draw what comes out. */
    @Test
    void coversTheTraditionalTextOfTheScreensAndTheDemoData() throws Exception {
        String text = resource("/org/yizhan/ui/messages_zh_Hant.properties") + resource("/org/yizhan/ui/messages_en.properties")
                + org.yizhan.language.Traditional.of(resource("/assets/catalog/demo-catalog.json")
                        + resource("/assets/queue/demo-queues.json") + resource("/org/yizhan/ui/messages.properties"));
        assertEquals(Set.of(), missing(text));
    }

    @Test
    void coversTheProvincialCatalogIn繁體() throws Exception {
        Path gd = SharedData.require("data/gd-services-2021.json");
        assertEquals(Set.of(), missing(org.yizhan.language.Traditional.of(Files.readString(gd))));
    }
}
