package org.yizhan.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;
import org.yizhan.config.KioskConfig;
import org.yizhan.ui.TaskExecutor;

/**
 * Keeps one kiosk on the stage: starts it, and builds it afresh when the technician's panel asks (a restart of the
 * screens, or a reloaded kiosk.properties), all in this process. Used on the FX thread.
 */
final class KioskRunner {
    private final Stage stage;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final boolean developer;
    private final Optional<Path> configFile;
    private final List<String> warnings;
    private final Runnable quit;
    private Kiosk kiosk;
    private boolean restarting;
    private Consumer<Kiosk> onStarted = k -> { };

    KioskRunner(Stage stage, TaskExecutor tasks, Clock clock, boolean developer, Optional<Path> configFile,
            List<String> warnings, Runnable quit) {
        this.stage = stage;
        this.tasks = tasks;
        this.clock = clock;
        this.developer = developer;
        this.configFile = configFile;
        this.warnings = warnings;
        this.quit = quit;
    }

    Kiosk start(KioskConfig config) {
        return start(config, CatalogReadAhead.begin(config));
    }

    /** The first start, with the catalog read ahead while the toolkit started. */
    Kiosk start(KioskConfig config, CatalogReadAhead readAhead) {
        kiosk = Kiosk.start(stage, config, clock, tasks, developer, readAhead);
        kiosk.setHost(new Kiosk.Host(configFile, warnings, this::restart, quit));
        onStarted.accept(kiosk);
        return kiosk;
    }

    /** Told of each kiosk started, on the FX thread (tests wait for the one built afresh). */
    void setOnStarted(Consumer<Kiosk> listener) {
        onStarted = listener;
    }

    /**
     * The kiosk in force closes (off the FX thread: the sync and the embedded server take a moment to stop, and the
     * files they hold must be let go first) and a new one starts on the same stage with {@code config}.
     */
    void restart(KioskConfig config) {
        Kiosk old = kiosk;
        if (old == null || restarting) {
            return;
        }
        restarting = true;
        old.shell().stop();
        old.shell().showLoading();
        tasks.execute(() -> {
            old.close();
            return null;
        }, closed -> started(config), error -> {
            LoggerFactory.getLogger(KioskRunner.class).error("the kiosk did not close cleanly before its restart", error);
            started(config);
        });
    }

    private void started(KioskConfig config) {
        restarting = false;
        start(config);
    }

    Optional<Kiosk> current() {
        return Optional.ofNullable(kiosk);
    }

    void close() {
        if (kiosk != null) {
            kiosk.close();
        }
    }
}
