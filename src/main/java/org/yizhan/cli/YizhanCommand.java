package org.yizhan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.yizhan.app.KioskApp;
import org.yizhan.config.ConfigException;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.KioskConfigLoader;
import org.yizhan.config.LoadedConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar yizhan.jar [--config FILE] [--dev]}: starts the kiosk; subcommands do the rest. */
@Command(name = "yizhan", mixinStandardHelpOptions = true, version = "Yizhan 0.1",
        description = "一站 Yizhan: self-service kiosk for a government service hall. Without a subcommand, starts the kiosk.",
        subcommands = {ImportCommand.class, SearchCommand.class, BenchCommand.class, KeygenCommand.class,
                PublishCommand.class, ServerCommand.class, SyncCommand.class})
public final class YizhanCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "kiosk.properties to read (default: ./kiosk.properties)")
    Path config;

    @Option(names = "--dev", description = "Developer mode: an ordinary window that can be closed, not a locked full screen.")
    boolean developer;

    @Override
    public Integer call() {
        Path file = config != null ? config : KioskConfigLoader.DEFAULT_FILE;
        KioskApp.Launch launch;
        try {
            // No file is a problem too: a kiosk started from the wrong folder must not come up as the demo.
            LoadedConfig loaded = KioskConfigLoader.load(file);
            loaded.warnings().forEach(w -> System.err.println("warning: " + w));
            launch = new KioskApp.Launch(file.toString(), loaded.config(), List.of(), developer);
        } catch (ConfigException e) {
            System.err.println("The kiosk cannot start: " + file.toAbsolutePath() + " has problems.");
            e.lines().forEach(System.err::println);
            launch = new KioskApp.Launch(file.toAbsolutePath().toString(), KioskConfig.defaults(), e.problems(), developer);
        }
        KioskApp.run(launch);
        return launch.problems().isEmpty() ? 0 : 2;
    }
}
