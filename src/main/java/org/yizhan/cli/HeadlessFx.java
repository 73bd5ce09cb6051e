package org.yizhan.cli;

import java.util.List;
import java.util.Map;

/**
 * JavaFX without a display, for {@code bench soak} and {@code bench startup --headless}: Monocle's headless
 * platform (in the jar's javafx.graphics, pom.xml) with the software renderer, on a portrait screen the kiosk's
 * size, as the tests run it (testfx.jvm.args in pom.xml). Set before the toolkit starts; the kiosk never sets them.
 */
final class HeadlessFx {
    static final Map<String, String> PROPERTIES = Map.of(
            "glass.platform", "Monocle",
            "monocle.platform", "Headless",
            "prism.order", "sw",
            "headless.geometry", "1080x1920-32",
            "java.awt.headless", "true");

    private HeadlessFx() {
    }

    /** In this JVM, before anything starts JavaFX. */
    static void set() {
        PROPERTIES.forEach(System::setProperty);
    }

    /** For a child JVM's command line. */
    static List<String> options() {
        return PROPERTIES.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).sorted().toList();
    }
}
