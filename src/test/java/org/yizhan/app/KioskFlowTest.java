package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.bundle.Ed25519Keys;
import org.yizhan.config.ConfigKey;
import org.yizhan.config.KioskConfig;
import org.yizhan.model.Catalog;
import org.yizhan.model.Service;
import org.yizhan.server.BundlePublisher;
import org.yizhan.server.HallServer;
import org.yizhan.sync.SyncOutcome;
import org.yizhan.config.Orientation;
import org.yizhan.model.Audience;
import org.yizhan.testing.CutText;
import org.yizhan.testing.FlowScreen;
import org.yizhan.testing.Fx;
import org.yizhan.testing.ManualClock;
import org.yizhan.testing.ManualScheduleTaskExecutor;
import org.yizhan.testing.NeverTaskExecutor;
import org.yizhan.testing.Screenshots;
import org.yizhan.testing.TestKiosks;
import org.yizhan.ui.Destination;
import org.yizhan.ui.UiTaskExecutor;
import org.yizhan.config.ConfigProblem;

/** The kiosk as a citizen uses it, headless under Monocle, with a screenshot of every screen. */
class KioskFlowTest {

    @TempDir
    Path data;

    private final FxRobot robot = new FxRobot();
    private final FlowScreen screen = new FlowScreen(() -> this.kiosk.scene());
    /** The kiosk's own executor; a retry due a sync interval later runs when a test says. */
    private final ManualScheduleTaskExecutor tasks = new ManualScheduleTaskExecutor(new UiTaskExecutor(2));
    private final BlockingQueue<SyncOutcome> synced = new LinkedBlockingQueue<>();
    private Stage stage;
    private Kiosk kiosk;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeStage() {
        if (kiosk != null) {
            kiosk.close();
        }
        tasks.close();
        if (stage != null) {
            Fx.run(() -> {
                stage.requestFocus();
                stage.hide();
            });
        }
    }

    private Kiosk start(KioskConfig config, boolean developer) throws Exception {
        return start(config, Clock.systemDefaultZone(), developer);
    }

    private Kiosk start(KioskConfig config, Clock clock, boolean developer) throws Exception {
        kiosk = Fx.call(() -> {
            stage = new Stage();
            Kiosk started = Kiosk.start(stage, config, clock, tasks, developer);
            // In the same FX call as the start, so the first sync cannot come before it.
            started.setSyncListener(synced::add);
            return started;
        });
        return ready();
    }

    /** Landscape does not fit Monocle's portrait screen: its pictures come from a scene that is not shown. */
    private Kiosk offscreen(KioskConfig config) throws Exception {
        kiosk = Fx.call(() -> Kiosk.offscreen(new Stage(), config, Clock.systemDefaultZone(), tasks));
        return ready();
    }

    private Kiosk ready() throws Exception {
        kiosk.ready().get(30, TimeUnit.SECONDS);
        kiosk.setupFinished().get(30, TimeUnit.SECONDS); // the home screen comes before the hall server's side
        WaitForAsyncUtils.waitForFxEvents();
        return kiosk;
    }

