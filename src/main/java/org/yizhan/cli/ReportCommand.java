package org.yizhan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.yizhan.server.queue.QueueService;
import org.yizhan.server.queue.QueuesFile;
import org.yizhan.server.queue.WindowsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report --date 2026-11-30}: the hall's day per queue and per window, from the ticket store. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Prints a day of the hall's queues, per queue and per window: numbers issued, served, no-shows, "
                + "voided, and the average and 90th percentile of the wait and of the serving (docs/counter.md). "
                + "The same is at /report on the hall server.",
                "Example: yizhan report --data /srv/yizhan --date 2026-11-30"})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "yizhan-server",
            description = "The hall server's data directory (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The business day (default: today in the hall).")
    LocalDate date;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(data.resolve(QueuesFile.FILE))) {
            System.err.println("report: " + data + " has no " + QueuesFile.FILE + "; give the hall server's data "
                    + "directory with --data");
            return 1;
        }
        QueueService queues = null;
        try {
            queues = QueueService.open(data, Clock.systemUTC());
            LocalDate day = date != null ? date : queues.businessDate();
            System.out.print(queues.report(day, WindowsFile.read(data)).text());
            return 0;
        } catch (Exception e) { // the store or a file: one line for the manager
            System.err.println("report: " + e.getMessage());
            return 1;
        } finally {
            if (queues != null) {
                queues.close();
            }
        }
    }
}
