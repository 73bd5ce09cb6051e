package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.yizhan.config.ConfigKey;
import org.yizhan.config.Orientation;
import org.yizhan.testing.Fx;
import org.yizhan.testing.Screenshots;
import org.yizhan.testing.TestKiosks;
import org.yizhan.ui.Destination;
import org.yizhan.ui.UiTaskExecutor;

/** The on-screen keyboard as laid out on the search screen: keys as even and as large as a finger needs. */
class KeyboardLayoutTest {

    private static final double MIN_KEY = 88;
    private static final double MIN_GAP = 16;

    @TempDir
    Path data;

    private final UiTaskExecutor tasks = new UiTaskExecutor(2);
    private Kiosk kiosk;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (kiosk != null) {
            kiosk.close();
        }
        tasks.close();
    }

    static Stream<Arguments> screens() {
        return Stream.of(Arguments.of(Orientation.PORTRAIT, false), Arguments.of(Orientation.PORTRAIT, true),
                Arguments.of(Orientation.LANDSCAPE, false), Arguments.of(Orientation.LANDSCAPE, true));
    }

    @ParameterizedTest(name = "{0}, elder mode {1}")
    @MethodSource("screens")
    void lettersAndDigitsAreEqualLargeKeysApart(Orientation orientation, boolean elder) throws Exception {
        kiosk = Fx.call(() -> Kiosk.offscreen(new Stage(), TestKiosks.config(data, orientation, Duration.ofSeconds(60))
                .with(ConfigKey.UI_ELDER_DEFAULT, elder), Clock.systemDefaultZone(), tasks));
        kiosk.ready().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<Bounds> keys = Fx.call(() -> {
            kiosk.shell().go(new Destination.Search());
            Parent root = kiosk.scene().getRoot();
            for (int i = 0; i < 3; i++) {
                root.applyCss();
                root.layout();
            }
            Screenshots.save(kiosk.scene(), "keyboard-" + (elder ? "elder-" : "") + orientation.name().toLowerCase());
            return root.lookupAll(".key").stream().map(k -> k.localToScene(k.getLayoutBounds())).toList();
        });
        assertEquals(36, keys.size(), "ten digits and 26 letters");

        double width = keys.get(0).getWidth();
        for (Bounds key : keys) {
            assertEquals(width, key.getWidth(), 1.0, "every letter and digit key as wide as the others: " + keys);
            assertTrue(key.getWidth() >= MIN_KEY && key.getHeight() >= MIN_KEY, "at least 88 px square: " + key);
        }
        List<List<Bounds>> rows = keys.stream().collect(java.util.stream.Collectors.groupingBy(Bounds::getMinY))
                .values().stream().toList();
        assertEquals(4, rows.size(), "digits and three rows of letters");
        for (List<Bounds> row : rows) {
            List<Bounds> sorted = row.stream().sorted(Comparator.comparingDouble(Bounds::getMinX)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                double gap = sorted.get(i).getMinX() - sorted.get(i - 1).getMaxX();
                assertTrue(gap >= MIN_GAP - 1, "keys 16 px apart: " + gap + " in " + sorted);
            }
        }
    }
}
