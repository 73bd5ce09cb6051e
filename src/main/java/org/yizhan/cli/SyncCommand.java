package org.yizhan.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.yizhan.app.CatalogSetup;
import org.yizhan.config.ConfigException;
import org.yizhan.config.ConfigPath;
import org.yizhan.config.KioskConfigLoader;
import org.yizhan.config.LoadedConfig;
import org.yizhan.sync.SyncOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sync [--config FILE]}: one sync exactly as the kiosk does it, for a technician checking a server. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Performs one catalog sync as the kiosk does, into the data directory FILE names, and prints "
                + "one line: applied version N, not modified (version N) or rejected: REASON (kept version N).")
final class SyncCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "The kiosk's kiosk.properties (default: the file "
            + "the environment variable YIZHAN_CONFIG names, else ./kiosk.properties).")
    Path config;

    @ParentCommand
    YizhanCommand parent;

    @Override
    public Integer call() {
        ConfigPath path = ConfigPath.choose(config, parent.environment);
        LoadedConfig loaded;
        try {
            loaded = KioskConfigLoader.load(path.file());
        } catch (ConfigException e) {
            System.err.println(path.describe() + " has problems:");
            e.lines().forEach(System.err::println);
            return 2;
        }
        loaded.warnings().forEach(w -> System.err.println("warning: " + w));
        try (CatalogSetup setup = CatalogSetup.create(loaded.config(), Clock.systemUTC())) {
            SyncOutcome outcome = setup.sync().syncOnce();
            System.out.println(outcome.line());
            return outcome.failed() ? 1 : 0;
        } catch (Exception e) {
            long version;
            try {
                version = org.yizhan.catalog.CatalogDirectory.open(loaded.config().dataDir().resolve(CatalogSetup.CATALOG_DIR)).version().orElse(0);
            } catch (java.io.IOException unreadable) {
                version = 0;
            }
            String reason = e instanceof java.io.IOException io ? FileProblems.describe(io) : e.getMessage();
            System.out.println("rejected: " + reason + " (kept version " + version + ")");
            return 1;
        }
    }
}
