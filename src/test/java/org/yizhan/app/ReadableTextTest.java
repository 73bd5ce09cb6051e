package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeoutException;
import java.time.ZoneId;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yizhan.config.UiLanguage;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.yizhan.catalog.CatalogDirectory;
import org.yizhan.config.ConfigKey;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.Orientation;
import org.yizhan.model.Audience;
import org.yizhan.config.PinHash;
import org.yizhan.config.PrinterType;
import org.yizhan.testing.CutText;
import org.yizhan.testing.FakeEscPosPrinter;
import org.yizhan.testing.TooSmall;
import org.yizhan.ui.Messages;
import org.yizhan.ui.problem.ProblemView;
import org.yizhan.ui.problem.ProblemViewModel;
import org.yizhan.testing.Fx;
import org.yizhan.testing.LongTexts;
import org.yizhan.testing.Screenshots;
import org.yizhan.testing.TestKiosks;
import org.yizhan.ui.Destination;
import org.yizhan.ui.UiTaskExecutor;

/**
 * Nothing a citizen needs is cut off or too small: with the longest hall name, a long notice and a long service
 * name, every label on every screen (home, browse, the service list, the guide, search with its keyboard and
 * results, 取号 from the list to the ticket, 进度查询 from the number to the answer, the technician's PIN page, the
 * out-of-service page, the problem page) reads whole, in every language, in standard and elder mode, portrait
 * and landscape, at least the mode's type size, and every target is at least the mode's size.
 */
class ReadableTextTest {
    /** 10:00 on a Monday in the hall's zone: the demo hall's queues are open, so their tiles and confirmation show. */
    private static final Clock MONDAY_MORNING = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path data;

