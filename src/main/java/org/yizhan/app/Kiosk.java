package org.yizhan.app;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.catalog.CatalogDirectory;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.model.Catalog;
import org.yizhan.print.TicketPrinter;
import org.yizhan.queue.Queues;
import org.yizhan.sync.SyncOutcome;
import org.yizhan.sync.SyncScheduler;
import org.yizhan.ui.Destination;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.Orientation;
import org.yizhan.search.EverydayWords;
import org.yizhan.search.SearchIndex;
import org.yizhan.speech.SpeechEngine;
import org.yizhan.speech.SpeechEngines;
import org.yizhan.ui.KioskShell;
import org.yizhan.ui.Messages;
import org.yizhan.ui.TaskExecutor;
import org.yizhan.ui.queue.QueueViewModel;
import org.yizhan.ui.status.StatusViewModel;
import org.yizhan.ui.rating.RatingViewModel;

/**
 * The kiosk, wired: configuration in, a stage showing the shell out. The catalog is read through the
 * {@link TaskExecutor}, off the FX thread; until it is there the citizen sees a spinner, never a frozen screen.
 */
public final class Kiosk {

    private static final Logger LOG = LoggerFactory.getLogger(Kiosk.class);
    /** Long enough to read the number and take the paper; then the next citizen's home screen. */
    private static final java.time.Duration TICKET_SHOWN_FOR = java.time.Duration.ofSeconds(20);
    /** Long enough to read a case's steps; then it is wiped, whoever stands there next. */
    private static final java.time.Duration ANSWER_SHOWN_FOR = java.time.Duration.ofSeconds(90);
    /** The thanks for a rating: long enough to read twice, then home for the next citizen. */
    private static final java.time.Duration THANKS_SHOWN_FOR = java.time.Duration.ofSeconds(10);
    /** Within StopSignals' 5 s, after which a stopping kiosk halts anyway. */
    private static final java.time.Duration SETUP_CLOSE_WAIT = java.time.Duration.ofSeconds(4);

    private final KioskShell shell;
    private final AtomicReference<CatalogSnapshot> catalog = new AtomicReference<>(CatalogSnapshot.empty());
    private final AtomicReference<SearchIndex> search = new AtomicReference<>();
    private final CompletableFuture<CatalogSnapshot> ready = new CompletableFuture<>();
    /** The setup once built; empty if it could not be (the kiosk then retries every sync interval). */
    private final CompletableFuture<Optional<CatalogSetup>> setupMade = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean setupStarted = new java.util.concurrent.atomic.AtomicBoolean();
    private final Scene scene;

    private final KioskConfig config;
    private final Clock clock;
    private final TaskExecutor tasks;
    private volatile CatalogSetup setup;
    private volatile SyncScheduler scheduler;
    private volatile boolean closed;
    private volatile EverydayWords everydayWords;
    /** The version last read back and offered to the screen, so a waiting catalog is not read again each poll. */
    private volatile long offeredVersion;
    private Loaded pending;
    private volatile TaskExecutor.Cancellable loading = () -> { };
    private volatile CatalogReadAhead ahead;
    /** The outline the home screen was first built from; null until then (FX thread). */
    private CatalogSnapshot outlineShown;
    private volatile TaskExecutor.Cancellable retry = () -> { };
    private Consumer<SyncOutcome> syncListener = outcome -> { };
    private final Optional<TicketPrinter> printer;
    private volatile UncaughtErrors uncaught;
    private volatile Heartbeats heartbeats;
    private final java.time.Instant startedAt;
    private volatile Host host = Host.NONE;
    private volatile Optional<SpeechEngine> speech = Optional.empty();
    /** Why the sync could not be set up, for the technician; empty once it is. */
    private volatile String setupProblem = "";
    private final AtomicReference<CompletableFuture<SyncOutcome>> nextOutcome =
            new AtomicReference<>(new CompletableFuture<>());

