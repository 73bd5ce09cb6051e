package org.yizhan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.yizhan.catalog.CatalogFormatException;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.ImportResult;
import org.yizhan.catalog.gd.GdServicesImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import --from gd-json FILE --out catalog.json}: a province's list into our catalog format. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Converts a provincial service list into a Yizhan catalog file, keeping every record.")
final class ImportCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "FORMAT",
            description = "Format of FILE. Supported: gd-json (the shape of gd-services-2021.json).")
    String from;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the catalog JSON.")
    Path out;

    @Option(names = "--catalog-version", paramLabel = "N", defaultValue = "1",
            description = "Catalog version to give the result (default: ${DEFAULT-VALUE}).")
    long version;

    @Override
    public Integer call() throws Exception {
        if (!"gd-json".equals(from)) {
            System.err.println("Unknown --from format \"" + from + "\". Supported: gd-json");
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            System.err.println("No such file: " + file.toAbsolutePath());
            return 2;
        }
        ImportResult result;
        try {
            result = GdServicesImport.read(file, version, Instant.now());
            CatalogJson.write(result.catalog(), out);
        } catch (CatalogFormatException e) {
            System.err.println("Cannot import " + file + ":");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 1;
        }
        result.report().forEach(System.err::println);
        System.out.printf("imported %d services, %d departments, %d themes into %s%n",
                result.catalog().services().size(), result.catalog().departments().size(),
                result.catalog().themes().size(), out);
        return 0;
    }
}
