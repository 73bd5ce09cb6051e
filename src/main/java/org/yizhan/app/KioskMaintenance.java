package org.yizhan.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.catalog.InstalledCatalog;
import org.yizhan.config.ConfigException;
import org.yizhan.config.ConfigKey;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.KioskConfigLoader;
import org.yizhan.config.LoadedConfig;
import org.yizhan.outbox.Outbox;
import org.yizhan.outbox.OutboxMessage;
import org.yizhan.print.MonoImage;
import org.yizhan.print.PrintFailure;
import org.yizhan.print.PrinterState;
import org.yizhan.print.TicketPrinter;
import org.yizhan.sync.SyncOutcome;
import org.yizhan.sync.SyncScheduler;
import org.yizhan.ui.Messages;
import org.yizhan.ui.technician.Maintenance;

/**
 * The technician's panel's view of the kiosk: what it reads of the kiosk's parts, and what its actions do. Nothing
 * here knows anything of citizens; the log lines it shows carry nothing personal either.
 */
final class KioskMaintenance implements Maintenance {
    private static final Logger LOG = LoggerFactory.getLogger(KioskMaintenance.class);
    /** Below this free in data.dir the panel marks the disk: a catalog and its download need about twice its size. */
    static final long LOW_DISK_BYTES = 200L * 1024 * 1024;
    /** Read once at start (the log file lives in data.dir) and not again by a kiosk whose screens are built afresh. */
    static final Set<ConfigKey> NEED_PROGRAM_RESTART = EnumSet.of(ConfigKey.DATA_DIR, ConfigKey.LOG_MAX_FILE_SIZE,
            ConfigKey.LOG_KEEP_DAYS);
    private static final Duration SYNC_WAIT = Duration.ofSeconds(90);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Kiosk kiosk;
    private final Messages m = Messages.simplifiedChinese();
    private final Supplier<List<String>> recentLog;
    /** A reloaded kiosk.properties that the next {@link #restartUi} applies. */
    private volatile KioskConfig waiting;

    KioskMaintenance(Kiosk kiosk, Supplier<List<String>> recentLog) {
        this.kiosk = kiosk;
        this.recentLog = recentLog;
    }

    @Override
    public boolean pinMatches(String pin) {
        return kiosk.config().technicianPin().map(hash -> hash.matches(pin)).orElse(false);
    }

    @Override
    public List<Section> facts() {
        List<Section> sections = new ArrayList<>();
        sections.add(guarded("tech.kiosk", this::thisKiosk));
        sections.add(guarded("tech.catalog", this::catalog));
        sections.add(guarded("tech.syncing", this::syncing));
        sections.add(guarded("tech.hall", this::hallServer));
        sections.add(guarded("tech.printer", this::printer));
        sections.add(guarded("tech.log", this::log));
        return sections;
    }

    /** One part that cannot be read says so in its place; the others are still shown. */
    private Section guarded(String title, Supplier<List<Line>> lines) {
        try {
            return new Section(m.get(title), lines.get());
        } catch (RuntimeException e) {
            LOG.warn("the technician's panel cannot read {}: {}", title, e.toString());
            return new Section(m.get(title), List.of(new Line(m.get("tech.unreadable"), e.toString(), true)));
        }
    }

