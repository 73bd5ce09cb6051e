package org.yizhan.app;

import java.time.Clock;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.yizhan.config.ConfigProblem;
import org.yizhan.config.KioskConfig;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Fonts;
import org.yizhan.ui.Icons;
import org.yizhan.ui.Messages;
import org.yizhan.ui.TaskExecutor;
import org.yizhan.ui.UiTaskExecutor;
import org.yizhan.ui.problem.ProblemView;
import org.yizhan.ui.problem.ProblemViewModel;

/**
 * The JavaFX application. It is started through {@link #run}, which hands it what the command line
 * already read, because JavaFX builds this class itself.
 */
public final class KioskApp extends Application {

    /**
     * What to start: a valid configuration, or the problems that stop it (shown full screen to the
     * technician); the warnings it started with (a duplicate key, a log that cannot be written), for the
     * technician's panel.
     */
    public record Launch(String configFile, KioskConfig config, List<ConfigProblem> problems, boolean developer,
            List<String> warnings) {
        public Launch(String configFile, KioskConfig config, List<ConfigProblem> problems, boolean developer) {
            this(configFile, config, problems, developer, List.of());
        }
    }

    /**
     * The exit status after the technician's panel quit to the desktop, so that a service manager restarting the
     * kiosk whenever it ends can leave it stopped (docs/deployment.md: RestartPreventExitStatus).
     */
    public static final int QUIT_BY_TECHNICIAN = 3;
    private static volatile boolean quitByTechnician;

    private static volatile Launch launch;
    private static volatile CatalogReadAhead readAhead;
    private TaskExecutor tasks;
    private KioskRunner kiosk;

    /** Blocks until the kiosk exits. */
    public static void run(Launch what) {
        launch = what;
        // Now, before the toolkit, the fonts and the shell: the catalog and its index are most of the wait for the home screen.
        readAhead = what.problems().isEmpty() ? CatalogReadAhead.begin(what.config()) : null;
        Thread fonts = new Thread(Fonts::load, "yizhan-fonts"); // about 4 MB, read beside the toolkit's start and the shell
        fonts.setDaemon(true);
        fonts.start();
        Application.launch(KioskApp.class);
    }

    /**
     * On the launcher thread, before {@link #start}: what would otherwise hold up the first frame reading the jar. Not
     * the fonts: their thread goes on while the FX thread builds the shell, and the theme waits for them
     * ({@code KioskStage.styles}).
     */
    @Override
    public void init() {
        Icons.preload();
        Messages.simplifiedChinese();
    }

    /** Ends the kiosk as its own exit does, from any thread: {@link #stop}, then {@link #run} returns. */
    public static void exit() {
        Platform.exit();
    }

    @Override
    public void start(Stage stage) {
        Launch l = launch;
        if (!l.problems().isEmpty()) {
            showProblems(stage, l);
            return;
        }
        // Two threads: reading a large catalog at start must not hold up a citizen's call to the hall server.
        tasks = new UiTaskExecutor(2);
        kiosk = new KioskRunner(stage, tasks, Clock.systemDefaultZone(), l.developer(),
                Optional.of(Path.of(l.configFile()).toAbsolutePath()), l.warnings(), KioskApp::quitToDesktop);
        Kiosk k = kiosk.start(l.config(), readAhead);
        if (FirstFrame.asked()) {
            FirstFrame.report(k.scene(), () -> stage.isShowing() && k.shell().current() instanceof Destination.Home);
        }
    }

    /** The technician's "quit to the desktop". */
    static void quitToDesktop() {
        quitByTechnician = true;
        Platform.exit();
    }

    /** Whether the kiosk ended by the technician's quit, not by a signal or a failure. */
    public static boolean quitByTechnician() {
        return quitByTechnician;
    }

    static void showProblems(Stage stage, Launch l) {
        List<ProblemViewModel.Problem> problems = l.problems().stream()
                .map(p -> new ProblemViewModel.Problem(p.key(), p.value(), p.expectedZh(), p.expected()))
                .toList();
        ProblemViewModel model = new ProblemViewModel(Messages.simplifiedChinese(), l.configFile(), problems,
                Platform::exit);
        Scene scene = new Scene(new ProblemView(model).root(), 1080, 1920);
        KioskStage.styles(scene);
        KioskStage.lockDown(stage, scene, l.developer());
        KioskStage.show(stage, l.developer());
    }

    @Override
    public void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
