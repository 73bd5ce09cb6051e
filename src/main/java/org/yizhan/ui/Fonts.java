package org.yizhan.ui;

import java.io.IOException;
import java.io.InputStream;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the bundled Noto Sans CJK SC. A fresh Linux has no CJK font and JavaFX does not fall back to
 * a loaded font, so the stylesheet names this family on the root node.
 */
public final class Fonts {

    public static final String FAMILY = "Noto Sans CJK SC";
    private static final String[] FILES = {
        "/assets/fonts/NotoSansCJKsc-Regular-subset.otf",
        "/assets/fonts/NotoSansCJKsc-Bold-subset.otf",
    };
    private static final Logger LOG = LoggerFactory.getLogger(Fonts.class);
    private static boolean loaded;

    private Fonts() {
    }

    /** Idempotent; returns false (and logs) if a font file is missing, so the kiosk still starts. */
    public static synchronized boolean load() {
        if (loaded) {
            return true;
        }
        boolean ok = true;
        for (String file : FILES) {
            try (InputStream in = Fonts.class.getResourceAsStream(file)) {
                if (in == null || Font.loadFont(in, 26) == null) {
                    LOG.warn("Could not load bundled font {}", file);
                    ok = false;
                }
            } catch (IOException e) {
                LOG.warn("Could not read bundled font {}", file, e);
                ok = false;
            }
        }
        loaded = ok;
        return ok;
    }
}