    /**
     * What the program that shows this kiosk lets the technician's panel do: the file the config came from and its
     * warnings, building the screens afresh with a config, and quitting.
     */
    public record Host(Optional<java.nio.file.Path> configFile, List<String> warnings,
            Consumer<KioskConfig> restart, Runnable quit) {
        static final Host NONE = new Host(Optional.empty(), List.of(), c -> { }, () -> { });
    }

    private Kiosk(Stage stage, KioskConfig config, Clock clock, TaskExecutor tasks, boolean developer,
            CatalogReadAhead ahead) {
        this.config = config;
        this.clock = clock;
        this.tasks = tasks;
        this.startedAt = clock.instant();
        // First, so the catalog is read while the shell is built and the stage shown: its answer comes on this (the FX)
        // thread, after them.
        loadCatalog(ahead);
        Messages messages = new Messages(config.language());
        printer = TicketPrinters.create(config).map(RecordedPrinter::new);
        Screens screens = new Screens(messages, config.hallName(), config.kioskId(), clock, catalog, search, tasks,
                this::queueSetup, this::statusSetup, this::ratingSetup,
                new KioskMaintenance(this, () -> RecentLog.get().lines()));
        shell = new KioskShell(messages, screens,
                new KioskShell.Info(config.hallName(), config.kioskId(), config.elderModeByDefault(), config.idleTimeout(),
                        config.idleTimeoutElder(), messages.language()),
                clock);
        boolean portrait = config.orientation() == Orientation.PORTRAIT;
        scene = new Scene(shell.root(), portrait ? 1080 : 1920, portrait ? 1920 : 1080);
        shell.attach(scene);
        // The PATH's folders are on the disk: looked through off the FX thread.
        tasks.execute(() -> SpeechEngines.find(config), found -> found.ifPresent(engine -> {
            speech = found;
            shell.setSpeech(found);
        }), e -> LOG.warn("no read-aloud: looking for a speech engine failed ({})", e.toString()));
        shell.setBeforeHome(this::takePending);
        if (config.technicianPin().isPresent()) {
            // No PIN, no panel: without one the taps do nothing at all.
            shell.setOnCornerTaps(() -> {
                if (!(shell.current() instanceof Destination.Technician)) {
                    shell.go(new Destination.Technician());
                }
            });
        }
        shell.holdScreens(true);
        shell.showLoading();
        KioskStage.styles(scene);
        KioskStage.lockDown(stage, scene, developer);
    }

    /**
     * Shows the kiosk on {@code stage} and starts reading the catalog through {@code tasks}, which the caller
     * owns and closes after {@link #close}.
     */
    public static Kiosk start(Stage stage, KioskConfig config, Clock clock, TaskExecutor tasks, boolean developer) {
        return start(stage, config, clock, tasks, developer, CatalogReadAhead.begin(config));
    }

    /** As {@link #start}, with the catalog's reading begun earlier ({@link KioskApp}: before JavaFX started). */
    static Kiosk start(Stage stage, KioskConfig config, Clock clock, TaskExecutor tasks, boolean developer,
            CatalogReadAhead ahead) {
        Kiosk kiosk = new Kiosk(stage, config, clock, tasks, developer, ahead);
        kiosk.uncaught = UncaughtErrors.install(kiosk.shell);
        KioskStage.show(stage, developer);
        return kiosk;
    }

    /** The kiosk's scene on a stage that is not shown: for pictures of a screen another size than the display's. */
    static Kiosk offscreen(Stage stage, KioskConfig config, Clock clock, TaskExecutor tasks) {
        return new Kiosk(stage, config, clock, tasks, true, CatalogReadAhead.begin(config));
    }

    private void loadCatalog(CatalogReadAhead ahead) {
        this.ahead = ahead;
        loading = tasks.execute(ahead::outline, outline -> {
            outline.ifPresent(this::showOutline);
            loadRest(ahead);
        }, this::noCatalog);
    }

