package org.yizhan.server.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yizhan.fleet.FleetReport;
import org.yizhan.fleet.Heartbeat;
import org.yizhan.fleet.KioskReport;
import org.yizhan.fleet.LastSync;
import org.yizhan.fleet.Problem;

/**
 * What is wrong with each kiosk, judged on the server from its latest heartbeat (docs/deployment.md, "The hall's
 * kiosks at a glance"), and the kiosks worst first: by their worst problem (in the order of {@link #RANKS}), then
 * by how many they have, then by hall and id; the kiosks without a problem last.
 */
final class FleetJudge {
    /** The problems, worst first: a kiosk nobody hears from, then one whose printer gives no numbers … */
    static final List<String> RANKS = List.of(Problem.NOT_SEEN, Problem.PRINTER, Problem.OUTBOX, Problem.SYNC_FAILING,
            Problem.OLD_CATALOG, Problem.CLOCK_OFF, Problem.LOW_DISK, Problem.OTHER_VERSION);
    static final long LOW_DISK_BYTES = 200L * 1024 * 1024;
    /** More messages than this waiting: the kiosk's tickets do not reach the server (about a morning's numbers). */
    static final int BACKLOG = 100;
    private static final int REASON_SHOWN = 80;
    /** A kiosk's clock this far ahead of the server's is wrong: a heartbeat cannot arrive before it was made. */
    static final Duration CLOCK_AHEAD = Duration.ofMinutes(2);
    /**
     * This far behind: a heartbeat may wait a minute for the next and a minute of backoff, so only a gap well past
     * that says the kiosk's clock is wrong (and with it the catalog's expiry and https).
     */
    static final Duration CLOCK_BEHIND = Duration.ofMinutes(10);

    private FleetJudge() {
    }

    static FleetReport judge(List<KioskStore.Seen> kiosks, Instant now, int staleMinutes, Optional<Long> published) {
        String fleetVersion = commonVersion(kiosks);
        List<KioskReport> reports = new ArrayList<>();
        for (KioskStore.Seen seen : kiosks) {
            Heartbeat h = seen.heartbeat();
            long since = Math.max(0, Duration.between(seen.receivedAt(), now).toSeconds());
            reports.add(new KioskReport(h.kioskId(), h.hallId(), seen.receivedAt().toString(), since,
                    problems(h, seen.receivedAt(), since, now, staleMinutes, published, fleetVersion), h));
        }
        reports.sort(Comparator.comparingInt(FleetJudge::worst)
                .thenComparing(Comparator.comparingInt((KioskReport r) -> r.problems().size()).reversed())
                .thenComparing(KioskReport::hallId).thenComparing(KioskReport::kioskId));
        return new FleetReport(now.toString(), staleMinutes, published.orElse(null), fleetVersion, reports);
    }

    private static List<Problem> problems(Heartbeat h, Instant received, long since, Instant now, int staleMinutes,
                                          Optional<Long> published, String fleetVersion) {
        List<Problem> problems = new ArrayList<>();
        if (since >= staleMinutes * 60L) {
            problems.add(new Problem(Problem.NOT_SEEN, "NOT SEEN " + ago(since)));
        }
        if (List.of("PAPER_OUT", "COVER_OPEN", "OFFLINE").contains(h.printer())) {
            problems.add(new Problem(Problem.PRINTER, "printer " + h.printer()));
        }
        if (h.outboxKeptAside() > 0 || h.outboxWaiting() > BACKLOG) {
            List<String> parts = new ArrayList<>();
            if (h.outboxWaiting() > BACKLOG) {
                parts.add(h.outboxWaiting() + " waiting");
            }
            if (h.outboxKeptAside() > 0) {
                parts.add(h.outboxKeptAside() + " kept aside");
            }
            problems.add(new Problem(Problem.OUTBOX, "outbox " + String.join(", ", parts)));
        }
        LastSync sync = h.lastSync();
        if (sync != null && sync.failed()) {
            String lastOk = h.lastSuccessfulSync() == null ? "never ok"
                    : "last ok " + ago(Math.max(0, Duration.between(Instant.parse(h.lastSuccessfulSync()), now)
                            .toSeconds())) + " ago";
            String reason = sync.reason().length() > REASON_SHOWN
                    ? sync.reason().substring(0, REASON_SHOWN - 1) + "…" : sync.reason();
            problems.add(new Problem(Problem.SYNC_FAILING, "sync " + sync.outcome() + " (" + lastOk + ")"
                    + (reason.isEmpty() ? "" : ": " + reason)));
        }
        if (published.isPresent() && h.catalogVersion() < published.get()) {
            problems.add(new Problem(Problem.OLD_CATALOG, "catalog " + h.catalogVersion() + " (server " + published.get()
                    + ")"));
        }
        clockOff(h, received).ifPresent(problems::add);
        if (h.freeBytes() >= 0 && h.freeBytes() < LOW_DISK_BYTES) {
            problems.add(new Problem(Problem.LOW_DISK, "disk " + h.freeBytes() / (1024 * 1024) + " MB free"));
        }
        if (!fleetVersion.isEmpty() && !h.version().equals(fleetVersion)) {
            problems.add(new Problem(Problem.OTHER_VERSION, "version " + (h.version().isEmpty() ? "unknown" : h.version())
                    + " (most " + fleetVersion + ")"));
        }
        return problems;
    }

    /** The kiosk's clock against the server's, from when it made its heartbeat and when the server took it. */
    private static Optional<Problem> clockOff(Heartbeat h, Instant received) {
        Duration gap = Duration.between(received, Instant.parse(h.sentAt()));
        if (gap.compareTo(CLOCK_AHEAD) > 0) {
            return Optional.of(new Problem(Problem.CLOCK_OFF, "clock " + ago(gap.toSeconds()) + " ahead"));
        }
        if (gap.negated().compareTo(CLOCK_BEHIND) > 0) {
            return Optional.of(new Problem(Problem.CLOCK_OFF, "clock " + ago(gap.negated().toSeconds()) + " behind"));
        }
        return Optional.empty();
    }

    private static int worst(KioskReport report) {
        return report.problems().stream().mapToInt(p -> RANKS.indexOf(p.code())).min().orElse(RANKS.size());
    }

    /** The version most kiosks run (of those that name one); on a tie, the highest. "" when none names one. */
    static String commonVersion(List<KioskStore.Seen> kiosks) {
        Map<String, Integer> counts = new HashMap<>();
        for (KioskStore.Seen seen : kiosks) {
            if (!seen.heartbeat().version().isEmpty()) {
                counts.merge(seen.heartbeat().version(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry::getKey, FleetJudge::compareVersions))
                .map(Map.Entry::getKey).orElse("");
    }

    /** 0.10.0 after 0.9.1: numbers compared as numbers, the rest as text. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[.+-]");
        String[] y = b.split("[.+-]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d{1,18}") && y[i].matches("\\d{1,18}")
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** 45 s, 7 min, 2 h, 3 d: the largest whole unit. */
    static String ago(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h";
        }
        return seconds / 86_400 + " d";
    }
}
