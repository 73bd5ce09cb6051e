package org.yizhan.app;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.Orientation;
import org.yizhan.search.SearchIndex;
import org.yizhan.ui.KioskShell;
import org.yizhan.ui.Messages;

/**
 * The kiosk, wired: configuration in, a stage showing the shell out. The catalog is read on a
 * background thread; until it is there the citizen sees a spinner, never a frozen screen.
 */
public final class Kiosk {

    private static final Logger LOG = LoggerFactory.getLogger(Kiosk.class);

    private final KioskShell shell;
    private final AtomicReference<CatalogSnapshot> catalog = new AtomicReference<>(CatalogSnapshot.empty());
    private final AtomicReference<SearchIndex> search = new AtomicReference<>();
    private final CompletableFuture<CatalogSnapshot> ready = new CompletableFuture<>();
    private final Scene scene;

    private final KioskConfig config;

    private Kiosk(Stage stage, KioskConfig config, Clock clock, boolean developer) {
        this.config = config;
        Messages messages = new Messages(Locale.SIMPLIFIED_CHINESE);
        Screens screens = new Screens(messages, config.hallName(), clock, catalog, search);
        shell = new KioskShell(messages, screens,
                new KioskShell.Info(config.hallName(), config.kioskId(), config.elderModeByDefault(), config.idleTimeout()),
                clock);
        boolean portrait = config.orientation() == Orientation.PORTRAIT;
        scene = new Scene(shell.root(), portrait ? 1080 : 1920, portrait ? 1920 : 1080);
        KioskStage.styles(scene);
        shell.attach(scene);
        shell.showLoading();
        KioskStage.lockDown(stage, scene, developer);
    }

    /** Shows the kiosk on {@code stage} and starts reading the catalog on {@code background}. */
    public static Kiosk start(Stage stage, KioskConfig config, Clock clock, Executor background, boolean developer) {
        Kiosk kiosk = new Kiosk(stage, config, clock, developer);
        KioskStage.show(stage, developer);
        kiosk.loadCatalog(background);
        return kiosk;
    }

    /** The kiosk's scene on a stage that is not shown: for pictures of a screen another size than the display's. */
    static Kiosk offscreen(Stage stage, KioskConfig config, Clock clock, Executor background) {
        Kiosk kiosk = new Kiosk(stage, config, clock, true);
        kiosk.loadCatalog(background);
        return kiosk;
    }

    private void loadCatalog(Executor background) {
        CatalogStartup startup = new CatalogStartup(config.dataDir());
        // The search index is built here too, off the FX thread, before the catalog is shown.
        CompletableFuture.supplyAsync(() -> {
            CatalogSnapshot snapshot = startup.load();
            return new Loaded(snapshot, SearchIndex.build(snapshot.catalog()));
        }, background).whenComplete((loaded, error) ->
                Platform.runLater(() -> {
                    if (error != null) {
                        LOG.error("No catalog could be loaded; the kiosk shows an empty catalog", error);
                        ready.completeExceptionally(error);
                        shell.home();
                        return;
                    }
                    search.set(loaded.index());
                    show(loaded.snapshot());
                }));
    }

    private record Loaded(CatalogSnapshot snapshot, SearchIndex index) {
    }

    private void show(CatalogSnapshot snapshot) {
        catalog.set(snapshot);
        shell.setCatalogInfo(snapshot.version(), snapshot.catalog().sample());
        shell.home();
        ready.complete(snapshot);
    }

    public KioskShell shell() {
        return shell;
    }

    public Scene scene() {
        return scene;
    }

    /** Completes on the FX thread once the catalog is on screen. */
    public CompletableFuture<CatalogSnapshot> ready() {
        return ready;
    }
}