    /**
     * On the FX thread: the home screen from the catalog's outline (no services' parts, no index: it needs neither).
     * Once it is drawn, the rest of the catalog and the index are read, and the hall server's side is built; until the
     * rest is there, the other screens show the loading page ({@link KioskShell#holdScreens}).
     */
    private void showOutline(CatalogSnapshot outline) {
        outlineShown = outline;
        catalog.set(outline);
        shell.setCatalogInfo(outline.version(), outline.catalog().sample());
        shell.home();
        // The line a watcher (.ci/check-app-image, a technician's journalctl) waits for: the kiosk is up.
        LOG.info("home screen shown (catalog version {})", outline.version());
        afterNextPulse(() -> {
            this.ahead.homeShown();
            makeSetupAside();
        });
    }

    /** The whole catalog and its index (after the outline, if one was shown); then the sync. */
    private void loadRest(CatalogReadAhead ahead) {
        loading = tasks.execute(() -> readCatalog(ahead), loaded -> {
            apply(loaded);
            if (outlineShown == null) {
                shell.home();
                LOG.info("home screen shown (catalog version {})", loaded.snapshot().version());
            } else if (loaded.snapshot().version() != outlineShown.version()
                    && shell.current() instanceof Destination.Home) {
                shell.refreshHome(); // the outline's file failed after it was shown, and the sync restored another
            }
            shell.holdScreens(false);
            ready.complete(loaded.snapshot());
            makeSetupAside();
            setupMade.thenAccept(made -> tasks.runOnUiThread(() -> {
                shell.setSyncTrouble(made.isEmpty());
                startSync();
            }));
        }, this::noCatalog);
    }

    private void noCatalog(Throwable error) {
        LOG.error("No catalog could be loaded; the kiosk shows an empty catalog", error);
        ready.completeExceptionally(error);
        catalog.set(CatalogSnapshot.empty()); // not an outline without its services' parts
        shell.holdScreens(false);
        shell.home();
    }

