package org.yizhan.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.yizhan.server.status.CaseService;
import org.yizhan.server.status.FeedProblem;
import org.yizhan.server.status.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cases import FILE [--data DIR]}: the hall's case system's export into the hall server's case store. */
@Command(name = "cases", mixinStandardHelpOptions = true,
        description = "The hall server's cases for 进度查询 (DATA/cases.db; docs/status.md).",
        subcommands = {CasesCommand.Import.class})
final class CasesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("cases: give a subcommand, e.g. yizhan cases import cases.jsonl --data yizhan-server");
        return 2;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports cases from FILE: JSON lines, a JSON array, or CSV (by the name's .csv), UTF-8. "
                    + "Importing a file twice changes nothing; a case with a newer step replaces the stored one. "
                    + "Each refused record is printed with its line and reason; the good ones still go in.",
                    "Exit code: 0 all taken, 1 some records refused or the file unreadable, 2 usage."})
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The export of the case system (docs/status.md).")
        Path file;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "yizhan-server",
                description = "The hall server's data directory (default: ${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() {
            PrintStream out = System.out;
            var unreadable = FileProblems.unreadable(file, "case file");
            if (unreadable.isPresent()) {
                System.err.println("cases import: " + unreadable.get());
                return 1;
            }
            try (CaseService cases = CaseService.open(data.toAbsolutePath(), Clock.systemUTC(), false)) {
                ImportReport report = cases.importFile(file);
                for (ImportReport.Rejected rejected : report.rejected()) {
                    out.println("line " + rejected.line() + ": " + rejected.reason());
                }
                out.println("cases import " + file.getFileName() + ": " + report.summary());
                return report.rejected().isEmpty() ? 0 : 1;
            } catch (FeedProblem e) {
                System.err.println("cases import: " + file + ": " + e.getMessage() + "; nothing was imported");
                return 1;
            } catch (IOException e) {
                System.err.println("cases import: " + FileProblems.describe(e));
                return 1;
            }
        }
    }
}
