package org.yizhan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.yizhan.catalog.AtomicFiles;
import org.yizhan.catalog.CatalogFormatException;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.ImportResult;
import org.yizhan.catalog.gd.GdServicesImport;
import org.yizhan.model.Catalog;
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
    public Integer call() {
        if (!"gd-json".equals(from)) {
            System.err.println("import: unknown --from format \"" + from + "\". Supported: gd-json");
            return 2;
        }
        Optional<String> problem = FileProblems.unreadable(file, "file to import")
                .or(() -> Files.isDirectory(out)
                        ? Optional.of("--out " + out + " is a folder; give a file name, e.g. " + out.resolve("catalog.json"))
                        : Optional.empty())
                .or(() -> FileProblems.unwritableFolder(out.toAbsolutePath().getParent()).map(p -> "cannot write --out " + out + ": " + p));
        if (problem.isPresent()) {
            System.err.println("import: " + problem.get());
            return 2;
        }
        ImportResult result;
        try {
            result = GdServicesImport.read(file, version, Instant.now());
            write(result.catalog(), out);
        } catch (CatalogFormatException e) {
            System.err.println("import: cannot import " + file + ":");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 1;
        } catch (IOException e) {
            System.err.println("import: could not import " + file + " into " + out + ": " + FileProblems.describe(e));
            return 1;
        }
        result.report().forEach(System.err::println);
        System.out.printf("imported %d services, %d departments, %d themes into %s%n",
                result.catalog().services().size(), result.catalog().departments().size(),
                result.catalog().themes().size(), out);
        return 0;
    }

    /** Makes the folder --out names if need be (a new ~/yizhan-publish/, say), and takes it back if writing fails. */
    private static void write(Catalog catalog, Path out) throws IOException, CatalogFormatException {
        Path folder = out.toAbsolutePath().getParent();
        Optional<Path> made = AtomicFiles.createDirectories(folder);
        try {
            CatalogJson.write(catalog, out);
        } catch (IOException | CatalogFormatException | RuntimeException e) {
            made.ifPresent(top -> AtomicFiles.removeMade(folder, top));
            throw e;
        }
    }
}
