package org.yizhan.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.yizhan.fleet.FleetReport;
import org.yizhan.fleet.Heartbeat;
import org.yizhan.fleet.KioskReport;
import org.yizhan.fleet.Problem;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.HallFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleet}: the hall's kiosks at a glance, one line each, worst first, as the hall server judges them from
 * their heartbeats (docs/deployment.md, "The hall's kiosks at a glance").
 */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Prints one line per kiosk that reports to the hall server, what is wrong first (not seen, "
                + "printer, outbox, sync failing, old catalog, clock off, low disk, another version), then the kiosks that are ok.",
                "Exit code: 0 when every kiosk is ok, 1 when any has a problem (or with --forget, none of that id), "
                        + "2 when the server cannot be asked.",
                "Example: yizhan fleet --server https://10.0.0.5:8443/ --secret-file hall.secret --pin 3fa2…"})
final class FleetCommand implements Callable<Integer> {
    static final int ALL_OK = 0;
    static final int PROBLEMS = 1;
    static final int CANNOT_ASK = 2;

    @CommandLine.Mixin
    HallServerOptions hallServer;

    @Option(names = "--stale-minutes", paramLabel = "N", defaultValue = "5",
            description = "A kiosk not heard from for N minutes is NOT SEEN (default: ${DEFAULT-VALUE}; it beats every minute).")
    int staleMinutes;

    @Option(names = "--forget", paramLabel = "KIOSK",
            description = "Forget a kiosk taken out of service (it comes back with its next heartbeat), then print the rest.")
    String forget;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        if (staleMinutes < 1 || staleMinutes > 10_080) {
            return cannot("--stale-minutes must be from 1 to 10080 (a week)");
        }
        HallClient hall;
        try {
            hall = hallServer.trustedClient();
        } catch (HallServerOptions.CannotAsk e) {
            return cannot(e.getMessage());
        }
        boolean forgotten = true;
        try {
            if (forget != null) {
                forgotten = forget(hall, out);
            }
            FleetReport report = hall.getJson("fleet?staleMinutes=" + staleMinutes, FleetReport.class);
            print(report, out);
            return !forgotten || report.withProblems() > 0 ? PROBLEMS : ALL_OK;
        } catch (HallFailure.Refused e) {
            return cannot(e.serverMessage().orElse(e.getMessage()));
        } catch (HallFailure e) {
            return cannot(e.getMessage());
        }
    }

    private boolean forget(HallClient hall, PrintStream out) throws HallFailure {
        try {
            hall.postJson("fleet/" + java.net.URLEncoder.encode(forget, java.nio.charset.StandardCharsets.UTF_8)
                    + "/forget", Map.of(), Void.class);
            out.println("forgot " + forget);
            return true;
        } catch (HallFailure.Refused e) {
            if (e.status() != 404) {
                throw e;
            }
            System.err.println("fleet: the hall server knows no kiosk " + forget);
            return false;
        }
    }

    /** The summary line, then each kiosk: id (and hall), its problems, or ok with what it runs. */
    static void print(FleetReport report, PrintStream out) {
        int idWidth = report.kiosks().stream().mapToInt(k -> name(k).length()).max().orElse(0);
        out.println(report.kiosks().size() + " kiosk(s), " + report.withProblems() + " with problems; server catalog "
                + (report.serverCatalogVersion() == null ? "none" : report.serverCatalogVersion())
                + (report.fleetVersion().isEmpty() ? "" : ", most run " + report.fleetVersion())
                + "; not seen = " + report.staleMinutes() + " min");
        for (KioskReport k : report.kiosks()) {
            String line = k.ok() ? okLine(k) : k.problems().stream().map(Problem::summary).collect(Collectors.joining("  "));
            out.println(String.format("%-" + idWidth + "s  %s", name(k), line));
        }
    }

    private static String name(KioskReport k) {
        return k.hallId().isEmpty() ? k.kioskId() : k.hallId() + "/" + k.kioskId();
    }

    private static String okLine(KioskReport k) {
        Heartbeat h = k.heartbeat();
        return "ok  (" + (h.version().isEmpty() ? "" : h.version() + ", ") + "catalog " + h.catalogVersion()
                + ", printer " + h.printer() + ", up " + seen(h.uptimeSeconds()) + ", seen " + seen(k.secondsSinceSeen())
                + " ago)";
    }

    /** 41 s, 7 min, 2 h, 3 d. */
    private static String seen(long seconds) {
        return seconds < 60 ? seconds + " s" : seconds < 3600 ? seconds / 60 + " min"
                : seconds < 86_400 ? seconds / 3600 + " h" : seconds / 86_400 + " d";
    }

    private static int cannot(String problem) {
        System.err.println("fleet: " + problem);
        return CANNOT_ASK;
    }
}
