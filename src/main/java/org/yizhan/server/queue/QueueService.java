package org.yizhan.server.queue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yizhan.queue.QueueBoard;
import org.yizhan.queue.QueueInfo;
import org.yizhan.queue.TicketInfo;
import org.yizhan.queue.TicketState;
import org.yizhan.queue.WindowInfo;
import org.yizhan.json.Json;
import org.yizhan.storage.Database;
import org.yizhan.storage.StoreLocation;

/**
 * The hall's queues: numbers taken, printed or voided, and moved on by the counters. Every change is one
 * short write transaction on {@code DATA/tickets.db}; the business date is the hall's local date from the
 * injected clock, so a Beijing hall's numbers start again at Beijing's midnight, not at 00:00 UTC.
 */
public final class QueueService {
    /** A number no kiosk said it printed within this time is voided: it never reached a citizen. */
    public static final Duration PRINT_TIMEOUT = Duration.ofMinutes(2);
    /**
     * How long a kiosk's request is remembered by its Idempotency-Key. An outbox may try longer; a repeat after that
     * is judged again, which for printed and void (repeatable by their state) changes nothing either.
     */
    static final Duration REQUESTS_KEPT = Duration.ofDays(7);
    /** The void reason the sweep gives. */
    static final String SWEPT = "not_printed";
    /** At most this many priority tickets are called in a row from a queue while regular ones wait. */
    static final int PRIORITY_IN_A_ROW = 2;
    private static final Pattern WINDOW = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final Pattern REASON = Pattern.compile("[a-z_]{1,32}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Database database;
    private final Database.Writer writes;
    private final HallQueues hall;
    private final Clock clock;
    private final QueueEvents events;
    private AutoCloseable otherServers = () -> { };

    QueueService(Database database, HallQueues hall, Clock clock) {
        this.database = database;
        this.writes = database.writer();
        this.hall = hall;
        this.clock = clock;
        this.events = new QueueEvents(database, this::businessDate, writes::commits);
    }

    /** The queues of {@code dataDir/queues.json} (the demo's, written there first, if absent) and its ticket store. */
    public static QueueService open(Path dataDir, Clock clock) throws IOException {
        return open(dataDir, clock, StoreLocation.sqlite(dataDir));
    }

    /**
     * The queues of {@code dataDir/queues.json} and the ticket store at {@code store}: {@code DATA/tickets.db}, or the
     * hall's namespace of a PostgreSQL database, where the events other servers write reach this one's streams too.
     */
    public static QueueService open(Path dataDir, Clock clock, StoreLocation store) throws IOException {
        HallQueues hall = QueuesFile.readOrCreate(dataDir);
        try {
            QueueService service = new QueueService(store.open(QueueSchema.FILE, QueueSchema.SCHEMA,
                    QueueSchema.POSTGRES, QueueSchema.PRAGMAS, true), hall, clock);
            service.otherServers = store.onOtherWrites(service.events::writtenElsewhere);
            return service;
        } catch (SQLException e) {
            throw new IOException("cannot open the ticket store " + store.describe(QueueSchema.FILE) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Closes the kept write connection and the event stream's reader (the other read ones close after each use). */
    public void close() {
        try {
            otherServers.close();
        } catch (Exception e) {
            // only forgets the action
        }
        writes.close();
        events.close();
    }

    public HallQueues hall() {
        return hall;
    }

    /** The day's events, for the event stream. */
    public QueueEvents events() {
        return events;
    }

    public LocalDate businessDate() {
        return LocalDate.ofInstant(clock.instant(), hall.timeZone());
    }

    // --- kiosks ---------------------------------------------------------------------------------------------

    public QueueBoard board() throws SQLException {
        Instant now = clock.instant();
        LocalDate date = businessDate();
        ZonedDateTime local = now.atZone(hall.timeZone());
        return database.inReadTransaction(c -> {
            Map<String, Integer> waiting = TicketStore.waitingByQueue(c, date);
            Map<String, Integer> counted = TicketStore.countedByQueue(c, date);
            List<CounterWindow> windows = WindowStore.all(c);
            List<QueueInfo> queues = new ArrayList<>();
            for (QueueDefinition q : hall.queues()) {
                String closed = closedReason(q, date, local, counted.getOrDefault(q.id(), 0));
                int people = waiting.getOrDefault(q.id(), 0);
                queues.add(new QueueInfo(q.id(), q.prefix(), q.name(), q.description(), q.priorityLane(),
                        closed == null, hoursToday(q, date), closed, people,
                        estimate(c, q.id(), people, windows, now), q.services(), q.location()));
            }
            return new QueueBoard(hall.hall(), date.toString(), hall.timeZone().getId(), hall.ticketsPerKioskPerMinute(),
                    queues);
        });
    }

    /** Takes a number: refused when the queue is closed, at its cap, or has no priority lane for a priority ticket. */
    public TicketInfo issue(String queueId, boolean priority, String kiosk) throws SQLException {
        QueueDefinition queue = hall.queue(queueId).orElseThrow(() -> QueueRefusal.notFound("unknown_queue",
                "no queue \"" + queueId + "\" in this hall"));
        if (priority && !queue.priorityLane()) {
            throw QueueRefusal.conflict("no_priority_lane", queue.name() + " has no priority lane");
        }
        Instant now = clock.instant();
        LocalDate date = LocalDate.ofInstant(now, hall.timeZone());
        String closed = closedReason(queue, date, now.atZone(hall.timeZone()), 0);
        if (closed != null) {
            throw QueueRefusal.conflict("closed", queue.name() + " takes no numbers now ("
                    + closedWords(closed) + "); today's hours: " + or(hoursToday(queue, date), "closed all day"));
        }
        return write(c -> {
            voidUnprinted(c, now.minus(PRINT_TIMEOUT), now);
            TicketStore.Numbering numbering = TicketStore.numbering(c, date, queue.id());
            if (numbering.counted() >= queue.dailyCap()) {
                throw QueueRefusal.conflict("cap_reached", queue.name() + " has given out all " + queue.dailyCap()
                        + " numbers for today");
            }
            int seq = numbering.next();
            Ticket ticket = TicketStore.insert(c, Ticket.issued(TicketCodes.next(), date, queue, seq, priority,
                    kiosk == null ? "" : kiosk, now));
            event(c, now, "ticket.issued", ticket, null);
            return info(c, ticket, now);
        });
    }

    /** The kiosk printed it: from now on it waits in its line. Saying so twice is fine. */
    public TicketInfo printed(String code) throws SQLException {
        return printed(code, null);
    }

    /**
     * The kiosk printed it: from now on it waits in its line. Saying so twice is fine. A number the sweep voided
     * because no kiosk said so in time goes back into its line, in its place, when its kiosk says so the same
     * business day: the paper is in a citizen's hand. {@code key}, when not null, is the kiosk's idempotency key:
     * the same key again answers what the first was answered and changes nothing.
     */
    public TicketInfo printed(String code, String key) throws SQLException {
        Instant now = clock.instant();
        return once(key, "printed " + code, TicketInfo.class, c -> {
            Ticket ticket = byCode(c, code);
            if (ticket.state() == TicketState.ISSUED) {
                ticket = ticket.printed(now);
                TicketStore.update(c, ticket);
                event(c, now, "ticket.printed", ticket, null);
            } else if (ticket.state() == TicketState.VOIDED && SWEPT.equals(ticket.voidReason())) {
                if (!ticket.businessDate().equals(LocalDate.ofInstant(now, hall.timeZone()))) {
                    throw QueueRefusal.conflict("past_day", ticket.number() + " of " + ticket.businessDate()
                            + " was voided because no kiosk said it was printed that day; it cannot come back on "
                            + "another day");
                }
                ticket = ticket.restored(now);
                TicketStore.update(c, ticket);
                event(c, now, "ticket.printed", ticket, null, e -> e.put("late", true));
            } else if (ticket.state() == TicketState.VOIDED) {
                throw QueueRefusal.conflict("wrong_state", ticket.number() + " was voided ("
                        + ticket.voidReason() + "); it cannot be printed now, take a new number");
            } else if (ticket.printedAt() == null) {
                throw wrongState(ticket, "printed");
            }
            return info(c, ticket, now);
        });
    }

    /** Printing failed: the number is voided, counted nowhere and never called. Saying so twice is fine. */
    public TicketInfo voidTicket(String code, String reason) throws SQLException {
        return voidTicket(code, reason, null);
    }

    /** As {@link #voidTicket(String, String)}; {@code key} as for {@link #printed(String, String)}. */
    public TicketInfo voidTicket(String code, String reason, String key) throws SQLException {
        if (!REASON.matcher(reason).matches()) {
            throw new QueueRefusal(400, "bad_request", "reason must be 1 to 32 of a-z and _, e.g. paper_out");
        }
        Instant now = clock.instant();
        return once(key, "void " + code, TicketInfo.class, c -> {
            Ticket ticket = byCode(c, code);
            if (ticket.state() == TicketState.ISSUED) {
                ticket = ticket.voided(reason);
                TicketStore.update(c, ticket);
                event(c, now, "ticket.voided", ticket, null, e -> e.put("reason", reason));
            } else if (ticket.state() != TicketState.VOIDED) {
                throw wrongState(ticket, "voided");
            }
            return info(c, ticket, now);
        });
    }

    /**
     * A kiosk's change, once: with {@code key} it is recorded with its answer in its own transaction, and the
     * same key again is answered from the record without running {@code change}. A refusal records nothing (it
     * changed nothing), so a repeat is judged again.
     */
    private <T> T once(String key, String route, Class<T> type, Database.Work<T> change) throws SQLException {
        if (key == null) {
            return write(change);
        }
        return write(c -> {
            Optional<RequestStore.Recorded> recorded = RequestStore.find(c, key);
            if (recorded.isPresent()) {
                if (!recorded.get().route().equals(route)) {
                    throw new QueueRefusal(422, "key_reused", "this Idempotency-Key was sent before with another "
                            + "request; give each action its own key");
                }
                return readAnswer(recorded.get().answer(), type);
            }
            T answer = change.run(c);
            RequestStore.record(c, key, route, writeAnswer(answer), clock.instant());
            return answer;
        });
    }

    private static String writeAnswer(Object answer) throws SQLException {
        try {
            return Json.mapper().writeValueAsString(answer);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("a ticket cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T readAnswer(String json, Class<T> type) throws SQLException {
        try {
            return Json.mapper().readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("a recorded answer is not a ticket: " + e.getOriginalMessage(), e);
        }
    }

    public TicketInfo ticket(String code) throws SQLException {
        Instant now = clock.instant();
        return database.inReadTransaction(c -> info(c, byCode(c, code), now));
    }

    /** Voids the numbers no kiosk confirmed within {@link #PRINT_TIMEOUT}; returns how many. */
    public int sweep() throws SQLException {
        Instant now = clock.instant();
        LocalDate today = businessDate();
        return write(c -> {
            EventStore.purgeBefore(c, today);
            RequestStore.purgeBefore(c, now.minus(REQUESTS_KEPT));
            return voidUnprinted(c, now.minus(PRINT_TIMEOUT), now);
        });
    }

    // --- counters -------------------------------------------------------------------------------------------

    public List<WindowInfo> windows() throws SQLException {
        return database.inReadTransaction(this::windows);
    }

    private List<WindowInfo> windows(Connection c) throws SQLException {
        List<WindowInfo> list = new ArrayList<>();
        for (CounterWindow w : WindowStore.all(c)) {
            Optional<Ticket> at = TicketStore.atWindow(c, w.id());
            list.add(new WindowInfo(w.id(), w.queues(), time(w.signedInAt()), at.map(Ticket::number).orElse(null),
                    at.map(Ticket::state).orElse(null), w.paused()));
        }
        return list;
    }

    public WindowInfo signIn(String window, List<String> queues) throws SQLException {
        return write(signInWork(window, queues));
    }

    private Database.Work<WindowInfo> signInWork(String window, List<String> queues) {
        checkWindow(window);
        if (queues == null || queues.isEmpty()) {
            throw new QueueRefusal(400, "bad_request", "name the queues this window serves, e.g. {\"queues\":[\""
                    + hall.queues().get(0).id() + "\"]}");
        }
        for (String q : queues) {
            if (q == null || hall.queue(q).isEmpty()) {
                throw QueueRefusal.notFound("unknown_queue", "no queue \"" + q + "\" in this hall");
            }
        }
        if (new HashSet<>(queues).size() != queues.size()) {
            throw new QueueRefusal(400, "bad_request", "a queue is named twice");
        }
        return c -> {
            Instant now = clock.instant();
            WindowStore.signIn(c, new CounterWindow(window, queues, now));
            event(c, now, "window.signed_in", null, window, e -> queues.forEach(e.putArray("queues")::add));
            return windows(c).stream().filter(w -> w.window().equals(window)).findFirst().orElseThrow();
        };
    }

    public void signOut(String window) throws SQLException {
        checkWindow(window);
        write(c -> {
            Optional<Ticket> at = TicketStore.atWindow(c, window);
            if (at.isPresent()) {
                throw QueueRefusal.conflict("window_busy", "window " + window + " still has " + at.get().number()
                        + " (" + at.get().state().wire() + "); finish it first (done, no-show or transfer)");
            }
            if (!WindowStore.signOut(c, window)) {
                throw QueueRefusal.conflict("not_signed_in", "window " + window + " is not signed in");
            }
            event(c, clock.instant(), "window.signed_out", null, window);
            return null;
        });
    }

    /**
     * Calls the next citizen to {@code window}, or empty when nobody waits in its queues. Each queue offers its
     * candidate: the first priority ticket, unless its last {@link #PRIORITY_IN_A_ROW} calls were all priority
     * tickets and a regular one waits, then the first regular one. Among the candidates a priority one goes
     * first, then the one issued first. A paused window calls no one.
     */
    public Optional<TicketInfo> callNext(String window) throws SQLException {
        return Optional.ofNullable(write(callNextWork(window)));
    }

    private Database.Work<TicketInfo> callNextWork(String window) {
        return c -> {
            Instant now = clock.instant();
            LocalDate date = LocalDate.ofInstant(now, hall.timeZone());
            CounterWindow w = signedIn(c, window);
            if (w.paused()) {
                throw QueueRefusal.conflict("paused", "window " + window + " is paused; resume it first");
            }
            Optional<Ticket> busy = TicketStore.atWindow(c, window);
            if (busy.isPresent()) {
                throw QueueRefusal.conflict("window_busy", "window " + window + " still has " + busy.get().number()
                        + " (" + busy.get().state().wire() + "); say done, no-show or transfer first");
            }
            Ticket best = null;
            for (String q : w.queues()) {
                Optional<Ticket> candidate = candidate(c, date, q);
                if (candidate.isPresent() && (best == null || before(candidate.get(), best))) {
                    best = candidate.get();
                }
            }
            if (best == null) {
                return null;
            }
            Ticket called = best.called(window, now, TicketStore.lastCallSeq(c) + 1);
            TicketStore.update(c, called);
            event(c, now, "ticket.called", called, window);
            return info(c, called, now);
        };
    }

    /** Calls the window's ticket again (the citizen did not come yet). */
    public TicketInfo recall(String window) throws SQLException {
        return write(moveWork(window, "recall"));
    }

    /** The citizen is at the window: serving begins. */
    public TicketInfo start(String window) throws SQLException {
        return write(moveWork(window, "start"));
    }

    public TicketInfo done(String window) throws SQLException {
        return write(moveWork(window, "done"));
    }

    /** Called and never came. */
    public TicketInfo noShow(String window) throws SQLException {
        return write(moveWork(window, "no-show"));
    }

    /**
     * Sends the window's ticket to another queue's line. It keeps its number and code, and takes its place in
     * the new line by the time it was first issued, so a citizen sent on does not start again at the back.
     */
    public TicketInfo transfer(String window, String queueId) throws SQLException {
        return write(transferWork(window, queueId));
    }

    /** The window stops being called to (暂停, a break) or starts again (恢复); saying so twice is fine. */
    public WindowInfo pause(String window, boolean paused) throws SQLException {
        return write(pauseWork(window, paused));
    }

    /**
     * What the counter page shows of its window: whether it is signed in, for which queues, paused, its ticket
     * and since when (called, or serving), and how many wait in each queue of the hall.
     */
    public record CounterView(String window, boolean signedIn, List<String> serving, boolean paused, TicketInfo ticket,
                              String since, List<QueueCount> queues) {
    }

    /** A queue as the counter page lists it. */
    public record QueueCount(String id, String name, int waiting) {
    }

    public CounterView counterView(String window) throws SQLException {
        checkWindow(window);
        Instant now = clock.instant();
        LocalDate date = businessDate();
        return database.inReadTransaction(c -> {
            Optional<CounterWindow> w = WindowStore.find(c, window);
            Optional<Ticket> at = TicketStore.atWindow(c, window);
            List<QueueCount> counts = queueCounts(c, date);
            TicketInfo ticket = at.isPresent() ? info(c, at.get(), now) : null;
            String since = at.map(t -> time(t.state() == TicketState.SERVING ? t.startedAt() : t.calledAt())).orElse(null);
            return new CounterView(window, w.isPresent(), w.map(CounterWindow::queues).orElse(List.of()),
                    w.map(CounterWindow::paused).orElse(false), ticket, since, counts);
        });
    }

    /** How many wait in each queue of the hall now, in the hall's order. */
    public List<QueueCount> queueCounts() throws SQLException {
        LocalDate date = businessDate();
        return database.inReadTransaction(c -> queueCounts(c, date));
    }

    private List<QueueCount> queueCounts(Connection c, LocalDate date) throws SQLException {
        Map<String, Integer> waiting = TicketStore.waitingByQueue(c, date);
        return hall.queues().stream().map(q -> new QueueCount(q.id(), q.name(), waiting.getOrDefault(q.id(), 0)))
                .toList();
    }

    /** A call as the calling display shows it: the number, the window, the queue, when, and how often recalled. */
    public record Call(String number, String window, String queue, String queueName, String calledAt, int recalls,
                       TicketState state) {
    }

    /** The latest {@code limit} calls of today, the newest first. */
    public List<Call> recentCalls(int limit) throws SQLException {
        LocalDate date = businessDate();
        return database.inReadTransaction(c -> TicketStore.recentCalls(c, date, limit).stream()
                .map(t -> new Call(t.number(), t.window(), t.lineQueue(),
                        hall.queue(t.lineQueue()).map(QueueDefinition::name).orElse(t.lineQueue()), time(t.calledAt()),
                        t.recalls(), t.state()))
                .toList());
    }

    /** What a counter's action answers on its page: the window, whether it is paused, its ticket (or null). */
    public record CounterAnswer(String window, boolean paused, TicketInfo ticket) {
    }

    /**
     * A counter page's action, once per {@code key} (docs/counter.md): {@code call-next}, {@code recall},
     * {@code start}, {@code done}, {@code no-show}, {@code transfer} (to {@code argument}), {@code pause},
     * {@code resume}, or {@code queues} (signs in for {@code queues}). The same key again is answered as it was
     * and changes nothing, so a click whose answer was lost can be sent again.
     */
    public CounterAnswer counterAction(String window, String action, String argument, List<String> queues, String key)
            throws SQLException {
        checkWindow(window);
        Database.Work<CounterAnswer> work = switch (action) {
            case "call-next" -> c -> answer(c, window, callNextWork(window).run(c));
            case "recall", "start", "done", "no-show" -> c -> answer(c, window, moveWork(window, action).run(c));
            case "transfer" -> c -> answer(c, window, transferWork(window, argument).run(c));
            case "pause", "resume" -> c -> {
                pauseWork(window, action.equals("pause")).run(c);
                return answer(c, window, null);
            };
            case "queues" -> {
                Database.Work<WindowInfo> signIn = signInWork(window, queues);
                yield c -> {
                    signIn.run(c);
                    return answer(c, window, null);
                };
            }
            default -> throw QueueRefusal.notFound("not_found", "a counter can call-next, recall, start, done, "
                    + "no-show, transfer, pause, resume or choose its queues");
        };
        return once(key, "counter " + window + " " + action + (argument == null ? "" : " " + argument), CounterAnswer.class,
                work);
    }

    private CounterAnswer answer(Connection c, String window, TicketInfo ticket) throws SQLException {
        boolean paused = WindowStore.find(c, window).map(CounterWindow::paused).orElse(false);
        return new CounterAnswer(window, paused, ticket);
    }

    /** The day's figures per queue and per window (docs/counter.md, "The day's report"). */
    public DayReport report(LocalDate date, WindowsFile.HallWindows windows) throws SQLException {
        return DayReport.of(date, hall, windows, ticketsOf(date));
    }

    /** Every ticket of a day, by queue and number: for checks and benchmarks. */
    public List<Ticket> ticketsOf(LocalDate date) throws SQLException {
        return database.inReadTransaction(c -> TicketStore.ofDay(c, date));
    }

    // --- inside ---------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Move {
        Ticket apply(Connection c, Ticket current, Instant now) throws SQLException;
    }

    private Database.Work<TicketInfo> moveWork(String window, String action) {
        return switch (action) {
            case "recall" -> atWindow(window, "ticket.recalled", (c, t, now) -> {
                if (t.state() != TicketState.CALLED) {
                    throw wrongState(t, "called again");
                }
                return t.recalled();
            });
            case "start" -> atWindow(window, "ticket.started", (c, t, now) -> {
                if (t.state() != TicketState.CALLED) {
                    throw wrongState(t, "started");
                }
                return t.started(now);
            });
            case "done" -> atWindow(window, "ticket.done", (c, t, now) -> t.finished(TicketState.DONE, now));
            case "no-show" -> atWindow(window, "ticket.no_show", (c, t, now) -> {
                if (t.state() != TicketState.CALLED) {
                    throw wrongState(t, "marked no-show");
                }
                return t.finished(TicketState.NO_SHOW, now);
            });
            default -> throw new IllegalArgumentException(action);
        };
    }

    private Database.Work<TicketInfo> transferWork(String window, String queueId) {
        if (queueId == null || queueId.isBlank()) {
            throw new QueueRefusal(400, "bad_request", "name the queue to transfer to, e.g. {\"queue\":\"zonghe\"}");
        }
        QueueDefinition to = hall.queue(queueId).orElseThrow(() -> QueueRefusal.notFound("unknown_queue",
                "no queue \"" + queueId + "\" in this hall"));
        return atWindow(window, "ticket.transferred", (c, t, now) -> {
            if (t.lineQueue().equals(to.id())) {
                throw QueueRefusal.conflict("same_queue", t.number() + " already waits in " + to.name());
            }
            return t.transferred(to.id());
        });
    }

    private Database.Work<WindowInfo> pauseWork(String window, boolean paused) {
        checkWindow(window);
        return c -> {
            Instant now = clock.instant();
            CounterWindow w = signedIn(c, window);
            if (w.paused() != paused) {
                WindowStore.pause(c, window, paused ? now : null);
                event(c, now, paused ? "window.paused" : "window.resumed", null, window);
            }
            return windows(c).stream().filter(x -> x.window().equals(window)).findFirst().orElseThrow();
        };
    }

    private Database.Work<TicketInfo> atWindow(String window, String eventType, Move move) {
        return c -> {
            Instant now = clock.instant();
            signedIn(c, window);
            Ticket current = TicketStore.atWindow(c, window).orElseThrow(() -> QueueRefusal.conflict("no_ticket",
                    "window " + window + " has called no one; call-next first"));
            Ticket moved = move.apply(c, current, now);
            TicketStore.update(c, moved);
            event(c, now, eventType, moved, window, e -> {
                if (!moved.lineQueue().equals(current.lineQueue())) {
                    e.put("from", current.lineQueue());
                }
            });
            return info(c, moved, now);
        };
    }

    private int voidUnprinted(Connection c, Instant before, Instant now) throws SQLException {
        List<Ticket> voided = TicketStore.voidUnprinted(c, before);
        for (Ticket ticket : voided) {
            event(c, now, "ticket.voided", ticket, null, e -> e.put("reason", SWEPT));
        }
        return voided.size();
    }

    private void event(Connection c, Instant at, String type, Ticket ticket, String window) throws SQLException {
        event(c, at, type, ticket, window, e -> {
        });
    }

    /**
     * Appends a public event in the change's own transaction: the ticket's number, its line and window, never
     * its code (which opens its page) nor anything about the citizen; {@code more} adds the event's own members.
     */
    private void event(Connection c, Instant at, String type, Ticket ticket, String window, Consumer<ObjectNode> more)
            throws SQLException {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("type", type);
        event.put("at", time(at));
        if (ticket != null) {
            event.put("queue", ticket.lineQueue());
            event.put("number", ticket.number());
            event.put("priority", ticket.priority());
        }
        if (window != null) {
            event.put("window", window);
        }
        more.accept(event);
        EventStore.append(c, LocalDate.ofInstant(at, hall.timeZone()), event.toString());
    }

    private Optional<Ticket> candidate(Connection c, LocalDate date, String queueId) throws SQLException {
        boolean lane = hall.queue(queueId).map(QueueDefinition::priorityLane).orElse(false);
        Optional<Ticket> regular = TicketStore.firstWaiting(c, date, queueId, false);
        Optional<Ticket> priority = TicketStore.firstWaiting(c, date, queueId, true);
        if (!lane) {
            // No lane: one line in the order of issue, a ticket transferred in with a priority flag included.
            return regular.isEmpty() ? priority : priority.isEmpty() || regular.get().id() < priority.get().id()
                    ? regular : priority;
        }
        if (priority.isPresent() && regular.isPresent()) {
            List<Boolean> last = TicketStore.lastCalls(c, date, queueId, PRIORITY_IN_A_ROW);
            boolean enough = last.size() == PRIORITY_IN_A_ROW && !last.contains(false);
            return enough ? regular : priority;
        }
        return priority.isPresent() ? priority : regular;
    }

    private boolean before(Ticket a, Ticket b) {
        boolean aFirst = a.priority() && lane(a);
        boolean bFirst = b.priority() && lane(b);
        return aFirst != bFirst ? aFirst : a.id() < b.id();
    }

    private boolean lane(Ticket t) {
        return hall.queue(t.lineQueue()).map(QueueDefinition::priorityLane).orElse(false);
    }

    private CounterWindow signedIn(Connection c, String window) throws SQLException {
        checkWindow(window);
        return WindowStore.find(c, window).orElseThrow(() -> QueueRefusal.conflict("not_signed_in",
                "window " + window + " is not signed in; sign-in first with the queues it serves"));
    }

    private static void checkWindow(String window) {
        if (window == null || !WINDOW.matcher(window).matches()) {
            throw QueueRefusal.notFound("not_found", "a window is named by 1 to 16 of A-Z a-z 0-9 _ -");
        }
    }

    private static Ticket byCode(Connection c, String code) throws SQLException {
        Optional<Ticket> ticket = code != null && TicketCodes.FORM.matcher(code).matches()
                ? TicketStore.byCode(c, code) : Optional.empty();
        return ticket.orElseThrow(() -> QueueRefusal.notFound("not_found", "no such ticket"));
    }

    private static QueueRefusal wrongState(Ticket t, String asked) {
        return QueueRefusal.conflict("wrong_state", t.number() + " is " + t.state().wire() + " and cannot be " + asked);
    }

    /** One writer at a time, on one kept connection: SQLite's busy handler would make writers sleep and poll. */
    private <T> T write(Database.Work<T> work) throws SQLException {
        try {
            return writes.inTransaction(work);
        } finally {
            // After the commit (or a rollback): the stream sends what is now on disk, whoever's batch it was in.
            events.changed(writes.commits());
        }
    }

    private TicketInfo info(Connection c, Ticket t, Instant now) throws SQLException {
        Optional<QueueDefinition> line = hall.queue(t.lineQueue());
        boolean waiting = t.state().waiting() && t.businessDate().equals(LocalDate.ofInstant(now, hall.timeZone()));
        int ahead = 0;
        Integer minutes = null;
        if (waiting || t.state() == TicketState.ISSUED) {
            ahead = lane(t) ? TicketStore.ahead(c, t) : TicketStore.ahead(c, withoutPriority(t));
            minutes = estimate(c, t.lineQueue(), ahead, WindowStore.all(c), now);
        }
        return new TicketInfo(t.code(), t.number(), t.lineQueue(), line.map(QueueDefinition::name).orElse(t.lineQueue()),
                t.priority(), t.state(), time(t.issuedAt()), t.businessDate().toString(), ahead, minutes,
                line.map(QueueDefinition::location).orElse(""), t.window(), "/t/" + t.code());
    }

    /** In a queue without a lane every ticket lines up in the order of issue. */
    private static Ticket withoutPriority(Ticket t) {
        return new Ticket(t.id(), t.code(), t.businessDate(), t.queue(), t.seq(), t.number(), false, t.state(),
                t.lineQueue(), t.window(), t.kiosk(), t.issuedAt(), t.printedAt(), t.calledAt(), t.startedAt(),
                t.finishedAt(), t.callSeq(), t.recalls(), t.voidReason());
    }

    private Integer estimate(Connection c, String queueId, int ahead, List<CounterWindow> windows, Instant now)
            throws SQLException {
        int open = (int) windows.stream().filter(w -> !w.paused() && w.queues().contains(queueId)).count();
        if (open == 0) {
            return null;
        }
        return WaitEstimate.minutes(ahead, TicketStore.recentServiceMillis(c, queueId,
                now.minus(WaitEstimate.HISTORY), WaitEstimate.SAMPLE), open);
    }

    private String closedReason(QueueDefinition q, LocalDate date, ZonedDateTime local, int counted) {
        if (hall.closedDates().contains(date)) {
            return QueueInfo.CLOSED_TODAY;
        }
        String reason = switch (q.hours().standing(date.getDayOfWeek(), local.toLocalTime())) {
            case OPEN -> null;
            case NOT_OPEN_YET -> QueueInfo.NOT_OPEN_YET;
            case CLOSED_FOR_TODAY -> QueueInfo.CLOSED_FOR_TODAY;
            case CLOSED_TODAY -> QueueInfo.CLOSED_TODAY;
        };
        if (reason == null && counted >= q.dailyCap()) {
            return QueueInfo.CAP_REACHED;
        }
        return reason;
    }

    private String hoursToday(QueueDefinition q, LocalDate date) {
        return hall.closedDates().contains(date) ? "" : q.hours().text(date.getDayOfWeek());
    }

    private static String closedWords(String reason) {
        return switch (reason) {
            case QueueInfo.NOT_OPEN_YET -> "not open yet";
            case QueueInfo.CLOSED_FOR_TODAY -> "closed for today";
            default -> "closed today";
        };
    }

    private static String or(String text, String otherwise) {
        return text.isEmpty() ? otherwise : text;
    }

    private String time(Instant at) {
        return at == null ? null : TIME.format(at.atZone(hall.timeZone()));
    }
}