    /**
     * After the next pulse has laid out the scene and handed its frame to the renderer; at once if the scene is not
     * shown. What must not compete for the cores with the first frame waits for this.
     */
    private void afterNextPulse(Runnable then) {
        if (scene.getWindow() == null || !scene.getWindow().isShowing()) {
            then.run();
            return;
        }
        Runnable[] listener = new Runnable[1];
        boolean[] done = new boolean[1];
        listener[0] = () -> {
            if (!done[0]) {
                done[0] = true;
                // Not during the pulse: the scene is iterating over its listeners.
                javafx.application.Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    then.run();
                });
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /**
     * Once the home screen is built (or when the catalog must wait for it), not before: the home screen needs only the
     * catalog and its index, while the setup may be the embedded server (keys, migrations, the demo's case store with
     * its slow hashes: seconds of both cores). The 取号 and 进度查询 screens say they cannot serve until it is there.
     */
    private void makeSetupAside() {
        if (setupStarted.compareAndSet(false, true)) {
            Thread maker = new Thread(() -> {
                setupMade.complete(Optional.ofNullable(makeSetup()));
                // 繁體's dictionaries, read before a citizen asks for them rather than while one waits.
                org.yizhan.language.Traditional.warmUp();
            }, "yizhan-setup");
            maker.setDaemon(true);
            maker.start();
        }
    }

    /** Off the FX thread: the cache, the key, the embedded server, the outbox; null if the sync cannot start. */
    private CatalogSetup makeSetup() {
        CatalogSetup created = null;
        try {
            created = CatalogSetup.create(config, clock);
        } catch (Exception e) {
            LOG.error("catalog sync cannot start ({}); the kiosk shows its cached catalog and does not sync", e.toString());
            setupProblem = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        if (created != null && closed) {
            created.close(); // the kiosk was closed while this was being built
            created = null;
        }
        if (created != null) {
            startOutbox(created);
        }
        setup = created;
        if (created != null && closed) {
            created.close(); // closed while the outbox was opened: close() may have missed this setup
        }
        return created;
    }

    /**
     * Off the FX thread: the catalog and its index, read ahead. Only without one (a damaged cache the sync may rebuild
     * from its last good bundle, a hall's kiosk before its first sync) does this wait for the setup, as it always did.
     */
    private Loaded readCatalog(CatalogReadAhead ahead) {
        everydayWords = ahead.words();
        Optional<CatalogReadAhead.Read> read = ahead.installed();
        if (read.isPresent()) {
            return new Loaded(read.get().snapshot(), read.get().index());
        }
        boolean demo = config.embeddedServer();
        CatalogSnapshot snapshot;
        makeSetupAside();
        Optional<CatalogSetup> created = setupMade.join();
        if (created.isPresent()) {
            snapshot = CatalogStartup.load(created.get().catalogs(), Optional.of(created.get().sync()), demo);
        } else {
            Optional<CatalogDirectory> directory = fallbackDirectory();
            snapshot = directory.isPresent()
                    ? CatalogStartup.load(directory.get(), Optional.empty(), demo)
                    : demo ? new CatalogSnapshot(CatalogStartup.demo()) : CatalogSnapshot.empty();
        }
        return new Loaded(snapshot, SearchIndex.build(snapshot.catalog(), everydayWords()));
    }

    /** The shipped dictionary plus the hall's own file, read once, off the FX thread (with the catalog). */
    private EverydayWords everydayWords() {
        EverydayWords w = everydayWords;
        if (w == null) {
            w = everydayWords(config.everydayWords());
            everydayWords = w;
        }
        return w;
    }

    /** A bad line or a missing file is logged and skipped: search goes on with what can be read. */
    static EverydayWords everydayWords(Optional<java.nio.file.Path> hallFile) {
        EverydayWords shipped = EverydayWords.builtIn();
        if (hallFile.isEmpty()) {
            return shipped;
        }
        try {
            EverydayWords hall = EverydayWords.read(hallFile.get());
            hall.problems().forEach(p -> LOG.warn("search.everyday-words: {}; skipped", p));
            LOG.info("search: {} everyday words from {} on top of the {} shipped", hall.size(), hallFile.get(), shipped.size());
            return shipped.plus(hall);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("search.everyday-words: cannot read {} ({}); search uses the shipped dictionary only", hallFile.get(),
                    e.toString());
            return shipped;
        }
    }

    private Optional<CatalogDirectory> fallbackDirectory() {
        try {
            return Optional.of(CatalogDirectory.open(config.dataDir().resolve(CatalogSetup.CATALOG_DIR)));
        } catch (java.io.IOException e) {
            LOG.error("the catalog cache cannot be opened ({})", e.toString());
            return Optional.empty();
        }
    }

    private void startSync() {
        CatalogSetup s = setup;
        if (closed) {
            return;
        }
        if (s == null) {
            retrySetupLater();
            return;
        }
        scheduler = new SyncScheduler(s.sync(), config.syncInterval(), this::synced, new java.util.Random(), clock);
        scheduler.start();
    }

    /**
     * The sync could not be set up (e.g. sync.public-key holds no key): try again every interval, so a
     * technician who fixes the file does not also have to restart the kiosk.
     */
    private void retrySetupLater() {
        retry = tasks.schedule(config.syncInterval(), this::createSetup, created -> {
            LOG.info("catalog sync can start now");
            setupProblem = "";
            startSync();
        }, e -> {
            if (!closed) {
                LOG.warn("catalog sync still cannot start: {}", e.toString());
                setupProblem = e.getMessage() == null ? e.toString() : e.getMessage();
                retrySetupLater();
            }
        });
    }

    /** Off the FX thread: reads the key file and may start the embedded server. */
    private CatalogSetup createSetup() throws Exception {
        CatalogSetup created = CatalogSetup.create(config, clock);
        if (closed) {
            created.close();
            throw new CancellationException("the kiosk was closed");
        }
        startOutbox(created);
        setup = created;
        if (closed) {
            created.close();
            throw new CancellationException("the kiosk was closed");
        }
        return created;
    }

    /** Off the FX thread. Without an outbox the kiosk gives no numbers (the 取号 screen says so); all else works. */
    private void startOutbox(CatalogSetup created) {
        try {
            org.yizhan.outbox.Outbox outbox = created.startOutbox(config.outboxMaxMessages(), clock);
            heartbeats = new Heartbeats(new Heartbeats.Sources(config.kioskId(), config.hallId().orElse(""),
                    CatalogSetup.version(), () -> catalog.get().version(), this::syncStatus, printer, config.dataDir(),
                    () -> RecentLog.get().lastErrorClass()), outbox, clock, new java.util.Random()).start();
            if (closed) {
                heartbeats.close(); // the kiosk closed meanwhile, perhaps before this was set
            }
        } catch (org.yizhan.outbox.OutboxFailure e) {
            LOG.error("the outbox cannot be opened ({}): this kiosk gives no queue numbers until it can", e.getMessage());
        }
    }

    /** On the sync thread: a newly applied catalog is read and indexed here, then offered to the screen. */
    private void synced(SyncOutcome outcome) {
        tasks.runOnUiThread(() -> shell.setSyncTrouble(outcome.failed()));
        // Not only APPLIED: `yizhan sync` run beside the kiosk may have installed a version this kiosk has not shown.
        boolean news = outcome.kind() == SyncOutcome.Kind.APPLIED
                || outcome.kind() == SyncOutcome.Kind.NOT_MODIFIED && outcome.version() != catalog.get().version()
                        && outcome.version() != offeredVersion;
        if (news) {
            offeredVersion = outcome.version();
            readBack(outcome);
        }
        tasks.runOnUiThread(() -> syncListener.accept(outcome));
        nextOutcome.getAndSet(new CompletableFuture<>()).complete(outcome);
    }

    private void readBack(SyncOutcome outcome) {
        try {
            Catalog read = setup.catalogs().load().orElseThrow();
            // Compared here, not on the FX thread: a deep comparison of a large catalog takes a while.
            boolean same = catalog.get().catalog().equals(read);
            Loaded loaded = new Loaded(new CatalogSnapshot(read), SearchIndex.build(read, everydayWords()));
            tasks.runOnUiThread(() -> offer(loaded, same));
        } catch (Exception e) {
            LOG.error("catalog version {} was applied but cannot be read back", outcome.version(), e);
        }
    }

    /**
     * A new catalog replaces the one on screen only at the home screen, between citizens: at once if the
     * kiosk is there now, otherwise when it next returns there.
     */
    private void offer(Loaded loaded, boolean sameAsShown) {
        if (sameAsShown) {
            apply(loaded);
            return;
        }
        pending = loaded;
        if (shell.current() instanceof Destination.Home) {
            shell.refreshHome();
        }
    }

    private void takePending() {
        Loaded next = pending;
        if (next != null) {
            pending = null;
            LOG.info("showing catalog version {}", next.snapshot().version());
            apply(next);
        }
    }

    private record Loaded(CatalogSnapshot snapshot, SearchIndex index) {
    }

    /** Swaps the catalog and its index in one step; screens built from now on use them. */
    private void apply(Loaded loaded) {
        search.set(loaded.index());
        catalog.set(loaded.snapshot());
        shell.setCatalogInfo(loaded.snapshot().version(), loaded.snapshot().catalog().sample());
    }

    /** What the 取号 screen needs now: the hall server's queues once the setup is built, and the printer. */
    private QueueViewModel.Setup queueSetup() {
        CatalogSetup s = setup;
        Optional<Queues> queues = s == null ? Optional.empty() : s.queues();
        Optional<org.yizhan.outbox.Outbox> outbox = s == null ? Optional.empty() : s.outbox();
        URI publicBase = config.ticketPublicUrl()
                .orElseGet(() -> s == null ? config.serverUrl().orElse(URI.create("http://127.0.0.1/")) : s.serverUrl());
        return new QueueViewModel.Setup(queues, outbox, printer, config.ticketOnScreen(), publicBase, config.hallName(),
                TICKET_SHOWN_FOR);
    }

    /** What the 进度查询 screen needs now: the hall server's case status once the setup is built. */
    private StatusViewModel.Setup statusSetup() {
        CatalogSetup s = setup;
        return new StatusViewModel.Setup(s == null ? Optional.empty() : s.cases(), ANSWER_SHOWN_FOR);
    }

    /** What the 服务评价 screen needs now: the outbox once the setup has opened it. */
    private RatingViewModel.Setup ratingSetup() {
        CatalogSetup s = setup;
        return new RatingViewModel.Setup(s == null ? Optional.empty() : s.outbox(), THANKS_SHOWN_FOR);
    }

    /** The search index the screens use now. */
    public SearchIndex searchIndex() {
        return search.get();
    }

    /**
     * Tells {@code listener}, on the FX thread, of each sync outcome once the kiosk has acted on it: the
     * footer marks a failure, and a new catalog has been read back and offered (shown if the kiosk is at
     * home, otherwise waiting for the return there). Set it on the FX thread right after {@link #start}, so
     * it hears the first sync too.
     */
    public void setSyncListener(Consumer<SyncOutcome> listener) {
        syncListener = listener;
    }

    /** The sync's state, for the technician: last outcome, last success, next attempt. */
    public SyncScheduler.Status syncStatus() {
        SyncScheduler s = scheduler;
        return s == null ? SyncScheduler.Status.NONE_YET : s.status();
    }

    /** Asks for a sync now, e.g. from the technician's page; false when the sync is not set up. */
    public boolean syncNow() {
        SyncScheduler s = scheduler;
        if (s != null) {
            s.syncNow();
        }
        return s != null;
    }

    /** Completes with the next sync outcome the kiosk has acted on. */
    CompletableFuture<SyncOutcome> nextSyncOutcome() {
        return nextOutcome.get();
    }

    /** Set by the program showing the kiosk, on the FX thread, right after {@link #start}. */
    public void setHost(Host host) {
        this.host = host;
    }

    Host host() {
        return host;
    }

    KioskConfig config() {
        return config;
    }

    Clock clock() {
        return clock;
    }

    java.time.Instant startedAt() {
        return startedAt;
    }

    Optional<CatalogSetup> setup() {
        return Optional.ofNullable(setup);
    }

    String setupProblem() {
        return setupProblem;
    }

    CatalogSnapshot catalogShown() {
        return catalog.get();
    }

    Optional<TicketPrinter> printer() {
        return printer;
    }

    /** Stops syncing and the embedded server. */
    public void close() {
        closed = true;
        UncaughtErrors handler = uncaught;
        if (handler != null) {
            handler.uninstall();
        }
        loading.cancel();
        CatalogReadAhead a = ahead;
        if (a != null) {
            a.homeShown(); // the read ahead's thread may still be waiting for it
        }
        retry.cancel();
        speech.ifPresent(SpeechEngine::stop); // a process of its own, which would outlive the kiosk
        if (setupStarted.get()) {
            // A setup still being built (after the home screen) is closed by its own thread once built: wait for it,
            // so nothing of this kiosk still writes in data.dir once this returns.
            try {
                setupMade.get(SETUP_CLOSE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warn("the kiosk closes while its hall server's side is still being built ({})", e.toString());
            }
        }
        if (scheduler != null) {
            scheduler.close();
        }
        if (heartbeats != null) {
            heartbeats.close();
        }
        if (setup != null) {
            setup.close();
        }
        printer.ifPresent(TicketPrinter::close);
        nextOutcome.get().cancel(false);
    }

    public KioskShell shell() {
        return shell;
    }

    /** The outbox once the setup has opened it: for tests that wait for what the kiosk must still tell the hall. */
    Optional<org.yizhan.outbox.Outbox> outbox() {
        CatalogSetup s = setup;
        return s == null ? Optional.empty() : s.outbox();
    }

    public Scene scene() {
        return scene;
    }

    /**
     * Completes once the hall server's side (the clients of queues and cases, the outbox; the embedded server) is built,
     * true, or could not be, false; the home screen comes before it. For whoever must take a number or look up a case
     * at once after the start (the flow tests, bench soak): until then those screens say they cannot serve.
     */
    public CompletableFuture<Boolean> setupFinished() {
        return setupMade.thenApply(Optional::isPresent);
    }

    /** Completes on the FX thread once the catalog is on screen. */
    public CompletableFuture<CatalogSnapshot> ready() {
        return ready;
    }
}