    private final UiTaskExecutor tasks = new UiTaskExecutor(2);
    private Kiosk kiosk;
    private FakeEscPosPrinter printer;
    /** The sizes the walk holds the screens to; none for the tests that look only for cut text. */
    private TooSmall.Rule rule;

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
        if (printer != null) {
            printer.close();
        }
    }

    /**
     * The languages the screens are walked in: every bundle of messages the kiosk ships. 繁體 and English are
     * longer or wider than 简体, so each gets the walk of its own.
     */
    static final List<UiLanguage> LANGUAGES = List.of(UiLanguage.values());

    static Stream<Arguments> modes() {
        Stream.Builder<Arguments> modes = Stream.builder();
        for (UiLanguage language : LANGUAGES) {
            for (boolean elder : List.of(true, false)) {
                for (Orientation orientation : Orientation.values()) {
                    modes.add(Arguments.of(language, orientation, elder));
                }
            }
        }
        return modes.build();
    }

    /**
     * Every screen a citizen (or the technician) sees, with the long texts: nothing cut, no text under the mode's
     * size, no target under its size ({@link TooSmall.Rule}).
     */
    @ParameterizedTest(name = "{0}, {1}, elder mode {2}")
    @MethodSource("modes")
    void everyScreenReadsWholeAtItsSizes(UiLanguage language, Orientation orientation, boolean elder) throws Exception {
        CatalogDirectory.open(data.resolve(CatalogSetup.CATALOG_DIR)).install(LongTexts.demo());
        printer = FakeEscPosPrinter.start();
        kiosk = Fx.call(() -> Kiosk.offscreen(new Stage(), TestKiosks.config(data, orientation, Duration.ofSeconds(60))
                .with(ConfigKey.HALL_NAME, LongTexts.HALL).with(ConfigKey.UI_ELDER_DEFAULT, elder)
                .with(ConfigKey.PRINTER_TYPE, PrinterType.ESCPOS_TCP)
                .with(ConfigKey.PRINTER_ADDRESS, Optional.of(printer.address()))
                .with(ConfigKey.TECHNICIAN_PIN, Optional.of(PinHash.of("246810").toString()))
                .with(ConfigKey.UI_LANGUAGE, language), MONDAY_MORNING, tasks));
        kiosk.ready().get(30, TimeUnit.SECONDS);
        kiosk.setupFinished().get(30, TimeUnit.SECONDS); // the home screen comes before the hall server's side
        WaitForAsyncUtils.waitForFxEvents();
        rule = TooSmall.Rule.of(elder);
        String suffix = "-" + language.tag() + (elder ? "-elder-" : "-standard-") + orientation.name().toLowerCase();

        List<String> cut = new ArrayList<>();
        cut.addAll(visit(Destination.HOME, "home" + suffix));
        cut.addAll(visit(new Destination.Browse(Audience.PERSON), "browse" + suffix));
        cut.addAll(visit(new Destination.Browse(Audience.LEGAL, true), "browse-departments" + suffix));
        cut.addAll(visit(new Destination.ThemeServices("person-090"), "services" + suffix));
        cut.addAll(visit(new Destination.Guide(LongTexts.SERVICE_ID), "guide" + suffix));
        Fx.run(() -> ((Button) kiosk.scene().lookup("#basis-toggle")).fire());
        cut.addAll(check("guide-basis" + suffix));
        cut.addAll(visit(new Destination.Search(), "search-empty" + suffix));
        cut.addAll(visit(new Destination.Search("养老"), "search" + suffix));
        // Through the everyday word 退休金: the long name, then the note 与“退休金”相关 under it.
        cut.addAll(visit(new Destination.Search("退休金"), "search-everyday" + suffix));
        cut.addAll(visit(new Destination.Search("qqqq"), "search-nothing" + suffix));
        cut.addAll(visit(new Destination.Queue(), "queue" + suffix, "#queue-huji"));
        cut.addAll(visit(new Destination.Queue(LongTexts.SERVICE_ID), "queue-confirm" + suffix, "#queue-take"));
        Fx.run(() -> ((Button) kiosk.scene().lookup("#queue-take")).fire());
        cut.addAll(await("#queue-ticket", "queue-ticket" + suffix));
        cut.addAll(visit(new Destination.Status(), "status-number" + suffix, "#status-number"));
        press(StatusFlowTest.NUMBER);
        Fx.run(() -> ((Button) kiosk.scene().lookup("#status-next")).fire());
        cut.addAll(await("#status-check", "status-check" + suffix));
        press(StatusFlowTest.CHECK);
        Fx.run(() -> ((Button) kiosk.scene().lookup("#status-next")).fire());
        cut.addAll(await("#status-timeline", "status-answer" + suffix));
        cut.addAll(visit(Destination.Rating.anonymous(), "rating" + suffix, "#rating-faces"));
        cut.addAll(visit(Destination.Rating.ofCase("YX-2026-1123-00123-4567", ""), "rating-case" + suffix,
                "#rating-faces"));
        cut.addAll(visit(new Destination.Technician(), "technician-pin" + suffix, "#tech-pin"));
        cut.addAll(outOfService("out-of-service" + suffix));
        cut.addAll(problemPage(language, orientation, elder, "problem" + suffix));
        assertTrue(cut.isEmpty(), cut.size() + " problems:\n" + String.join("\n", cut));
    }

    /** Home fails twice within seconds: the shell rests on its calm page. */
    private List<String> outOfService(String name) throws TimeoutException {
        Fx.run(() -> kiosk.shell().home());
        for (int i = 0; i < 2; i++) {
            Fx.run(() -> kiosk.shell().failed());
            WaitForAsyncUtils.waitForFxEvents();
        }
        return await("#out-of-service", name);
    }

    /** The page KioskApp shows instead of the kiosk when kiosk.properties cannot be used. */
    private List<String> problemPage(UiLanguage language, Orientation orientation, boolean elder, String name) {
        return Fx.call(() -> {
            ProblemViewModel model = new ProblemViewModel(new Messages(language), "/etc/yizhan/kiosk.properties",
                    List.of(new ProblemViewModel.Problem("idle.timeout", "sixty", ConfigKey.IDLE_TIMEOUT.expectedZh(),
                            "expected " + ConfigKey.IDLE_TIMEOUT.expectedEn())), () -> { });
            boolean portrait = orientation == Orientation.PORTRAIT;
            javafx.scene.Scene scene = new javafx.scene.Scene(new ProblemView(model).root(), portrait ? 1080 : 1920,
                    portrait ? 1920 : 1080);
            if (elder) {
                scene.getRoot().getStyleClass().add("elder");
            }
            KioskStage.styles(scene);
            return problems(scene, name);
        });
    }

    /** Presses the on-screen keys of {@code text}, as a citizen taps them. */
    private void press(String text) {
        Fx.run(() -> {
            for (char c : text.toLowerCase().toCharArray()) {
                ((Button) kiosk.scene().lookup("#key-" + c)).fire();
            }
        });
    }

    @Test
    void theAnswerToATapBelowTheTilesIsScrolledIntoView() throws Exception {
        // A hall's kiosk before its first catalog: 办事指南 answers below the tiles that there is none yet.
        Path key = data.resolve("keys/publisher.pub");
        org.yizhan.catalog.bundle.Ed25519Keys.write(org.yizhan.catalog.bundle.Ed25519Keys.generate(),
                data.resolve("keys/publisher.key"), key);
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KioskConfig config = TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60))
                .with(ConfigKey.HALL_NAME, LongTexts.HALL).with(ConfigKey.UI_ELDER_DEFAULT, true)
                .with(ConfigKey.SERVER_URL, java.util.Optional.of(java.net.URI.create("http://127.0.0.1:" + closedPort + "/")))
                .with(ConfigKey.SYNC_PUBLIC_KEY, java.util.Optional.of(key));
        kiosk = Fx.call(() -> Kiosk.offscreen(new Stage(), config, Clock.systemDefaultZone(), tasks));
        kiosk.ready().get(30, TimeUnit.SECONDS);
        kiosk.setupFinished().get(30, TimeUnit.SECONDS); // the home screen comes before the hall server's side
        WaitForAsyncUtils.waitForFxEvents();
        check("home-elder-before-tap-portrait");
        Fx.run(() -> ((Button) kiosk.scene().lookup("#tile-guide")).fire());
        check("home-elder-answer-portrait");
        boolean inView = Fx.call(() -> {
            Node view = kiosk.scene().lookup("#home-scroll");
            Node message = kiosk.scene().lookup("#home-message");
            return view.localToScene(view.getLayoutBounds()).contains(message.localToScene(message.getLayoutBounds()));
        });
        assertTrue(inView, "服务目录暂不可用 shows where the citizen can read it");
    }

    /** On a shown window, where pulses, not the test, lay the scene out after each switch. */
    @Test
    void theLongestHallNameReadsWholeAfterSwitchingModes() throws Exception {
        Stage stage = Fx.call(Stage::new);
        try {
            kiosk = Fx.call(() -> Kiosk.start(stage, TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60))
                    .with(ConfigKey.HALL_NAME, LongTexts.HALL), Clock.systemDefaultZone(), tasks, false));
            kiosk.ready().get(30, TimeUnit.SECONDS);
            kiosk.setupFinished().get(30, TimeUnit.SECONDS); // the home screen comes before the hall server's side
            Fx.run(() -> kiosk.shell().go(new Destination.Browse(Audience.PERSON)));
            for (String mode : List.of("elder", "standard", "elder")) {
                Fx.run(() -> ((Button) kiosk.scene().lookup("#elder-button")).fire());
                WaitForAsyncUtils.waitForFxEvents();
                List<String> cut = Fx.call(() -> CutText.in(kiosk.scene()));
                assertTrue(cut.isEmpty(), mode + ": " + String.join("\n", cut));
                long lines = Fx.call(() -> {
                    Label hall = (Label) kiosk.scene().lookup("#hall-name");
                    Text line = new Text("国");
                    line.setFont(hall.getFont());
                    return Math.round(hall.getHeight() / line.getLayoutBounds().getHeight());
                });
                assertTrue(lines <= 2, mode + ": the hall's name takes " + lines + " lines of the top bar");
            }
        } finally {
            Fx.run(stage::hide);
        }
    }

    private List<String> visit(Destination destination, String name) {
        Fx.run(() -> {
            if (destination instanceof Destination.Home) {
                kiosk.shell().home();
            } else {
                kiosk.shell().go(destination);
            }
        });
        return check(name);
    }

    /** As {@link #visit(Destination, String)}, for a screen that shows {@code shown} once the hall server answers. */
    private List<String> visit(Destination destination, String name, String shown) throws TimeoutException {
        Fx.run(() -> kiosk.shell().go(destination));
        return await(shown, name);
    }

    /** Checks the screen once it shows {@code shown}, the answer of a call off the FX thread. */
    private List<String> await(String shown, String name) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> {
            kiosk.scene().getRoot().applyCss();
            return kiosk.scene().getRoot().lookup(shown) != null;
        }));
        return check(name);
    }

    /** Lays the scene out as a pulse would (it is not shown), keeps a picture, and lists what is cut or too small. */
    private List<String> check(String name) {
        return Fx.call(() -> problems(kiosk.scene(), name));
    }

    private List<String> problems(javafx.scene.Scene scene, String name) {
        Parent root = scene.getRoot();
        for (int i = 0; i < 3; i++) {
            root.applyCss();
            root.layout();
        }
        Screenshots.save(scene, name);
        List<String> found = new ArrayList<>(CutText.in(scene));
        if (rule != null) {
            found.addAll(TooSmall.in(scene, rule));
        }
        return found.stream().map(problem -> name + ": " + problem).toList();
    }
}
