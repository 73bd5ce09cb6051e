package org.yizhan.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
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

/**
 * The frame around every screen: top bar (hall, 长者模式, clock), the current screen, and a bottom bar
 * (首页, 返回, idle countdown, small print). It owns navigation and the idle reset.
 */
public final class KioskShell implements Navigator {

    /** What the shell shows about this kiosk. */
    public record Info(String hallName, String kioskId, boolean elderByDefault, Duration idleTimeout) {
    }

    private final Messages messages;
    private final ScreenFactory factory;
    private final Info info;
    private final ClockText clockText;
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

    public KioskShell(Messages messages, ScreenFactory factory, Info info, Clock clock) {
        this.messages = messages;
        this.factory = factory;
        this.info = info;
        this.clockText = new ClockText(clock, messages);
        this.wallClock = clock;
        this.idle = new IdleMonitor(info.idleTimeout(), clock::millis, this::home);

        root.setTop(topBar());
        content.getStyleClass().add("content");
        root.setCenter(content);

        Button homeButton = button("shell.home", "mdi2h-home", "home-button");
        homeButton.setOnAction(e -> home());
        Button backButton = button("shell.back", "mdi2a-arrow-left", "back-button");
        backButton.setOnAction(e -> back());
        HBox navButtons = new HBox(24, homeButton, backButton);
        navButtons.setAlignment(Pos.CENTER_LEFT);

        Label countdown = new Label();
        countdown.getStyleClass().add("countdown");
        countdown.setId("idle-countdown");
        Labels.wrap(countdown).setMinWidth(0);
        countdown.textProperty().bind(idle.secondsLeftProperty().asString()
                .map(s -> messages.format("shell.idle.countdown", Integer.parseInt(s))));
        Button stay = button("shell.idle.stay", "mdi2g-gesture-tap", "stay-button");
        stay.setOnAction(e -> idle.activity());
        countdownBox = new HBox(16, countdown, stay);
        countdownBox.setAlignment(Pos.CENTER_RIGHT);
        countdownBox.visibleProperty().bind(idle.warningProperty());
        countdownBox.managedProperty().bind(idle.warningProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bottomBar = new HBox(navButtons, spacer, countdownBox);
        bottomBar.getStyleClass().add("bottom-bar");

        sampleMark.getStyleClass().add("sample-mark");
        Labels.wrap(sampleMark).setId("sample-mark");
        Labels.wrap(catalogInfo).setId("catalog-info");
        VBox footer = new VBox(sampleMark, catalogInfo);
        footer.getStyleClass().add("footer");
        root.setBottom(new VBox(bottomBar, footer));

        elder.addListener((obs, was, on) -> {
            if (on) {
                root.getStyleClass().add("elder");
            } else {
                root.getStyleClass().remove("elder");
            }
        });
        elder.set(info.elderByDefault());

        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1),
                e -> {
                    this.clock.setText(clockText.now());
                    checkRecovery();
                }));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        this.clock.setText(clockText.now());
    }

    /** The hall's name with the date and time under it, and 长者模式 at the side, where it is easy to reach. */
    private HBox topBar() {
        Label hall = LineLimit.install(new Label(info.hallName()), 2);
        hall.getStyleClass().add("hall-name");
        hall.setId("hall-name");
        Button elderButton = new Button();
        elderButton.setId("elder-button");
        elderButton.setGraphic(Icons.of("mdi2f-format-size"));
        elderButton.textProperty().bind(elder.map(on -> messages.get(on ? "shell.elder.off" : "shell.elder.on")));
        elderButton.setOnAction(e -> elder.set(!elder.get()));
        elderButton.setMinWidth(Region.USE_PREF_SIZE);
        clock.getStyleClass().add("clock");
        clock.setId("clock");
        clock.setMinWidth(Region.USE_PREF_SIZE);
        VBox where = new VBox(hall, clock);
        HBox.setHgrow(where, Priority.ALWAYS);
        HBox bar = new HBox(where, elderButton);
        bar.getStyleClass().add("top-bar");
        return bar;
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
        Label text = Labels.of(messages.get("app.loading"));
        VBox box = new VBox(spinner, text);
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
        show(Destination.HOME);
    }

    /** Shows home again, e.g. with a new catalog, keeping the citizen's elder mode. */
    public void refreshHome() {
        beforeHome.run();
        show(Destination.HOME);
    }

    private void show(Destination destination) {
        if (currentScreen != null) {
            // Forgotten first: if the next screen cannot be built, nothing leaves this one twice.
            Screen leaving = currentScreen;
            currentScreen = null;
            leaving.left();
        }
        current = destination;
        boolean held = holding && !(destination instanceof Destination.Home || destination instanceof Destination.Technician);
        currentScreen = held ? new Held(loadingPage()) : factory.create(destination, this);
        content.getChildren().setAll(currentScreen.root());
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
        if (currentScreen != null) {
            Screen leaving = currentScreen;
            currentScreen = null;
            leaving.left();
        }
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

    /** Home has its own four ways in; the bar with 首页 and 返回 belongs to the other screens. */
    private void showBottomBar(boolean shown) {
        bottomBar.setVisible(shown);
        bottomBar.setManaged(shown);
    }

    public Destination current() {
        return current;
    }

    public Screen currentScreen() {
        return currentScreen;
    }
}
