package org.yizhan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yizhan.app.KioskApp;
import org.yizhan.app.LogFiles;
import org.yizhan.config.ConfigException;
import org.yizhan.config.ConfigPath;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.KioskConfigLoader;
import org.yizhan.config.LoadedConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar yizhan.jar [--config FILE] [--dev]}: starts the kiosk; subcommands do the rest. */
@Command(name = "yizhan", mixinStandardHelpOptions = true, versionProvider = YizhanCommand.Version.class,
        description = "一站 Yizhan: self-service kiosk for a government service hall. Without a subcommand, starts the kiosk.",
        subcommands = {ImportCommand.class, SearchCommand.class, BenchCommand.class, KeygenCommand.class,
                PublishCommand.class, ServerCommand.class, SyncCommand.class, CounterCommand.class,
                CasesCommand.class, HashPinCommand.class, ReportCommand.class, FleetCommand.class, RatingsCommand.class,
                HallCommand.class})
public final class YizhanCommand implements Callable<Integer> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(YizhanCommand.class);

    @Option(names = "--config", paramLabel = "FILE",
            description = "kiosk.properties to read (default: the file the environment variable YIZHAN_CONFIG names, "
                    + "else ./kiosk.properties)")
    Path config;

    /** Where YIZHAN_CONFIG is read; a test sets its own. */
    Map<String, String> environment = System.getenv();

    @Option(names = "--dev", description = "Developer mode: an ordinary window that can be closed, not a locked full screen.")
    boolean developer;

    @Override
    public Integer call() {
        org.yizhan.storage.Database.loadNativeLibraryAside(); // the catalog's read is the start-up's longest wait
        ConfigPath path = configPath();
        KioskApp.Launch launch;
        try {
            // No file is a problem too: a kiosk started from the wrong folder must not come up as the demo.
            LoadedConfig loaded = KioskConfigLoader.load(path.file());
            List<String> warnings = new ArrayList<>();
            LogFiles.startKiosk(loaded.config()).ifPresent(warnings::add);
            // After the log is set up, so that the file has them too.
            LOG.info("kiosk {} starts with {}", loaded.config().kioskId(), path.describe());
            loaded.warnings().forEach(w -> LOG.warn("{}", w));
            warnings.addAll(0, loaded.warnings());
            // A path: the technician's panel reads the file again from it.
            launch = new KioskApp.Launch(path.file().toAbsolutePath().toString(), loaded.config(), List.of(), developer,
                    warnings);
        } catch (ConfigException e) {
            System.err.println("The kiosk cannot start: " + path.describe() + " has problems.");
            e.lines().forEach(System.err::println);
            // Only the problem page shows it: there it names where the path came from too.
            launch = new KioskApp.Launch(path.describeZh(), KioskConfig.defaults(), e.problems(), developer);
        }
        int code = launch.problems().isEmpty() ? 0 : 2;
        StopSignals.install(KioskApp::exit, code);
        if (Boolean.getBoolean("yizhan.exitWithParent")) {
            // Set by `mvn javafx:run` (pom.xml): Maven stopped by a signal leaves its child running; the kiosk follows it.
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(code)));
        }
        try {
            KioskApp.run(launch);
            return KioskApp.quitByTechnician() ? KioskApp.QUIT_BY_TECHNICIAN : code;
        } catch (UnsupportedOperationException e) {
            // JavaFX's words for a machine with no desktop to open a window on, e.g. a terminal over ssh.
            System.err.println("The kiosk cannot start: " + e.getMessage() + ". It needs a graphical desktop: start it "
                    + "in the kiosk's desktop session (commands such as sync and server need none).");
            return 1;
        }
    }

    /** The kiosk.properties this run reads: --config, else YIZHAN_CONFIG, else ./kiosk.properties. */
    ConfigPath configPath() {
        return ConfigPath.choose(config, environment);
    }

    /** {@code -V}: the pom's version, which the build writes into version.properties. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties properties = new java.util.Properties();
            try (var in = YizhanCommand.class.getResourceAsStream("version.properties")) {
                properties.load(in);
            }
            return new String[] {"Yizhan " + properties.getProperty("version")};
        }
    }
}