    private List<Line> thisKiosk() {
        KioskConfig config = kiosk.config();
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of(m.get("tech.kiosk.id"), config.kioskId() + " · " + config.hallName()));
        lines.add(Line.of(m.get("tech.kiosk.version"), CatalogSetup.version()));
        Kiosk.Host host = kiosk.host();
        lines.add(Line.of(m.get("tech.kiosk.config"), host.configFile().map(Path::toString).orElse("—")));
        for (String warning : host.warnings()) {
            lines.add(new Line(m.get("tech.kiosk.warning"), warning, true));
        }
        lines.add(Line.of(m.get("tech.kiosk.uptime"), span(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()))));
        Runtime rt = Runtime.getRuntime();
        long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
        lines.add(Line.of(m.get("tech.kiosk.heap"), m.format("tech.kiosk.heapValue", used, rt.maxMemory() >> 20)));
        Path data = config.dataDir();
        try {
            long free = Files.getFileStore(data).getUsableSpace();
            lines.add(new Line(m.get("tech.kiosk.disk"), m.format("tech.kiosk.diskValue", free >> 20, data.toString()),
                    free < LOW_DISK_BYTES));
        } catch (java.io.IOException e) {
            lines.add(new Line(m.get("tech.kiosk.disk"), data + ": " + e.getMessage(), true));
        }
        return lines;
    }

    private List<Line> catalog() {
        CatalogSnapshot shown = kiosk.catalogShown();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(m.get("tech.catalog.version"), shown.version() == 0 ? "—" : String.valueOf(shown.version())
                + (shown.catalog().sample() ? " · " + m.get("tech.catalog.sample") : ""), shown.version() == 0));
        if (shown.version() != 0) {
            Duration age = Duration.between(shown.catalog().generatedAt(), kiosk.clock().instant());
            lines.add(Line.of(m.get("tech.catalog.generated"),
                    time(shown.catalog().generatedAt()) + " · " + m.format("tech.ago", span(age))));
            lines.add(Line.of(m.get("tech.catalog.services"), String.valueOf(shown.catalog().services().size())));
        }
        Optional<CatalogSetup> setup = kiosk.setup();
        Optional<InstalledCatalog> installed = Optional.empty();
        if (setup.isPresent()) {
            try {
                installed = setup.get().catalogs().installed();
            } catch (java.io.IOException e) {
                lines.add(new Line(m.get("tech.catalog.publisher"), e.getMessage(), true));
            }
        }
        lines.add(Line.of(m.get("tech.catalog.publisher"), installed.flatMap(InstalledCatalog::publisher).orElse("—")));
        KioskConfig config = kiosk.config();
        String source = config.embeddedServer() ? m.get("tech.catalog.fromDemo")
                : setup.isPresent() ? m.format("tech.catalog.fromServer", setup.get().serverUrl())
                : m.get("tech.catalog.fromCache");
        lines.add(new Line(m.get("tech.catalog.source"), source, setup.isEmpty()));
        return lines;
    }

    private List<Line> syncing() {
        List<Line> lines = new ArrayList<>();
        String problem = kiosk.setupProblem();
        if (!problem.isEmpty()) {
            lines.add(new Line(m.get("tech.sync.notSetUpLabel"), problem, true));
        }
        SyncScheduler.Status status = kiosk.syncStatus();
        lines.add(status.last().map(o -> new Line(m.get("tech.sync.last"), time(o.at()) + " · " + o.line(), o.failed()))
                .orElse(Line.of(m.get("tech.sync.last"), "—")));
        lines.add(Line.of(m.get("tech.sync.lastSuccess"), status.lastSuccess().map(this::time).orElse("—")));
        if (status.consecutiveFailures() > 0) {
            lines.add(new Line(m.get("tech.sync.failures"), String.valueOf(status.consecutiveFailures()), true));
        }
        lines.add(Line.of(m.get("tech.sync.next"), status.nextAttempt().map(this::time).orElse("—")));
        lines.add(Line.of(m.get("tech.sync.interval"), span(kiosk.config().syncInterval())));
        return lines;
    }

    private List<Line> hallServer() {
        List<Line> lines = new ArrayList<>();
        Optional<CatalogSetup> setup = kiosk.setup();
        if (setup.isEmpty()) {
            lines.add(new Line(m.get("tech.hall.address"), kiosk.config().serverUrl().map(Object::toString)
                    .orElse("embedded"), true));
            return lines;
        }
        lines.add(Line.of(m.get("tech.hall.address"), setup.get().serverUrl().toString()));
        long started = System.nanoTime();
        try {
            setup.get().hall().getJson("health", JsonNode.class);
            long ms = (System.nanoTime() - started) / 1_000_000;
            lines.add(new Line(m.get("tech.hall.reach"), m.format("tech.hall.reachable", ms), ms > 2_000));
        } catch (org.yizhan.hall.HallFailure e) {
            lines.add(new Line(m.get("tech.hall.reach"), m.format("tech.hall.unreachable", e.getMessage()), true));
        }
        lines.add(new Line(m.get("tech.hall.secret"), m.get(setup.get().queues().isPresent() ? "tech.yes" : "tech.hall.noSecret"),
                setup.get().queues().isEmpty()));
        Optional<Outbox> outbox = setup.get().outbox();
        if (outbox.isEmpty()) {
            lines.add(new Line(m.get("tech.hall.outbox"), m.get("tech.hall.noOutbox"), true));
            return lines;
        }
        try {
            List<OutboxMessage> pending = outbox.get().pending();
            String oldest = pending.isEmpty() ? "" : " · " + m.format("tech.hall.oldest", time(pending.get(0).createdAt()));
            lines.add(new Line(m.get("tech.hall.outbox"), m.format("tech.hall.pending", pending.size()) + oldest,
                    pending.size() > 20));
            for (OutboxMessage aside : outbox.get().keptAside()) {
                lines.add(new Line(m.get("tech.hall.keptAside"), time(aside.createdAt()) + " " + aside.kind() + " "
                        + aside.path() + ": " + aside.refused(), true));
            }
        } catch (org.yizhan.outbox.OutboxFailure e) {
            lines.add(new Line(m.get("tech.hall.outbox"), e.getMessage(), true));
        }
        return lines;
    }

    private List<Line> printer() {
        Optional<TicketPrinter> printer = kiosk.printer();
        if (printer.isEmpty()) {
            return List.of(Line.of(m.get("tech.printer.type"), m.get("tech.printer.none")));
        }
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of(m.get("tech.printer.type"), printer.get().describe()));
        PrinterState state = printer.get().status();
        lines.add(new Line(m.get("tech.printer.state"), m.get("tech.printer." + state.name()),
                state != PrinterState.READY && state != PrinterState.UNKNOWN));
        if (printer.get() instanceof RecordedPrinter recorded) {
            lines.add(recorded.lastFailure()
                    .map(f -> new Line(m.get("tech.printer.lastError"), time(f.at()) + " · " + f.message(), true))
                    .orElse(Line.of(m.get("tech.printer.lastError"), "—")));
        }
        return lines;
    }

    private List<Line> log() {
        List<String> recent = recentLog.get();
        if (recent.isEmpty()) {
            return List.of(Line.of("", "—"));
        }
        return recent.stream().map(line -> new Line("", line, line.contains(" ERROR ") || line.contains(" WARN "))).toList();
    }

    @Override
    public String syncNow() throws Exception {
        CompletableFuture<SyncOutcome> next = kiosk.nextSyncOutcome();
        if (!kiosk.syncNow()) {
            return m.format("tech.sync.notSetUp", kiosk.setupProblem());
        }
        try {
            SyncOutcome outcome = next.get(SYNC_WAIT.toSeconds(), TimeUnit.SECONDS);
            return m.format(outcome.failed() ? "tech.sync.failed" : "tech.sync.done", outcome.line());
        } catch (TimeoutException e) {
            return m.format("tech.sync.slow", SYNC_WAIT.toSeconds());
        }
    }

    @Override
    public OptionalInt printerDots() {
        return kiosk.printer().map(p -> OptionalInt.of(p.dotsWide())).orElse(OptionalInt.empty());
    }

    @Override
    public String printTest(MonoImage page) {
        Optional<TicketPrinter> printer = kiosk.printer();
        if (printer.isEmpty()) {
            return m.get("tech.printer.none");
        }
        try {
            printer.get().print(page);
            LOG.info("the technician printed a test ticket");
            return m.get("tech.print.done");
        } catch (PrintFailure e) {
            return m.format("tech.print.failed", m.get("tech.printer." + e.state().name()), e.getMessage());
        }
    }

    @Override
    public Reload reload() {
        Optional<Path> file = kiosk.host().configFile();
        if (file.isEmpty()) {
            return new Reload(Outcome.INVALID, List.of(m.get("tech.reload.noFile")));
        }
        LoadedConfig loaded;
        try {
            loaded = KioskConfigLoader.load(file.get());
        } catch (ConfigException e) {
            LOG.warn("kiosk.properties was read again and has problems; the config in force stays:\n{}",
                    String.join("\n", e.lines()));
            return new Reload(Outcome.INVALID, e.lines());
        }
        KioskConfig now = waiting != null ? waiting : kiosk.config();
        List<ConfigKey> changed = now.changedIn(loaded.config());
        List<String> lines = new ArrayList<>(loaded.warnings());
        if (changed.isEmpty()) {
            return new Reload(Outcome.UNCHANGED, lines);
        }
        List<String> keys = changed.stream().map(ConfigKey::key).toList();
        if (changed.stream().anyMatch(NEED_PROGRAM_RESTART::contains)) {
            lines.add(0, m.format("tech.reload.keys", String.join(", ", keys)));
            LOG.info("kiosk.properties was read again: {} changed, which needs a restart of the program", keys);
            return new Reload(Outcome.RESTART_NEEDED, lines);
        }
        waiting = loaded.config();
        lines.add(0, m.format("tech.reload.keys", String.join(", ", keys)));
        LOG.info("kiosk.properties was read again: {} changed; the screens are built afresh with it", keys);
        return new Reload(Outcome.APPLIED, lines);
    }

    @Override
    public void restartUi() {
        KioskConfig next = waiting;
        kiosk.host().restart().accept(next != null ? next : kiosk.config());
    }

    @Override
    public void quit() {
        kiosk.host().quit().run();
    }

    private String time(Instant at) {
        ZoneId zone = kiosk.clock().getZone();
        return TIME.format(at.atZone(zone));
    }

    /** A duration as a technician reads it: 3 天 4 小时, 2 小时 5 分, 40 秒. */
    private String span(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 86_400) {
            return m.format("tech.span.days", s / 86_400, s % 86_400 / 3_600);
        }
        if (s >= 3_600) {
            return m.format("tech.span.hours", s / 3_600, s % 3_600 / 60);
        }
        if (s >= 60) {
            return m.format("tech.span.minutes", s / 60, s % 60);
        }
        return m.format("tech.span.seconds", s);
    }
}
