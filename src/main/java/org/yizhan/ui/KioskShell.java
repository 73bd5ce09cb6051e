package org.yizhan.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.yizhan.config.UiLanguage;
import org.yizhan.speech.SpeechEngine;

/**
 * The frame around every screen: top bar (hall, 长者模式, clock), the current screen, and a bottom bar
 * (首页, 返回, idle countdown, small print). It owns navigation and the idle reset.
 */
public final class KioskShell implements Navigator {

    /**
     * What the shell shows about this kiosk, how long it waits for an absent citizen (longer in elder mode), and the
     * language the next citizen finds it in.
     */
    public record Info(String hallName, String kioskId, boolean elderByDefault, Duration idleTimeout,
            Duration elderIdleTimeout, UiLanguage defaultLanguage) {

        public Info(String hallName, String kioskId, boolean elderByDefault, Duration idleTimeout,
                Duration elderIdleTimeout) {
            this(hallName, kioskId, elderByDefault, idleTimeout, elderIdleTimeout, UiLanguage.ZH_HANS);
        }

        public Info(String hallName, String kioskId, boolean elderByDefault, Duration idleTimeout) {
            this(hallName, kioskId, elderByDefault, idleTimeout, idleTimeout);
        }
    }

    private final Map<UiLanguage, Messages> languages = new EnumMap<>(UiLanguage.class);
    private Messages messages;
    private final ObjectProperty<UiLanguage> language = new SimpleObjectProperty<>();
    private final Map<UiLanguage, Button> languageButtons = new EnumMap<>(UiLanguage.class);
    private final Label hall = new Label();
    private final Button elderButton = new Button();
    private final Button homeButton;
    private final Button backButton;
    private final Button stayButton;
    private final Label loadingText = new Label();
    private boolean sample;
    private final ScreenFactory factory;
    private final Info info;
    private ClockText clockText;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Deque<Destination> history = new ArrayDeque<>();
    private final BooleanProperty elder = new SimpleBooleanProperty();
    private final IdleMonitor idle;
    private final Label clock = new Label();
    private final Label catalogInfo = new Label();
    private long catalogVersion;
    private boolean syncTrouble;
    private final Label sampleMark = new Label();
    private final HBox bottomBar;
    private final HBox navButtons;
    private final HBox countdownBox;
    private Destination current;
    private Screen currentScreen;
    private Runnable beforeHome = () -> { };
    private boolean holding;
    private final Recovery recovery = new Recovery();
    private boolean recoveryDue;
    private final CornerTaps cornerTaps = new CornerTaps();
    private Runnable onCornerTaps = () -> { };
    private final Clock wallClock;
    private final Timeline ticker;
    /** Null while no speech engine was found: then there is no 朗读 button. */
    private SpeechEngine speech;
    private final BooleanProperty speechFound = new SimpleBooleanProperty();
    private final StringProperty spoken = new SimpleStringProperty("");
    private final BooleanProperty speaking = new SimpleBooleanProperty();
    /** Counts every start and stop, so a reading that ends after it was stopped changes nothing. */
    private long readings;
    private long readingSince;
    /**
     * A citizen listening is not gone, but an engine that never ends must not keep the next citizen from a fresh
     * screen: {@code SpeechText} caps a text at about four minutes of speech.
     */
    private static final Duration LONGEST_READING = Duration.ofMinutes(5);

