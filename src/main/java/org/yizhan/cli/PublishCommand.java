package org.yizhan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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
    private static final String KEY_HINT = "--key takes the private key (NAME.key) that keygen wrote";

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
    public Integer call() {
        if (!hall.isEmpty() && !hall.matches("[A-Za-z0-9_-]{1,32}")) {
            System.err.println("publish: --hall must be 1 to 32 letters, digits, _ or -");
            return 2;
        }
        if (expires < 1 || expires > 3650) {
            System.err.println("publish: --expires must be from 1 to 3650 days");
            return 2;
        }
        Optional<String> problem = FileProblems.unreadable(catalog, "catalog file").map(p -> p + "; check --catalog")
                .or(() -> FileProblems.unreadable(key, "key file").map(p -> p + "; " + KEY_HINT))
                .or(() -> FileProblems.unwritableFolder(out).map(p -> "cannot publish into --out " + out + ": " + p));
        if (problem.isPresent()) {
            System.err.println("publish: " + problem.get());
            return 1;
        }
        try {
            PrivateKey privateKey = Ed25519Keys.readPrivate(key);
            BundlePublisher.Published published = BundlePublisher.publish(catalog, privateKey, out, hall,
                    Duration.ofDays(expires), Clock.systemUTC());
            var index = published.index();
            System.out.println("published catalog version " + index.catalogVersion() + " (" + published.services()
                    + " services, " + index.length() + " bytes) to " + out.toAbsolutePath() + "; expires "
                    + index.expiresAt() + "; key " + index.keyId() + (hall.isEmpty() ? "" : "; hall " + hall));
            return 0;
        } catch (CatalogFormatException e) {
            System.err.println("publish: " + catalog + " is not a valid catalog; nothing was published. Fix these and "
                    + "publish again:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 1;
        } catch (KeyFileException e) {
            System.err.println("publish: " + e.getMessage() + "; " + KEY_HINT);
            return 1;
        } catch (BundleException e) {
            System.err.println("publish: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("publish: could not publish " + catalog + " into " + out + ": " + FileProblems.describe(e));
            return 1;
        }
    }
}
