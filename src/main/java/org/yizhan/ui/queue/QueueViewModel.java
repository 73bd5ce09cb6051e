package org.yizhan.ui.queue;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.hall.HallFailure;
import org.yizhan.outbox.Draft;
import org.yizhan.outbox.Outbox;
import org.yizhan.outbox.OutboxFailure;
import org.yizhan.model.Service;
import org.yizhan.print.MonoImage;
import org.yizhan.print.PrintFailure;
import org.yizhan.print.PrinterState;
import org.yizhan.print.TicketPrinter;
import org.yizhan.queue.QueueBoard;
import org.yizhan.queue.QueueInfo;
import org.yizhan.queue.QueueMatch;
import org.yizhan.queue.Queues;
import org.yizhan.queue.TicketInfo;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Navigator;
import org.yizhan.ui.TaskExecutor;

/**
 * 取号排队: the hall's queues, one tap to choose, one to confirm, then the ticket. A number counts only
 * once printed: taken from the hall server, printed, then confirmed through the kiosk's {@link Outbox}, where
 * its "printed" message is on the disk (held) before the paper comes out and goes to the server once it has;
 * a print that fails turns it into a void and tells the citizen in one sentence what to do. Everything that
 * waits on the server, the printer or the disk runs through the {@link TaskExecutor}; leaving the screen drops
 * any answer still to come, never the outbox's record.
 */