    private void shot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Fx.run(() -> {
            // A scene that is not shown gets no pulses: lay it out until it settles, as pulses would.
            for (int i = 0; i < 3; i++) {
                kiosk.scene().getRoot().applyCss();
                kiosk.scene().getRoot().layout();
            }
            Screenshots.save(kiosk.scene(), name);
        });
    }


    private Destination at() {
        return Fx.call(() -> kiosk.shell().current());
    }

    @Test
    void theEmbeddedServerIsSyncedOnTheFirstRun() throws Exception {
        start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60)), false);
        SyncOutcome first = awaitSync(o -> true);
        assertEquals("applied version 1", first.line(), "the demo catalog comes through the real sync path");
        assertTrue(java.nio.file.Files.exists(data.resolve("catalog/CURRENT")));
        assertEquals("终端编号 kiosk-test · 目录版本 1", Fx.call(() -> robot.lookup("#catalog-info").queryAs(Label.class).getText()));
    }

    @Test
    void aNewCatalogWaitsUntilTheCitizenIsBackHome(@TempDir Path server) throws Exception {
        KeyPair key = Ed25519Keys.generate();
        Ed25519Keys.write(key, server.resolve("publisher.key"), server.resolve("publisher.pub"));
        publish(server, key, 2, "居民身份证换领");
        // Not a try-with-resources: the test closes the server halfway, to see the kiosk lose it.
        HallServer hall = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), server);
        try {
            start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60))
                    .with(ConfigKey.SERVER_URL, Optional.of(hall.baseUri()))
                    .with(ConfigKey.SYNC_PUBLIC_KEY, Optional.of(server.resolve("publisher.pub"))), false);
            assertEquals("applied version 2", awaitSync(o -> true).line());
            assertEquals("终端编号 kiosk-test · 目录版本 2", footer(), "read back and shown at once: the kiosk is at home");

            screen.tap("#tile-guide");
            screen.tap("#entry-person-090");
            String serviceId = Fx.call(() -> robot.lookup(".service-row").query().getId()).substring("service-".length());
            screen.tap(".service-row");
            Destination guide = at();
            assertEquals(new Destination.Guide(serviceId), guide);

            publish(server, key, 3, "居民身份证换领（新）");
            kiosk.syncNow();
            assertEquals("applied version 3", awaitSync(o -> o.version() == 3).line());
            assertEquals(guide, at(), "the citizen's guide stays on screen");
            assertEquals("终端编号 kiosk-test · 目录版本 2", footer());

            screen.tap("#home-button");
            assertEquals("终端编号 kiosk-test · 目录版本 3", footer());
            assertFalse(kiosk.searchIndex().search("居民身份证换领（新）", 5).isEmpty(), "the search index swapped too");

            hall.close();
            kiosk.syncNow();
            assertEquals(SyncOutcome.Kind.UNREACHABLE, awaitSync(SyncOutcome::failed).kind());
            assertEquals("终端编号 kiosk-test · 目录版本 3 · 暂未能更新目录", footer(), "a technician passing by sees it");
            shot("home-sync-trouble-portrait");
        } finally {
            hall.close();
        }
    }

    @Test
    void aKioskLeftOnTheEmbeddedServerKeepsShowingTheHallsCatalog(@TempDir Path server) throws Exception {
        KeyPair key = Ed25519Keys.generate();
        Ed25519Keys.write(key, server.resolve("publisher.key"), server.resolve("publisher.pub"));
        publish(server, key, 202611300000L, "居民身份证换领（龙潭）");
        KioskConfig hallConfig = TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60));
        try (HallServer hall = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), server);
             CatalogSetup setup = CatalogSetup.create(hallConfig.with(ConfigKey.SERVER_URL, Optional.of(hall.baseUri()))
                     .with(ConfigKey.SYNC_PUBLIC_KEY, Optional.of(server.resolve("publisher.pub"))), Clock.systemUTC())) {
            assertEquals("applied version 202611300000", setup.sync().syncOnce().line());
        }

        // The same data.dir, started with server.url=embedded (the shipped value, left in by mistake).
        start(hallConfig, false);
        SyncOutcome outcome = awaitSync(o -> true);
        assertEquals(SyncOutcome.Kind.REJECTED, outcome.kind(), outcome.line());
        assertTrue(outcome.reason().contains("the demo never replaces this kiosk's catalog version 202611300000"), outcome.reason());
        assertEquals("终端编号 kiosk-test · 目录版本 202611300000 · 暂未能更新目录", footer());
        assertFalse(Fx.call(() -> robot.lookup("#sample-mark").query().isVisible()), "no sample-data notice");
        assertFalse(kiosk.searchIndex().search("居民身份证换领（龙潭）", 5).isEmpty(), "the hall's services, not the demo's");
    }

    @Test
    void aKeyFileThatHoldsNoKeyStillShowsACatalogAndTellsTheTechnician(@TempDir Path keys) throws Exception {
        Path junk = keys.resolve("publisher.pub");
        java.nio.file.Files.writeString(junk, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI technician@laptop\n");
        start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60))
                .with(ConfigKey.SERVER_URL, Optional.of(java.net.URI.create("http://127.0.0.1:9/")))
                .with(ConfigKey.SYNC_PUBLIC_KEY, Optional.of(junk)), false);
        assertInstanceOf(Destination.Home.class, at());
        assertEquals("终端编号 kiosk-test · 目录版本 — · 暂未能更新目录", footer(),
                "a hall's kiosk with nothing cached shows no catalog rather than the demo, and the trouble is marked");
        robot.clickOn("#tile-guide");
        assertInstanceOf(Destination.Home.class, at());
        assertTrue(Fx.call(() -> robot.lookup("#home-message").queryAs(Label.class).getText()).contains("服务目录暂不可用"));
        shot("home-no-catalog-portrait");
    }

    @Test
    void aKeyFileFixedWhileTheKioskRunsIsTakenUpAtTheNextTry(@TempDir Path server, @TempDir Path keys) throws Exception {
        KeyPair key = Ed25519Keys.generate();
        Ed25519Keys.write(key, server.resolve("publisher.key"), server.resolve("publisher.pub"));
        publish(server, key, 2, "居民身份证换领");
        Path keyFile = keys.resolve("publisher.pub");
        java.nio.file.Files.writeString(keyFile, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI technician@laptop\n");
        try (HallServer hall = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), server)) {
            start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60))
                    .with(ConfigKey.SERVER_URL, Optional.of(hall.baseUri()))
                    .with(ConfigKey.SYNC_PUBLIC_KEY, Optional.of(keyFile)), false);
            assertEquals("终端编号 kiosk-test · 目录版本 — · 暂未能更新目录", footer());

            java.nio.file.Files.copy(server.resolve("publisher.pub"), keyFile,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertEquals(1, tasks.runScheduled(), "one try, a sync interval after the start");
            assertEquals("applied version 2", awaitSync(o -> true).line(), "no restart needed");
            assertEquals("终端编号 kiosk-test · 目录版本 2", footer());
        }
    }

    private String footer() {
        return Fx.call(() -> robot.lookup("#catalog-info").queryAs(Label.class).getText());
    }

    /** The next sync outcome {@code wanted}, once the kiosk has acted on it (footer, new catalog offered). */
    private SyncOutcome awaitSync(Predicate<SyncOutcome> wanted) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (SyncOutcome o; (o = synced.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
            if (wanted.test(o)) {
                return o;
            }
        }
        throw new AssertionError("no sync outcome in 30 s; last: " + kiosk.syncStatus());
    }

    private static void publish(Path server, KeyPair key, long version, String firstName) throws Exception {
        Catalog small = org.yizhan.testing.TestCatalogs.small();
        List<Service> services = new java.util.ArrayList<>(small.services());
        services.set(0, services.get(0).withIdAndName(services.get(0).id(), firstName));
        Path file = server.resolve("catalog-" + version + ".json");
        CatalogJson.write(new Catalog(version, small.generatedAt(), small.title(), false, "", small.themes(),
                small.departments(), services), file);
        BundlePublisher.publish(file, key.getPrivate(), server.resolve(HallServer.CATALOG_DIR), "", Duration.ofDays(30),
                Clock.systemUTC());
    }

    @Test
    void citizenFindsWhatToBringAndComesBackHome() throws Exception {
        start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60)), false);
        assertInstanceOf(Destination.Home.class, at());
        shot("home-portrait");

        screen.tap("#tile-guide");
        assertEquals(new Destination.Browse(Audience.PERSON), at());
        shot("browse-portrait");

        screen.tap("#entry-person-090");
        assertEquals(new Destination.ThemeServices("person-090"), at());
        shot("services-portrait");

        String serviceId = Fx.call(() -> robot.lookup(".service-row").query().getId()).substring("service-".length());
        screen.tap(".service-row");
        assertEquals(new Destination.Guide(serviceId), at());
        shot("guide-portrait");

        Node materials = robot.lookup("#materials-table").query();
        assertTrue(Fx.call(() -> materials.isVisible() && materials.getScene() != null));
        List<String> heads = Fx.call(() -> robot.lookup("#materials-table .cell-head").queryAllAs(Label.class)
                .stream().map(Label::getText).toList());
        assertEquals(List.of("材料名称", "原件", "复印件", "是否必要"), heads);
        scrollTo("#guide-scroll", "#section-materials");
        shot("guide-materials-portrait");
        scrollTo("#guide-scroll", "#section-steps");
        shot("guide-steps-portrait");

        screen.tap("#back-button");
        assertEquals(new Destination.ThemeServices("person-090"), at());
        screen.tap("#back-button");
        assertEquals(new Destination.Browse(Audience.PERSON), at());
        screen.tap("#home-button");
        assertInstanceOf(Destination.Home.class, at());
    }

    @Test
    void theLegalBasisOpensIntoViewWithItsChevronPointingUp() throws Exception {
        start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60)), false);
        Fx.run(() -> kiosk.shell().go(new Destination.Guide("gaj-sfz-sl")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("mdi2c-chevron-down", basisChevron(), "folded: the chevron points down");
        screen.tap("#basis-toggle");
        assertEquals("mdi2c-chevron-up", basisChevron(), "open: the chevron points up");
        Bounds view = Fx.call(() -> robot.lookup("#guide-scroll").query().localToScene(
                robot.lookup("#guide-scroll").query().getLayoutBounds()));
        Bounds first = Fx.call(() -> {
            Node text = robot.lookup("#basis-list .label").query();
            return text.localToScene(text.getLayoutBounds());
        });
        assertTrue(first.getMinY() >= view.getMinY() && first.getMaxY() <= view.getMaxY(),
                "the opened text is scrolled into view: " + first + " in " + view);
        shot("guide-basis-open-portrait");
        screen.tap("#basis-toggle");
        assertEquals("mdi2c-chevron-down", basisChevron(), "folded again: down");
    }

    private String basisChevron() {
        return Fx.call(() -> ((FontIcon) robot.lookup("#basis-toggle").queryAs(Button.class).getGraphic())
                .getIconLiteral());
    }

    @Test
    void searchByPinyinInitialsOnTheOnScreenKeyboard() throws Exception {
        start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60)), false);
        screen.tap("#tile-search");
        assertInstanceOf(Destination.Search.class, at());
        shot("search-empty-portrait");
        screen.tap("#key-s");
        screen.tap("#key-f");
        screen.tap("#key-z");
        assertEquals("sfz", Fx.call(() -> ((javafx.scene.control.TextField) robot.lookup("#search-box").query()).getText()));
        List<String> ids = Fx.call(() -> robot.lookup(".service-row").queryAll().stream().map(Node::getId).toList());
        assertTrue(ids.stream().limit(3).anyMatch(id -> id.startsWith("hit-gaj-sfz")), ids.toString());
        shot("search-sfz-portrait");
        String first = ids.get(0);
        screen.tap("#" + first);
        assertEquals(new Destination.Guide(first.substring("hit-".length())), at());
        screen.tap("#back-button");
        assertEquals(new Destination.Search("sfz"), at(), "back from a guide returns to the results");
        assertEquals(ids, Fx.call(() -> robot.lookup(".service-row").queryAll().stream().map(Node::getId).toList()));
        screen.tap("#key-clear");
        assertTrue(Fx.call(() -> robot.lookup(".service-row").queryAll().isEmpty()), "clear empties the list");
        screen.tap("#key-q");
        screen.tap("#key-q");
        screen.tap("#key-q");
        screen.tap("#key-q");
        shot("search-nothing-portrait");
        assertTrue(Fx.call(() -> robot.lookup("#search-nothing").query().isVisible()));
        screen.tap("#elder-button");
        shot("search-elder");
    }

    @Test
    void searchTappedBeforeTheIndexIsReadyWaitsOnTheLoadingPageThenFindsTheServices() throws Exception {
        KioskConfig config = TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60));
        java.util.concurrent.CompletableFuture<Void> indexMayStart = new java.util.concurrent.CompletableFuture<>();
        kiosk = Fx.call(() -> {
            stage = new Stage();
            return Kiosk.start(stage, config, Clock.systemDefaultZone(), tasks, false,
                    CatalogReadAhead.begin(config, indexMayStart));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Fx.call(() -> kiosk.shell().current()) instanceof Destination.Home);
        assertFalse(kiosk.ready().isDone(), "home comes before the index");
        screen.tap("#tile-search");
        assertEquals(new Destination.Search(), at());
        assertTrue(Fx.call(() -> robot.lookup(".loading").tryQuery().isPresent()), "the loading page while held");
        assertTrue(Fx.call(() -> robot.lookup("#search-box").tryQuery().isEmpty()));
        shot("search-held-portrait");

        indexMayStart.complete(null);
        ready();
        assertEquals(new Destination.Search(), at());
        screen.tap("#key-s");
        screen.tap("#key-f");
        screen.tap("#key-z");
        List<String> ids = Fx.call(() -> robot.lookup(".service-row").queryAll().stream().map(Node::getId).toList());
        assertTrue(ids.stream().limit(3).anyMatch(id -> id.startsWith("hit-gaj-sfz")), ids.toString());
        screen.tap("#" + ids.get(0));
        assertEquals(new Destination.Guide(ids.get(0).substring("hit-".length())), at());
        assertFalse(Fx.call(() -> robot.lookup(".material-name").queryAll().isEmpty()),
                "the guide has its materials: the whole catalog, not the outline");
    }

    @Test
    void anEverydayWordTypedInPinyinFindsTheServiceAndSaysWhy() throws Exception {
        start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60)), false);
        screen.tap("#tile-search");
        for (String key : List.of("s", "h", "e", "b", "a", "o")) {
            screen.tap("#key-" + key);
        }
        assertEquals("shebao", Fx.call(() -> ((javafx.scene.control.TextField) robot.lookup("#search-box").query()).getText()));
        // 社保 is in no demo service's name: the dictionary's 社保 = 社会保障 brings 社会保障卡申领.
        List<String> ids = Fx.call(() -> robot.lookup(".service-row").queryAll().stream().map(Node::getId).toList());
        assertTrue(ids.contains("hit-rsj-sbk"), ids.toString());
        String name = Fx.call(() -> robot.lookup("#hit-rsj-sbk .hit-name").queryAll().stream()
                .flatMap(n -> ((javafx.scene.text.TextFlow) n).getChildren().stream())
                .map(t -> ((javafx.scene.text.Text) t).getText()).reduce("", String::concat));
        assertEquals("社会保障卡申领", name);
        Label note = Fx.call(() -> robot.lookup("#hit-note-rsj-sbk").queryAs(Label.class));
        assertEquals("与“社保”相关", Fx.call(note::getText));
        assertTrue(Fx.call(note::isVisible));
        shot("search-everyday-word");
        assertEquals(List.of(), Fx.call(() -> CutText.in(kiosk.scene())), "the note and the name read whole");
        double rowHeight = Fx.call(() -> robot.lookup("#hit-rsj-sbk").query().getBoundsInLocal().getHeight());
        assertTrue(rowHeight >= 64, "still a big touch target: " + rowHeight);
        screen.tap("#hit-rsj-sbk");
        assertEquals(new Destination.Guide("rsj-sbk"), at(), "the row with the note still opens the guide");
    }

    @Test
    void aPhysicalKeyboardOrCommittedImeTextSearchesToo() throws Exception {
        start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60)), false);
        screen.tap("#tile-search");
        screen.tap("#search-box");
        robot.write("婚");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> names = Fx.call(() -> robot.lookup(".hit-name").queryAll().stream()
                .map(n -> ((javafx.scene.text.TextFlow) n).getChildren().stream()
                        .map(t -> ((javafx.scene.text.Text) t).getText()).reduce("", String::concat))
                .toList());
        assertFalse(names.isEmpty());
        // Names with 婚 come first; services that only need, say, a 结婚证 among their materials follow.
        assertTrue(names.size() >= 3 && names.subList(0, 3).stream().allMatch(n -> n.contains("婚")), names.toString());
        robot.write("sfz");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Destination.Search("婚sfz"), at(), "typed text and on-screen keys edit the same query");
    }

    @Test
    void aFingerDragScrollsTheListWithoutOpeningARow() throws Exception {
        start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60)), false);
        screen.tap("#tile-guide");
        screen.tap("#entry-person-090");
        ScrollPane pane = (ScrollPane) robot.lookup("#services-scroll").query();
        assertEquals(0.0, Fx.call(pane::getVvalue));
        robot.drag(".service-row").moveBy(0, -300).moveBy(0, -300).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.call(pane::getVvalue) > 0, "the list followed the finger");
        assertEquals(new Destination.ThemeServices("person-090"), at(), "a drag is not a tap");
    }

    @Test
    void aMouseWheelNotchScrollsAFewLinesOnListsAndPages() throws Exception {
        start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60)), false);
        Fx.run(() -> kiosk.shell().go(new Destination.ThemeServices("person-090")));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotchScrolls("#services-scroll");
        Fx.run(() -> kiosk.shell().go(new Destination.Guide("gaj-sfz-sl")));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotchScrolls("#guide-scroll");
    }

    /**
     * One notch down, as Linux reports a mouse wheel (40 px of delta with a multiplier of 40), over
     * something in the list, so it passes the scroll pane's own handling on its way up.
     */
    private void assertNotchScrolls(String query) {
        ScrollPane pane = robot.lookup(query).queryAs(ScrollPane.class);
        Node under = Fx.call(() -> pane.getContent().lookup(".label"));
        double before = Fx.call(() -> scrolled(pane));
        Fx.run(() -> javafx.event.Event.fireEvent(under, new ScrollEvent(ScrollEvent.SCROLL, 500, 500, 500, 500,
                false, false, false, false, false, false, 0, -40, 0, -40, 40, 40,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.LINES, -3, 0, null)));
        WaitForAsyncUtils.waitForFxEvents();
        double moved = Fx.call(() -> scrolled(pane)) - before;
        assertTrue(moved >= 120 && moved <= 200, query + ": one notch moved " + moved + " px");
    }

    private static double scrolled(ScrollPane pane) {
        double scrollable = pane.getContent().getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
        return (pane.getVvalue() - pane.getVmin()) / (pane.getVmax() - pane.getVmin()) * scrollable;
    }

    @Test
    void legalSideAndDepartmentsAndElderMode() throws Exception {
        start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60)), false);
        screen.tap("#tile-guide");
        screen.tap("#browse-legal");
        assertEquals(new Destination.Browse(Audience.LEGAL, false), at());
        shot("browse-legal-portrait");
        screen.tap("#browse-by-department");
        shot("browse-departments-portrait");
        screen.tap(".card-button");
        assertInstanceOf(Destination.DepartmentServices.class, at());
        screen.tap("#back-button");
        assertEquals(new Destination.Browse(Audience.LEGAL, true), at(), "返回 keeps the side and mode chosen");

        screen.tap("#elder-button");
        assertTrue(Fx.call(() -> kiosk.shell().root().getStyleClass().contains("elder")));
        shot("browse-departments-elder");
        screen.tap(".card-button");
        screen.tap(".service-row");
        shot("guide-elder");
        screen.tap("#home-button");
        assertFalse(Fx.call(() -> kiosk.shell().root().getStyleClass().contains("elder")),
                "the next citizen starts in the standard mode");
        shot("home-elder-reset");
    }

    @Test
    void idleTimeoutReturnsHomeAndForgetsTheCitizen() throws Exception {
        ManualClock clock = new ManualClock();
        start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60)), clock, false);
        screen.tap("#tile-guide");
        screen.tap("#browse-legal");
        screen.tap("#elder-button");
        // Elder mode: idle.timeout.elder, three minutes by default, and the same 20 s countdown at its end.
        idleFor(clock, Duration.ofSeconds(159));
        assertFalse(countdownShown(), "no countdown while the citizen may still be reading");
        idleFor(clock, Duration.ofSeconds(2));
        assertTrue(countdownShown(), "the countdown shows in the last 20 seconds");
        assertEquals("19 秒后无操作将返回首页", Fx.call(() -> robot.lookup("#idle-countdown").queryAs(Label.class).getText()));
        shot("idle-countdown-elder-portrait");
        idleFor(clock, Duration.ofSeconds(19));
        assertInstanceOf(Destination.Home.class, at());
        assertFalse(Fx.call(() -> kiosk.shell().root().getStyleClass().contains("elder")));
        screen.tap("#tile-guide");
        assertEquals(new Destination.Browse(Audience.PERSON), at(), "the 法人 choice was forgotten");
        screen.tap("#back-button");
        assertInstanceOf(Destination.Home.class, at(), "and so was the history");
    }

    @Test
    void theStandardTimeoutCountsDownItsLast20SecondsAndElderModeGivesMoreTime() throws Exception {
        ManualClock clock = new ManualClock();
        start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60)), clock, false);
        screen.tap("#tile-guide");
        idleFor(clock, Duration.ofSeconds(39));
        assertFalse(countdownShown());
        idleFor(clock, Duration.ofSeconds(2));
        assertTrue(countdownShown(), "idle.timeout's last 20 seconds");
        assertEquals("19 秒后无操作将返回首页", Fx.call(() -> robot.lookup("#idle-countdown").queryAs(Label.class).getText()));
        shot("idle-countdown-portrait");
        screen.tap("#elder-button");
        assertFalse(countdownShown(), "a tap starts the count again");
        idleFor(clock, Duration.ofSeconds(61));
        assertFalse(countdownShown(), "elder mode waits longer than idle.timeout");
        assertInstanceOf(Destination.Browse.class, at());
        idleFor(clock, Duration.ofSeconds(120));
        assertInstanceOf(Destination.Home.class, at(), "after idle.timeout.elder");
    }

    /** Nobody touches the kiosk while {@code clock} moves on; the idle check runs as its ticker would. */
    private void idleFor(ManualClock clock, Duration idle) {
        clock.advance(idle);
        Fx.run(() -> kiosk.shell().checkIdle());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean countdownShown() {
        return Fx.call(() -> {
            for (Node n = robot.lookup("#idle-countdown").query(); n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void theWindowOpensCoveringTheScreenOnTheLoadingPageInThePagesColourNotWhite() throws Exception {
        List<String> atShow = new java.util.ArrayList<>();
        kiosk = Fx.call(() -> {
            stage = new Stage();
            stage.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> {
                var scene = stage.getScene();
                var root = (javafx.scene.layout.Region) scene.getRoot();
                atShow.add("covers the screen " + (stage.getWidth() == javafx.stage.Screen.getPrimary().getBounds().getWidth()
                        && stage.getHeight() == javafx.stage.Screen.getPrimary().getBounds().getHeight()));
                atShow.add("loading page " + (root.lookup(".loading") != null));
                atShow.add("styled " + (root.getBackground() != null));
                atShow.add("fill " + (scene.getFill() == javafx.scene.paint.Color.WHITE ? "white"
                        : root.getBackground() != null && scene.getFill().equals(root.getBackground().getFills().get(0).getFill())
                                ? "the page's colour" : scene.getFill()));
            });
            // A catalog that never comes: the loading page is all there is to see.
            return Kiosk.start(stage, TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60)),
                    Clock.systemDefaultZone(), new NeverTaskExecutor(), false);
        });
        assertEquals(List.of("covers the screen true", "loading page true", "styled true", "fill the page's colour"),
                atShow);
        assertTrue(Fx.call(stage::isFullScreen));
    }

    @Test
    void escapeAndCloseRequestDoNotLeaveTheKiosk() throws Exception {
        start(TestKiosks.config(data, Orientation.PORTRAIT, Duration.ofSeconds(60)), false);
        assertTrue(Fx.call(stage::isFullScreen));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.call(stage::isFullScreen), "ESC must not leave full screen");
        Fx.run(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.call(stage::isShowing), "a close request is refused");
        Fx.run(() -> stage.setFullScreen(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.call(stage::isFullScreen), "anything that drops full screen is undone");
    }

    @Test
    void landscapeScreens() throws Exception {
        offscreen(TestKiosks.config(data, Orientation.LANDSCAPE, Duration.ofSeconds(60)));
        assertEquals(1920.0, Fx.call(() -> kiosk.scene().getWidth()));
        shot("home-landscape");
        Fx.run(() -> kiosk.shell().go(new Destination.Browse(Audience.PERSON)));
        shot("browse-landscape");
        Fx.run(() -> kiosk.shell().go(new Destination.ThemeServices("person-090")));
        shot("services-landscape");
        String id = Fx.call(() -> kiosk.shell().currentScreen().root().lookup(".service-row").getId()).substring(8);
        Fx.run(() -> kiosk.shell().go(new Destination.Guide(id)));
        shot("guide-landscape");
    }

    @Test
    void configurationProblemsShowOnATechnicianPage() throws Exception {
        List<ConfigProblem> problems = List.of(
                new ConfigProblem("idle.timeout", "sixty", "a whole number of seconds from 15 to 3600 (default 60)",
                        "15 到 3600 之间的整数（秒）（默认 60）"),
                new ConfigProblem("idle.timout", "60", "did you mean \"idle.timeout\"?", "没有这个配置项，是否应为“idle.timeout”？"),
                new ConfigProblem("kiosk.id", "", "1 to 32 letters, digits, _ or - (required), but the file does not set it",
                        "1 到 32 个英文字母、数字、下划线 _ 或连字符 -（必填），但文件中没有这一项"),
                ConfigProblem.ofFile("kiosk.properties is not saved as UTF-8 but in GBK (\"ANSI\") (lines 1, 3)",
                        "kiosk.properties 不是以 UTF-8 编码保存的，而是 GBK（“ANSI”）编码：第 1、3 行。请用记事本打开它，"
                                + "选择“文件 > 另存为”，把“编码”改为 UTF-8，保存后重新启动终端。"));
        var scene = Fx.call(() -> {
            stage = new Stage();
            KioskApp.showProblems(stage, new KioskApp.Launch("/etc/yizhan/kiosk.properties",
                    KioskConfig.defaults(), problems, false));
            return stage.getScene();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.call(stage::isFullScreen));
        String text = Fx.call(() -> robot.lookup("#problem .label").queryAllAs(Label.class).stream()
                .map(Label::getText).reduce("", (a, b) -> a + "\n" + b));
        assertTrue(text.contains("idle.timeout") && text.contains("sixty") && text.contains("idle.timout"), text);
        List<String> lines = List.of(text.strip().split("\n"));
        int chinese = lines.indexOf("应为：没有这个配置项，是否应为“idle.timeout”？");
        assertTrue(chinese >= 0 && lines.get(chinese + 1).equals("did you mean \"idle.timeout\"?"),
                "the Chinese explanation first, the English detail after it: " + lines);
        assertTrue(lines.contains("当前值：（未填写）"), "a key the file does not set: " + lines);
        assertTrue(lines.contains("问题：kiosk.properties 不是以 UTF-8 编码保存的，而是 GBK（“ANSI”）编码：第 1、3 行。请用记事本打开它，"
                + "选择“文件 > 另存为”，把“编码”改为 UTF-8，保存后重新启动终端。"), lines.toString());
        Fx.run(() -> Screenshots.save(scene, "problem-portrait"));
    }

    private void scrollTo(String scrollPane, String target) {
        Fx.run(() -> {
            ScrollPane pane = (ScrollPane) robot.lookup(scrollPane).query();
            Node node = robot.lookup(target).query();
            double y = node.getBoundsInParent().getMinY();
            double h = pane.getContent().getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
            pane.setVvalue(h <= 0 ? 0 : Math.min(1, y / h));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
