package org.yizhan.app;

import java.time.Clock;
import java.util.List;
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
     * technician).
     */
    public record Launch(String configFile, KioskConfig config, List<ConfigProblem> problems, boolean developer) {
    }

    private static volatile Launch launch;
    private static volatile CatalogReadAhead readAhead;
    private TaskExecutor tasks;
    private Kiosk kiosk;

    /** Blocks until the kiosk exits. */
    public static void run(Launch what) {
        launch = what;
        // Now, before the toolkit, the fonts and the shell: the catalog and its index are most of the wait for the home screen.
        readAhead = what.problems().isEmpty() ? CatalogReadAhead.begin(what.config()) : null;
        Thread fonts = new Thread(Fonts::load, "yizhan-fonts"); // about 4 MB, read beside the toolkit's start; init waits
        fonts.setDaemon(true);
        fonts.start();
        Application.launch(KioskApp.class);
    }

    /** On the launcher thread, before {@link #start}: what would otherwise hold up the first frame reading the jar. */
    @Override
    public void init() {
        Fonts.load();
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
        kiosk = Kiosk.start(stage, l.config(), Clock.systemDefaultZone(), tasks, l.developer(), readAhead);
        if (FirstFrame.asked()) {
            Kiosk k = kiosk;
            FirstFrame.report(k.scene(), () -> stage.isShowing() && k.shell().current() instanceof Destination.Home);
        }
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
