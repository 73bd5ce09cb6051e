package org.yizhan.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.yizhan.server.HallId;
import org.yizhan.server.Halls;
import org.yizhan.server.queue.HallSecret;
import org.yizhan.server.queue.QueuesFile;
import org.yizhan.server.queue.QueuesFileException;
import org.yizhan.server.queue.WindowsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hall add ID --name NAME} and {@code hall list}: the halls a county's server hosts, each in
 * {@code DATA/halls/<id>/} (docs/deployment.md, "A county's server").
 */
@Command(name = "hall", mixinStandardHelpOptions = true,
        description = "The halls one hall server hosts for a county (DATA/halls/<id>/; docs/deployment.md).",
        subcommands = {HallCommand.Add.class, HallCommand.ListHalls.class})
final class HallCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("hall: give a subcommand, e.g. yizhan hall add shitang-zhen --name 石塘镇便民服务中心 "
                + "--data yizhan-server, or yizhan hall list");
        return 2;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Makes DATA/halls/ID/ for a hall of the county: its queues (FILE, checked, or the demo's "
                    + "to edit), its windows (FILE, checked, or one window 1 with a new PIN), and its own hall "
                    + "secret; prints what that hall's kiosks put in kiosk.properties. A running server serves the "
                    + "new hall once it is restarted.",
                    "Exit code: 0 made, 1 the hall exists or a file is refused, 2 usage (a bad id)."})
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "The hall's id: 1 to 32 of a-z 0-9 -, e.g. shitang-zhen; "
                + "its kiosks' hall.id.")
        String id;

        @Option(names = "--name", paramLabel = "NAME", required = true,
                description = "The hall's name on its tickets, display and report, e.g. 石塘镇便民服务中心.")
        String name;

        @Option(names = "--queues", paramLabel = "FILE", description = "The hall's queues file (docs/queues.md); "
                + "its \"hall\" becomes NAME.")
        Path queues;

        @Option(names = "--windows", paramLabel = "FILE", description = "The hall's windows file (docs/counter.md).")
        Path windows;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "yizhan-server",
                description = "The hall server's data directory (default: ${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() {
            return run(System.out, System.err);
        }

        int run(PrintStream out, PrintStream err) {
            Optional<String> bad = HallId.problem(id);
            if (bad.isPresent()) {
                err.println("hall add: \"" + id + "\" cannot be a hall's id: " + bad.get());
                return 2;
            }
            Path dir = data.toAbsolutePath().resolve(Halls.DIR).resolve(id);
            if (Files.exists(dir)) {
                err.println("hall add: hall " + id + " exists already (" + dir + "); pick another id, or edit its files");
                return 1;
            }
            String secretFile;
            String pin;
            try {
                Optional<byte[]> queuesJson = read(queues, "queues file");
                Optional<byte[]> windowsJson = read(windows, "windows file");
                if (queuesJson.isPresent()) {
                    QueuesFile.parse(queuesJson.get(), queues.toString());
                }
                if (windowsJson.isPresent()) {
                    WindowsFile.parse(windowsJson.get(), windows.toString());
                }
                HallFiles.Made made = HallFiles.make(dir, name, queuesJson, windowsJson);
                secretFile = made.secret().toString();
                pin = made.starterPin();
            } catch (QueuesFileException e) {
                err.println("hall add: " + e.getMessage() + "; nothing was made");
                return 1;
            } catch (IOException e) {
                err.println("hall add: " + FileProblems.describe(e) + "; nothing was made");
                return 1;
            }
            out.println("hall " + id + " (" + name + ") is in " + dir);
            out.println("  its secret: " + secretFile + " (owner-only; for this hall's kiosks and counters alone)");
            if (pin != null) {
                out.println("  its counters: window 1 (1号窗口) with PIN " + pin + " — write it down, only its hash is "
                        + "kept; edit " + dir.resolve("windows.json") + " for the hall's windows (docs/counter.md)");
            }
            if (queues == null) {
                out.println("  its queues: the demo's, to edit in " + dir.resolve(QueuesFile.FILE) + " (docs/queues.md)");
            }
            out.println("in kiosk.properties of each of its kiosks:");
            out.println("  server.url=http://<this server>:8080/");
            out.println("  hall.id=" + id);
            out.println("  hall.secret=<the line in " + secretFile + ">");
            out.println("its counter page: http://<this server>:8080/halls/" + id + "/counter, its display: "
                    + "http://<this server>:8080/halls/" + id + "/display");
            out.println("restart the hall server (yizhan server) to serve it");
            return 0;
        }

        private static Optional<byte[]> read(Path file, String what) throws IOException {
            if (file == null) {
                return Optional.empty();
            }
            Optional<String> unreadable = FileProblems.unreadable(file, what);
            if (unreadable.isPresent()) {
                throw new QueuesFileException(unreadable.get());
            }
            return Optional.of(Files.readAllBytes(file));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the halls of DATA: the top-level one (if any), then each under DATA/halls/.")
    static final class ListHalls implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "yizhan-server",
                description = "The hall server's data directory (default: ${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() {
            return run(System.out, System.err);
        }

        int run(PrintStream out, PrintStream err) {
            Path root = data.toAbsolutePath();
            if (!Files.isDirectory(root)) {
                err.println("hall list: " + root + " is not a hall server's data directory (no such folder)");
                return 1;
            }
            boolean ok = true;
            if (!Halls.countyOnly(root)) {
                ok &= line(out, "(top-level)", root, "/", "requests that name no added hall");
            }
            List<String> ids;
            try {
                ids = Halls.ids(root);
            } catch (IOException e) {
                err.println("hall list: " + FileProblems.describe(e));
                return 1;
            }
            for (String id : ids) {
                ok &= line(out, id, root.resolve(Halls.DIR).resolve(id), "/halls/" + id + "/", "hall.id=" + id);
            }
            if (ids.isEmpty()) {
                out.println("no halls under " + root.resolve(Halls.DIR) + " (add one with yizhan hall add)");
            }
            return ok ? 0 : 1;
        }

        private static boolean line(PrintStream out, String id, Path dir, String pages, String who) {
            String name;
            boolean ok = true;
            Path file = dir.resolve(QueuesFile.FILE);
            if (!Files.exists(file)) {
                name = "(no queues file yet: the demo's on first start)";
            } else {
                try {
                    name = QueuesFile.read(file).hall();
                } catch (IOException e) {
                    name = "(its queues file has a problem: " + e.getMessage() + ")";
                    ok = false;
                }
            }
            String secret = Files.exists(dir.resolve(HallSecret.FILE)) ? "" : ", no secret yet";
            out.println(id + "  " + name + "  " + dir + "  pages " + pages + "  (" + who + secret + ")");
            return ok;
        }
    }
}