public final class QueueViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(QueueViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public enum Step { LOADING, CHOOSING, CONFIRMING, PRINTING, TICKET, FAILED }

    /** One queue as a tile: {@code available} false greys it, with {@code closedText} saying why. */
    public record QueueTile(String id, String name, String description, String waitingText, String waitText,
            boolean available, String closedText, boolean priorityLane, String location) {
    }

    /** The ticket as the screen and the paper show it. */
    public record TicketView(String hallName, String number, String queueName, String aheadText, String waitText,
            String location, String takenAt, String statusUrl, boolean onPaper) {
    }

    /** Lays a ticket out at the printer's width and rasterises it; on the UI thread (a snapshot). */
    @FunctionalInterface
    public interface TicketRendering {
        MonoImage render(TicketView ticket, int dotsWide);
    }

    /**
     * What a kiosk needs to give numbers; {@code queues} is empty when it cannot ask the hall server, and
     * {@code outbox} when it cannot record what it must tell it (then it gives no numbers).
     */
    public record Setup(Optional<Queues> queues, Optional<Outbox> outbox, Optional<TicketPrinter> printer,
            boolean onScreenAllowed, URI publicBase, String hallName, Duration ticketShownFor) {
        /** No screen leaves a citizen less time than the idle countdown gives. */
        public Setup {
            org.yizhan.ui.IdleCountdown.refuseShorter(ticketShownFor, "the ticket's time on screen");
        }
    }

    private final Messages messages;
    private final Setup setup;
    private final TaskExecutor tasks;
    private final TicketRendering rendering;
    private final Navigator navigator;
    private final Optional<Service> forService;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.LOADING);
    private final ReadOnlyObjectWrapper<List<QueueTile>> tiles = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<QueueTile> chosen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TicketView> ticket = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private TaskExecutor.Cancellable call = () -> { };
    private TaskExecutor.Cancellable printerCheck = () -> { };
    private TaskExecutor.Cancellable goingHome = () -> { };
    /** The ticket just given, for 评价本次服务; null before one is shown. */
    private Destination.Rating rateTicket;
    private boolean printerTrouble;
    /** The hall's rule, from the board: how many numbers this kiosk may give in a minute (0: not said). */
    private int perMinute;

    public QueueViewModel(Messages messages, Setup setup, TaskExecutor tasks, TicketRendering rendering,
            Navigator navigator, Optional<Service> forService) {
        this.messages = messages;
        this.setup = setup;
        this.tasks = tasks;
        this.rendering = rendering;
        this.navigator = navigator;
        this.forService = forService;
    }

    /** Asks for the board and, beside it, whether the printer has paper. */
    public void open() {
        if (setup.queues().isEmpty()) {
            fail(messages.get("queue.unavailable.noServer"));
            return;
        }
        if (setup.outbox().isEmpty()) {
            fail(messages.get("queue.unavailable.noServer"));
            return;
        }
        if (setup.printer().isEmpty() && !setup.onScreenAllowed()) {
            fail(messages.get("queue.unavailable.noPrinter"));
            return;
        }
        step.set(Step.LOADING);
        setup.printer().ifPresent(printer -> printerCheck = tasks.execute(printer::status, this::printerSays,
                e -> LOG.warn("the printer's status could not be read: {}", e.toString())));
        Queues queues = setup.queues().get();
        call = tasks.execute(queues::board, this::showBoard, e -> fail(sentenceFor(e)));
    }

    private void printerSays(PrinterState state) {
        Optional<String> problem = printerProblem(state);
        printerTrouble = problem.isPresent();
        notice.set(problem.orElse(""));
        if (printerTrouble && (step.get() == Step.CONFIRMING)) {
            step.set(Step.CHOOSING);
        }
    }

    private Optional<String> printerProblem(PrinterState state) {
        return switch (state) {
            case PAPER_OUT -> Optional.of(messages.get("queue.printer.paperOut"));
            case COVER_OPEN -> Optional.of(messages.get("queue.printer.coverOpen"));
            case OFFLINE -> Optional.of(messages.get("queue.printer.offline"));
            case READY, UNKNOWN -> Optional.empty();
        };
    }

    private void showBoard(QueueBoard board) {
        perMinute = board.ticketsPerKioskPerMinute();
        List<QueueTile> shown = board.queues().stream().map(this::tile).toList();
        tiles.set(shown);
        step.set(Step.CHOOSING);
        if (shown.isEmpty()) {
            fail(messages.get("queue.noQueues"));
            return;
        }
        forService.flatMap(s -> QueueMatch.forService(board.queues(), s.id(), s.departmentId(), s.themeIds()))
                .flatMap(q -> shown.stream().filter(t -> t.id().equals(q.id())).findFirst())
                .ifPresent(this::choose);
    }

    private QueueTile tile(QueueInfo q) {
        String waiting = messages.format("queue.waiting", q.waiting());
        String wait = q.estimatedWaitMinutes() == null ? messages.get("queue.wait.unknown")
                : messages.format("queue.wait.minutes", q.estimatedWaitMinutes());
        boolean available = q.open() && q.closedReason() == null;
        String hours = q.hoursToday() == null || q.hoursToday().isBlank() ? "" : q.hoursToday();
        String closed = available ? "" : switch (String.valueOf(q.closedReason())) {
            case QueueInfo.CAP_REACHED -> messages.get("queue.closed.cap");
            case QueueInfo.CLOSED_TODAY -> messages.get("queue.closed.today");
            case QueueInfo.NOT_OPEN_YET -> messages.format("queue.closed.notYet", hours);
            default -> hours.isEmpty() ? messages.get("queue.closed.today") : messages.format("queue.closed.hours", hours);
        };
        return new QueueTile(q.id(), messages.chinese(q.name()), messages.chinese(nullToEmpty(q.description())), waiting,
                wait, available, closed, q.priorityLane(), messages.chinese(nullToEmpty(q.location())));
    }

    /** First tap: a queue; the second ({@link #confirm}) takes the number. */
    public void choose(QueueTile tile) {
        if (step.get() != Step.CHOOSING && step.get() != Step.CONFIRMING) {
            return;
        }
        message.set("");
        if (!tile.available()) {
            message.set(tile.closedText());
            return;
        }
        if (printerTrouble) {
            message.set(notice.get());
            return;
        }
        chosen.set(tile);
        step.set(Step.CONFIRMING);
    }

    /** Back from the confirmation to the list. */
    public void cancel() {
        if (step.get() == Step.CONFIRMING) {
            chosen.set(null);
            message.set("");
            step.set(Step.CHOOSING);
        }
    }

    /** Second tap: takes the number for the chosen queue (in its priority lane if asked), prints it, confirms it. */
    public void confirm(boolean priority) {
        QueueTile tile = chosen.get();
        if (step.get() != Step.CONFIRMING || tile == null) {
            return;
        }
        if (setup.outbox().orElseThrow().full()) {
            LOG.error("the outbox is full of messages the hall server has not taken: no numbers until it has");
            fail(messages.get("queue.unavailable.noServer"));
            return;
        }
        message.set("");
        step.set(Step.PRINTING);
        Queues queues = setup.queues().orElseThrow();
        call = tasks.execute(() -> queues.take(tile.id(), priority), this::handOut, e -> fail(sentenceFor(e)));
    }

    /**
     * On the UI thread: lays the ticket out and prints it, or shows it on screen where the hall allows that.
     * Either way it is shown only once its "printed" message is in the outbox.
     */
    private void handOut(TicketInfo taken) {
        rateTicket = Destination.Rating.ofTicket(taken.number(), taken.queue(), forService.map(Service::id).orElse(""));
        Outbox outbox = setup.outbox().orElseThrow();
        Optional<TicketPrinter> printer = setup.printer();
        TicketView view = view(taken, printer.isPresent());
        if (printer.isEmpty()) {
            call = tasks.execute(() -> outbox.add(Draft.ticketPrinted(taken.code())), recorded -> show(view),
                    e -> notRecorded(taken, e));
            return;
        }
        MonoImage image;
        try {
            image = rendering.render(view, printer.get().dotsWide());
        } catch (RuntimeException e) {
            LOG.error("the ticket could not be laid out for printing", e);
            voidAndFail(taken, "layout_failed", messages.get("queue.printFailed"));
            return;
        }
        call = tasks.execute(() -> printRecorded(outbox, printer.get(), image, taken), printed -> show(view), e -> {
            if (e instanceof OutboxFailure) {
                notRecorded(taken, e);
                return;
            }
            PrinterState state = e instanceof PrintFailure failure ? failure.state() : PrinterState.UNKNOWN;
            fail(printFailedSentence(state));
        });
    }

    /**
     * Off the UI thread: the "printed" message goes to the disk, held, before the paper comes out; then it is
     * let go, or, if the print failed, replaced by a void. Killed in between, the kiosk sends it at its next start:
     * a ticket that may be in a hand is never lost (a phantom is only a no-show).
     */
    private static Boolean printRecorded(Outbox outbox, TicketPrinter printer, MonoImage image, TicketInfo taken)
            throws Exception {
        long held = outbox.hold(Draft.ticketPrinted(taken.code()));
        try {
            printer.print(image);
        } catch (Exception e) {
            PrinterState state = e instanceof PrintFailure failure ? failure.state() : PrinterState.UNKNOWN;
            LOG.warn("ticket {} not printed ({}): voided", taken.number(), e.getMessage());
            try {
                outbox.replace(held, Draft.ticketVoided(taken.code(), reason(state)));
            } catch (OutboxFailure stuck) {
                LOG.error("ticket {} was not printed, but its void could not be recorded ({}); it will be reported "
                        + "printed and end as a no-show", taken.number(), stuck.getMessage());
            }
            throw e;
        }
        try {
            outbox.release(held);
        } catch (OutboxFailure e) {
            LOG.error("ticket {} printed; its confirmation is on the disk but could not be let go ({}): it goes "
                    + "within {} minutes", taken.number(), e.getMessage(), Outbox.HOLD_LIMIT.toMinutes());
        }
        return Boolean.TRUE;
    }

    /** The outbox could not record the number, so it was not printed: the server is told at once if it can be. */
    private void notRecorded(TicketInfo taken, Throwable e) {
        LOG.error("ticket {} not given: the outbox cannot record it ({})", taken.number(), e.getMessage());
        fail(messages.get("queue.unavailable.noServer"));
        Queues queues = setup.queues().orElseThrow();
        tasks.execute(() -> queues.voided(taken.code(), "not_recorded"), v -> { },
                x -> LOG.warn("ticket {} could not be voided ({}); the server's sweep voids it", taken.number(),
                        x.toString()));
    }

    /** The ticket will not be in a hand: its void goes through the outbox, the citizen is told at once. */
    private void voidAndFail(TicketInfo taken, String reason, String sentence) {
        fail(sentence);
        Outbox outbox = setup.outbox().orElseThrow();
        tasks.execute(() -> outbox.add(Draft.ticketVoided(taken.code(), reason)), recorded -> { },
                e -> LOG.warn("ticket {}'s void could not be recorded ({}); the server's sweep voids it",
                        taken.number(), e.toString()));
    }

    private static String reason(PrinterState state) {
        return switch (state) {
            case PAPER_OUT -> "paper_out";
            case COVER_OPEN -> "cover_open";
            case OFFLINE -> "printer_offline";
            default -> "print_failed";
        };
    }

    private String printFailedSentence(PrinterState state) {
        return switch (state) {
            case PAPER_OUT -> messages.get("queue.printFailed.paperOut");
            case OFFLINE -> messages.get("queue.printFailed.offline");
            default -> messages.get("queue.printFailed");
        };
    }

    private void show(TicketView view) {
        ticket.set(view);
        step.set(Step.TICKET);
        goingHome = tasks.schedule(setup.ticketShownFor(), () -> null, nothing -> navigator.home(), e -> { });
    }

    private TicketView view(TicketInfo t, boolean onPaper) {
        String ahead = t.ahead() == 0 ? messages.get("queue.ahead.none") : messages.format("queue.ahead", t.ahead());
        String wait = t.estimatedWaitMinutes() == null ? messages.get("queue.wait.unknown")
                : messages.format("queue.wait.minutes", t.estimatedWaitMinutes());
        String takenAt;
        try {
            takenAt = OffsetDateTime.parse(t.issuedAt()).format(TIME);
        } catch (DateTimeParseException | NullPointerException e) {
            takenAt = "";
        }
        String path = t.statusPath() == null ? "" : t.statusPath().replaceFirst("^/+", "");
        String url = path.isEmpty() ? "" : setup.publicBase().resolve(path).toString();
        return new TicketView(setup.hallName(), t.number(), t.queueName(), ahead, wait, nullToEmpty(t.location()),
                takenAt, url, onPaper);
    }

    private void fail(String sentence) {
        call.cancel();
        message.set(sentence);
        step.set(Step.FAILED);
    }

    /** One plain sentence for each way the hall server can fail a citizen. */
    String sentenceFor(Throwable e) {
        if (e instanceof HallFailure.Refused refused) {
            String code = refused.code().orElse("");
            return switch (code) {
                case "closed" -> messages.get("queue.refused.closed");
                case "cap_reached" -> messages.get("queue.closed.cap");
                case "too_many" -> perMinute > 0 ? messages.format("queue.tooMany.perMinute", perMinute)
                        : messages.get("queue.tooMany");
                case "unauthorized" -> messages.get("queue.refused.unauthorized");
                case "unknown_queue" -> messages.get("queue.refused.unknownQueue");
                default -> messages.get("queue.refused");
            };
        }
        if (e instanceof HallFailure) {
            return messages.get("queue.unreachable");
        }
        LOG.error("taking a number failed", e);
        return messages.get("queue.unreachable");
    }

    /** Home, or away by the idle reset: nothing still to come may land on the next citizen's screen. */
    public void leave() {
        call.cancel();
        printerCheck.cancel();
        goingHome.cancel();
        ticket.set(null);
        chosen.set(null);
        rateTicket = null;
    }

    /** 评价本次服务, from the ticket: a rating about this ticket. */
    public void rate() {
        if (rateTicket != null && step.get() == Step.TICKET) {
            navigator.go(rateTicket);
        }
    }

    public void home() {
        navigator.home();
    }

    public String title() {
        return messages.get("queue.title");
    }

    public String text(String key) {
        return messages.get(key);
    }

    public String confirmQuestion() {
        QueueTile tile = chosen.get();
        return tile == null ? "" : messages.format("queue.confirm.question", tile.name());
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<QueueTile>> tilesProperty() {
        return tiles.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QueueTile> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** What 朗读 reads while a ticket is shown (its number one character at a time, as it is called); empty before. */
    public ObservableValue<String> spokenTextProperty() {
        return ticket.map(this::spoken).orElse("");
    }

    String spoken(TicketView t) {
        List<String> parts = new ArrayList<>();
        parts.add(messages.format("speech.ticket.number", String.join(" ", t.number().split(""))));
        parts.add(messages.format("queue.ticket.queue", t.queueName()));
        parts.add(t.aheadText());
        if (!t.waitText().equals(messages.get("queue.wait.unknown"))) {
            parts.add(t.waitText());
        }
        if (!t.location().isEmpty()) {
            parts.add(messages.format("queue.ticket.where", t.location()));
        }
        parts.add(messages.get("queue.ticket.footer"));
        return String.join("。", parts) + "。";
    }

    public ReadOnlyObjectProperty<TicketView> ticketProperty() {
        return ticket.getReadOnlyProperty();
    }

    /** The answer to the last tap, or why the screen cannot give numbers. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A standing warning above the tiles, e.g. the printer is out of paper. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