    public KioskShell(Messages messages, ScreenFactory factory, Info info, Clock clock) {
        this.messages = messages;
        languages.put(messages.language(), messages);
        language.set(messages.language());
        this.factory = factory;
        this.info = info;
        this.clockText = new ClockText(clock, messages);
        this.wallClock = clock;
        this.idle = new IdleMonitor(idleTimeout(info.elderByDefault()), clock::millis, this::home);
        idle.keepAliveWhile(() -> speaking.get() && wallClock.millis() - readingSince < LONGEST_READING.toMillis());

        root.setTop(topBar());
        content.getStyleClass().add("content");
        root.setCenter(content);

        homeButton = button("shell.home", "mdi2h-home", "home-button");
        homeButton.setOnAction(e -> home());
        backButton = button("shell.back", "mdi2a-arrow-left", "back-button");
        backButton.setOnAction(e -> back());
        HBox navButtons = new HBox(24, homeButton, backButton);
        navButtons.setAlignment(Pos.CENTER_LEFT);

        Label countdown = new Label();
        countdown.getStyleClass().add("countdown");
        countdown.setId("idle-countdown");
        Labels.wrap(countdown).setMinWidth(0);
        countdown.textProperty().bind(idle.secondsLeftProperty().asString()
                .map(s -> messages.format("shell.idle.countdown", Integer.parseInt(s))));
        stayButton = button("shell.idle.stay", "mdi2g-gesture-tap", "stay-button");
        stayButton.setOnAction(e -> idle.activity());
        countdownBox = new HBox(16, countdown, stayButton);
        countdownBox.setAlignment(Pos.CENTER_RIGHT);
        countdownBox.visibleProperty().bind(idle.warningProperty());
        countdownBox.managedProperty().bind(idle.warningProperty());

        sampleMark.getStyleClass().add("sample-mark");
        Labels.wrap(sampleMark).setId("sample-mark");
        Labels.wrap(catalogInfo).setId("catalog-info");
        // The small print shares the bar with 首页 and 返回 rather than taking a band of its own below them: the
        // height is the citizen's. It gives way to the countdown, which matters more in those seconds.
        VBox smallPrint = new VBox(sampleMark, catalogInfo);
        smallPrint.getStyleClass().add("footer");
        smallPrint.setAlignment(Pos.CENTER_RIGHT);
        smallPrint.visibleProperty().bind(idle.warningProperty().not());
        smallPrint.managedProperty().bind(smallPrint.visibleProperty());
        HBox.setHgrow(smallPrint, Priority.SOMETIMES);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        this.navButtons = navButtons;
        bottomBar = new HBox(navButtons, spacer, readAloudButton(), countdownBox, smallPrint);
        bottomBar.getStyleClass().add("bottom-bar");
        root.setBottom(bottomBar);

        elder.addListener((obs, was, on) -> {
            if (on) {
                root.getStyleClass().add("elder");
            } else {
                root.getStyleClass().remove("elder");
                stopReading();
            }
            idle.setTimeout(idleTimeout(on));
        });
        elder.set(info.elderByDefault());
        language.addListener((obs, was, now) -> switchTo(now));
        markLanguageOnRoot(language.get());

        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1),
                e -> {
                    this.clock.setText(clockText.now());
                    checkRecovery();
                }));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        this.clock.setText(clockText.now());
    }

    /** Elder mode never waits less than the standard timeout. */
    private Duration idleTimeout(boolean elderMode) {
        return elderMode && info.elderIdleTimeout().compareTo(info.idleTimeout()) > 0 ? info.elderIdleTimeout()
                : info.idleTimeout();
    }

    /** Narrower than this in elder mode (a portrait screen), the hall's name gets a row of its own above the buttons. */
    private static final double TWO_ROW_WIDTH = 1400;
    private final VBox topBar = new VBox();
    private HBox controls;

    /** The hall's name with the date and time under it, then 简 繁 EN and 长者模式, where they are easy to reach. */
    private VBox topBar() {
        LineLimit.install(hall, 2);
        hall.setText(messages.chinese(info.hallName()));
        hall.getStyleClass().add("hall-name");
        hall.setId("hall-name");
        elderButton.setId("elder-button");
        elderButton.setGraphic(Icons.of("mdi2f-format-size"));
        elder.addListener((obs, was, on) -> labelElderButton());
        labelElderButton();
        elderButton.setOnAction(e -> elder.set(!elder.get()));
        elderButton.setMinWidth(Region.USE_PREF_SIZE);
        clock.getStyleClass().add("clock");
        clock.setId("clock");
        clock.setMinWidth(Region.USE_PREF_SIZE);
        controls = new HBox(languageButtons(), elderButton);
        controls.getStyleClass().add("top-controls");
        topBar.getStyleClass().add("top-bar");
        elder.addListener((obs, was, on) -> arrangeTopBar());
        root.widthProperty().addListener((obs, was, now) -> arrangeTopBar());
        arrangeTopBar();
        return topBar;
    }

    /**
     * One row (the hall's name and the time, then 简 繁 EN and 长者模式) where there is room; in elder mode on a portrait
     * screen the buttons alone would leave the name a third of the width, so the name and the time take the first row
     * and the buttons the second.
     */
    private void arrangeTopBar() {
        boolean twoRows = elder.get() && root.getWidth() > 0 && root.getWidth() < TWO_ROW_WIDTH;
        VBox where = new VBox(hall, clock);
        HBox.setHgrow(where, Priority.ALWAYS);
        if (twoRows) {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            topBar.getChildren().setAll(row(where), row(gap, controls));
        } else {
            topBar.getChildren().setAll(row(where, controls));
        }
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox row = new HBox(nodes);
        row.getStyleClass().add("top-row");
        return row;
    }

    private void labelElderButton() {
        elderButton.setText(messages.get(elder.get() ? "shell.elder.off" : "shell.elder.on"));
    }

    /**
     * 简体 · 繁體 · English, each named in its own script, so a visitor finds theirs without reading the others; the
     * one in use is marked, the others switch the screen at once.
     */
    private HBox languageButtons() {
        HBox box = new HBox();
        box.getStyleClass().add("language-buttons");
        for (UiLanguage l : UiLanguage.values()) {
            Button b = new Button(messages.get("language." + l.name().toLowerCase(java.util.Locale.ROOT)));
            b.setId("language-" + l.tag());
            b.getStyleClass().add("language-button");
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> language.set(l));
            languageButtons.put(l, b);
            box.getChildren().add(b);
        }
        markLanguage();
        return box;
    }

    private void markLanguage() {
        languageButtons.forEach((l, b) -> {
            b.getStyleClass().remove("current");
            if (l == language.get()) {
                b.getStyleClass().add("current");
            }
        });
    }

    /** The language the screens are in now. */
    public UiLanguage language() {
        return language.get();
    }

    private void markLanguageOnRoot(UiLanguage l) {
        root.getStyleClass().removeIf(c -> c.startsWith("lang-"));
        root.getStyleClass().add("lang-" + l.tag());
    }

    private void switchTo(UiLanguage l) {
        messages = languages.computeIfAbsent(l, Messages::new);
        markLanguageOnRoot(l);
        clockText = new ClockText(wallClock, messages);
        clock.setText(clockText.now());
        hall.setText(messages.chinese(info.hallName()));
        labelElderButton();
        homeButton.setText(messages.get("shell.home"));
        backButton.setText(messages.get("shell.back"));
        stayButton.setText(messages.get("shell.idle.stay"));
        loadingText.setText(messages.get("app.loading"));
        sampleMark.setText(sample ? messages.get("app.sampleData") : "");
        showCatalogInfo();
        markLanguage();
        labelReadButton();
        if (current != null) {
            show(current);
        }
    }

    private final Button readButton = new Button();

    private void labelReadButton() {
        readButton.setText(messages.get(speaking.get() ? "shell.read.stop" : "shell.read"));
    }

    /** 朗读, in elder mode only, where an engine was found and the screen has something to read; again, it stops. */
    private Button readAloudButton() {
        Button read = readButton;
        read.setId("read-aloud-button");
        speaking.addListener((obs, was, on) -> labelReadButton());
        labelReadButton();
        read.graphicProperty().bind(speaking.map(on -> Icons.of(on ? "mdi2s-stop-circle-outline" : "mdi2v-volume-high")));
        read.setMinWidth(Region.USE_PREF_SIZE);
        read.setOnAction(e -> {
            if (speaking.get()) {
                stopReading();
            } else {
                startReading();
            }
        });
        // A screen that takes its text away (an answer wiped) takes the reading with it.
        spoken.addListener((obs, was, now) -> {
            if (now == null || now.isEmpty()) {
                stopReading();
            }
        });
        // Not beside the idle countdown: in elder mode the bar has no room for both, and then 继续使用 matters.
        var shown = elder.and(speechFound).and(spoken.isNotEmpty()).and(idle.warningProperty().not());
        read.visibleProperty().bind(shown);
        read.managedProperty().bind(shown);
        return read;
    }

    /** On the FX thread, once the machine has been looked at (off it): the engine the 朗读 button speaks through. */
    public void setSpeech(java.util.Optional<SpeechEngine> engine) {
        stopReading();
        speech = engine.orElse(null);
        speechFound.set(speech != null);
    }

    private void startReading() {
        if (speech == null || spoken.get().isEmpty()) {
            return;
        }
        long mine = ++readings;
        readingSince = wallClock.millis();
        speaking.set(true);
        speech.speak(spoken.get(), messages.locale(), () -> javafx.application.Platform.runLater(() -> {
            if (mine == readings) {
                speaking.set(false);
                idle.activity(); // the idle time counts from the end of the reading
            }
        }));
    }

    private void stopReading() {
        readings++;
        if (speaking.get() && speech != null) {
            speech.stop();
        }
        speaking.set(false);
    }

    /** True while the 朗读 button reads; for tests. */
    public boolean reading() {
        return speaking.get();
    }

    private Button button(String key, String icon, String id) {
        Button b = new Button(messages.get(key), Icons.of(icon));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    public Parent root() {
        return root;
    }

    /** Starts watching the scene for activity; call once the root is in its scene. */
    public void attach(Scene scene) {
        idle.attach(scene);
        // A filter, not a handler: the taps count whatever is under them, and still reach it.
        scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (cornerTaps.tap(e.getSceneX(), e.getSceneY(), wallClock.millis())) {
                onCornerTaps.run();
            }
        });
    }

    /** On the UI thread, when the kiosk's screens are built afresh: this shell's clock and idle reset stop for good. */
    public void stop() {
        ticker.stop();
        idle.stop();
        stopReading();
        if (currentScreen != null) {
            currentScreen.left();
        }
    }

    /** What five quick taps in the top left corner do (open the technician's panel); nothing unless set. */
    public void setOnCornerTaps(Runnable action) {
        onCornerTaps = action;
    }

    /** Checks the idle countdown against the clock now, as the ticker does four times a second. */
    public void checkIdle() {
        idle.check();
    }

    /** Runs before every return home, e.g. to pick up a newly synced catalog between citizens. */
    public void setBeforeHome(Runnable beforeHome) {
        this.beforeHome = beforeHome;
    }

    public void setCatalogInfo(long version, boolean sample) {
        catalogVersion = version;
        showCatalogInfo();
        this.sample = sample;
        sampleMark.setText(sample ? messages.get("app.sampleData") : "");
        sampleMark.setVisible(sample);
        sampleMark.setManaged(sample);
    }

    /**
     * Marks the footer while catalog syncs fail, so a technician walking past sees it; the wording is
     * calm, because citizens read it too.
     */
    public void setSyncTrouble(boolean trouble) {
        syncTrouble = trouble;
        showCatalogInfo();
    }

    private void showCatalogInfo() {
        // Version 0 is no catalog at all (a hall's kiosk before its first sync): a dash, not a version.
        catalogInfo.setText(messages.format(syncTrouble ? "app.footerSyncTrouble" : "app.footer", info.kioskId(),
                catalogVersion == 0 ? "—" : String.valueOf(catalogVersion)));
    }

    public void showLoading() {
        content.getChildren().setAll(loadingPage());
        showBottomBar(false);
    }

    private VBox loadingPage() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(120, 120);
        loadingText.setText(messages.get("app.loading"));
        Labels.wrap(loadingText);
        VBox box = new VBox(spinner, loadingText);
        box.getStyleClass().add("loading");
        return box;
    }

    /**
     * While held, every screen but home and the technician's shows the loading page instead (with 首页 and 返回) and
     * opens by itself once released: the kiosk shows its home screen from the catalog's outline, before the services'
     * details and the search index are read. Call on the FX thread.
     */
    public void holdScreens(boolean hold) {
        holding = hold;
        if (!hold && currentScreen instanceof Held) {
            show(current);
        }
    }

    /** Whether screens are held ({@link #holdScreens}). */
    public boolean screensHeld() {
        return holding;
    }

    /** What stands for a held screen until it can be built. */
    private record Held(Parent root) implements Screen {
        @Override
        public String title() {
            return "";
        }
    }

    @Override
    public void go(Destination destination) {
        if (current != null) {
            history.push(current);
        }
        show(destination);
    }

    @Override
    public void back() {
        if (history.isEmpty()) {
            home();
        } else {
            show(history.pop());
        }
    }

    @Override
    public void replace(Destination destination) {
        current = destination;
    }

    /** Back to the start for the next citizen: history, elder mode and every screen's state are dropped. */
    @Override
    public void home() {
        beforeHome.run();
        history.clear();
        elder.set(info.elderByDefault());
        current = null; // not rebuilt twice when the language goes back too
        language.set(info.defaultLanguage());
        show(Destination.HOME);
    }

    /** Shows home again, e.g. with a new catalog, keeping the citizen's elder mode. */
    public void refreshHome() {
        beforeHome.run();
        show(Destination.HOME);
    }

    /** The screen shown is left: its reading stops, and it cancels what is still to come. */
    private void leaveCurrentScreen() {
        stopReading();
        spoken.unbind();
        spoken.set("");
        if (currentScreen != null) {
            // Forgotten first: if the next screen cannot be built, nothing leaves this one twice.
            Screen leaving = currentScreen;
            currentScreen = null;
            leaving.left();
        }
    }

    private void show(Destination destination) {
        leaveCurrentScreen();
        current = destination;
        boolean held = holding && !(destination instanceof Destination.Home || destination instanceof Destination.Technician);
        currentScreen = held ? new Held(loadingPage()) : factory.create(destination, this, messages);
        content.getChildren().setAll(currentScreen.root());
        spoken.bind(currentScreen.spokenText());
        boolean atHome = destination instanceof Destination.Home;
        showBottomBar(!atHome);
        idle.arm(!atHome);
    }

    /**
     * An exception escaped a handler on the FX thread: on the next pulse the shell goes home, or, if home itself
     * keeps failing, shows the out-of-service page and tries again later ({@link Recovery}). Several failures
     * before that pulse are one. Call on the FX thread.
     */
    public void failed() {
        if (recoveryDue) {
            return;
        }
        recoveryDue = true;
        javafx.application.Platform.runLater(this::recover);
    }

    private void recover() {
        recoveryDue = false;
        switch (recovery.failed(current instanceof Destination.Home, wallClock.instant())) {
            case HOME -> home();
            case OUT_OF_SERVICE -> showOutOfService();
            case NONE -> { }
        }
    }

    /** Tries home again once the out-of-service pause is over, as the ticker does every second. */
    public void checkRecovery() {
        if (recovery.retryDue(wallClock.instant())) {
            home();
        }
    }

    /** True while the out-of-service page is up. */
    public boolean outOfService() {
        return recovery.outOfService();
    }

    private void showOutOfService() {
        leaveCurrentScreen();
        current = null;
        history.clear();
        Label title = Labels.of(messages.get("shell.outOfService.title"), "title");
        Label text = Labels.of(messages.get("shell.outOfService.text"));
        Label english = Labels.of(messages.get("shell.outOfService.english"), "secondary");
        VBox page = new VBox(title, text, english);
        page.getStyleClass().add("out-of-service");
        page.setId("out-of-service");
        content.getChildren().setAll(page);
        showBottomBar(false);
        idle.arm(false);
    }

    /** Home has its own four ways in; 首页 and 返回 belong to the other screens. The small print stays. */
    private void showBottomBar(boolean shown) {
        navButtons.setVisible(shown);
        navButtons.setManaged(shown);
    }

    public Destination current() {
        return current;
    }

    public Screen currentScreen() {
        return currentScreen;
    }
}
