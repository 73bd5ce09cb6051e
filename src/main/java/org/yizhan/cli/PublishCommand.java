package org.yizhan.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.yizhan.catalog.CatalogFormatException;
import org.yizhan.catalog.bundle.BundleException;
import org.yizhan.catalog.bundle.Ed25519Keys;
import org.yizhan.catalog.bundle.KeyFileException;
import org.yizhan.server.BundlePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code publish --catalog FILE --key KEY --out DIR [--hall ID] [--expires DAYS]}. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Checks a catalog and writes it as a signed bundle (index.json + catalog-vN.json.gz) into DIR, "
                + "which a hall server, nginx or a CDN then serves.")
final class PublishCommand implements Callable<Integer> {
    @Option(names = "--catalog", required = true, paramLabel = "FILE", description = "The catalog, in yizhan-catalog/1 format.")
    Path catalog;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "The private key from keygen.")
    Path key;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The bundle directory, e.g. the hall server's DATA/catalog.")
    Path out;

    @Option(names = "--hall", paramLabel = "ID", defaultValue = "",
            description = "Only kiosks with this hall.id accept the bundle (default: any hall).")
    String hall;

    @Option(names = "--expires", paramLabel = "DAYS", defaultValue = "30",
            description = "Days kiosks may trust this index without a newer one (default: ${DEFAULT-VALUE}). "
                    + "Publish again before then.")
    int expires;

    @Override
    public Integer call() throws Exception {
        if (!hall.isEmpty() && !hall.matches("[A-Za-z0-9_-]{1,32}")) {
            System.err.println("publish: --hall must be 1 to 32 letters, digits, _ or -");
            return 2;
        }
        if (expires < 1 || expires > 3650) {
            System.err.println("publish: --expires must be from 1 to 3650 days");
            return 2;
        }
        try {
            BundlePublisher.Published published = BundlePublisher.publish(catalog, Ed25519Keys.readPrivate(key), out, hall,
                    Duration.ofDays(expires), Clock.systemUTC());
            var index = published.index();
            System.out.println("published catalog version " + index.catalogVersion() + " (" + published.services()
                    + " services, " + index.length() + " bytes) to " + out.toAbsolutePath() + "; expires "
                    + index.expiresAt() + "; key " + index.keyId() + (hall.isEmpty() ? "" : "; hall " + hall));
            return 0;
        } catch (CatalogFormatException e) {
            System.err.println("publish: " + catalog + " is not a valid catalog:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 1;
        } catch (BundleException | KeyFileException | java.io.IOException e) {
            System.err.println("publish: " + e.getMessage());
            return 1;
        }
    }
}
