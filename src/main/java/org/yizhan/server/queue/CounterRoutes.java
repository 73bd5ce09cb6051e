package org.yizhan.server.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.yizhan.server.ErrorAnswer;
import org.yizhan.server.Exchange;
import org.yizhan.server.JsonBody;
import org.yizhan.server.Responses;
import org.yizhan.server.Routes;
import org.yizhan.server.WebPages;

/**
 * The counter page (窗口叫号) and the calling display (叫号屏), docs/counter.md: their files, the clerk's sign-in
 * with the window's PIN (a session cookie until the end of the business day), the window's state and its
 * actions (each once per Idempotency-Key), and what the display shows.
 */
public final class CounterRoutes {
    static final String COOKIE = "yizhan_counter";
    private static final int BODY_CAP = 4096;
    private static final int CALLS_SHOWN = 8;
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16,64}");

    record SignIn(String window, String pin) {
    }

    record Action(String queue, List<String> queues) {
    }

    /** A window as the sign-in list and the display name it. */
    record WindowName(String id, String name) {
    }

    record WindowsAnswer(String hall, List<WindowName> windows) {
    }

    record SignedIn(String window, String name) {
    }

    record CounterState(String hall, String name, QueueService.CounterView view) {
    }

    record DisplayState(String hall, String businessDate, List<QueueService.QueueCount> queues,
                        List<QueueService.Call> calls, List<WindowName> windows) {
    }

    private final QueueService queues;
    private final WindowsFile.HallWindows windows;
    private final CounterSessions sessions;
    private final PinLimits limits;
    private final Clock clock;

    public CounterRoutes(QueueService queues, WindowsFile.HallWindows windows, Clock clock) {
        this.queues = queues;
        this.windows = windows;
        this.clock = clock;
        this.sessions = new CounterSessions(clock, queues.hall().timeZone());
        this.limits = new PinLimits(clock);
    }

    public Routes addTo(Routes routes) {
        return routes
                .get("/counter", WebPages.file("counter.html"))
                .get("/counter/counter.js", WebPages.file("counter.js"))
                .get("/counter/counter.css", WebPages.file("counter.css"))
                .get("/counter/windows", exchange -> Responses.json(exchange, 200,
                        new WindowsAnswer(queues.hall().hall(), names())))
                .post("/counter/sign-in", BODY_CAP, this::signIn)
                .post("/counter/sign-out", BODY_CAP, this::signOut)
                .get("/counter/state", this::state)
                .post("/counter/action/*", BODY_CAP, this::action)
                .get("/web/noto-sans-sc.otf", WebPages.font("NotoSansCJKsc-Regular-subset.otf"))
                .get("/web/noto-sans-sc-bold.otf", WebPages.font("NotoSansCJKsc-Bold-subset.otf"))
                .get("/report", this::report)
                .get("/display", WebPages.file("display.html"))
                .get("/display/display.js", WebPages.file("display.js"))
                .get("/display/display.css", WebPages.file("display.css"))
                .get("/display/state", exchange -> Responses.json(exchange, 200, new DisplayState(queues.hall().hall(),
                        queues.businessDate().toString(), QueueRoutes.call(queues::queueCounts),
                        QueueRoutes.call(() -> queues.recentCalls(CALLS_SHOWN)), names())));
    }

    /** GET /report?date=YYYY-MM-DD (today when left out), as a page, or JSON for Accept: application/json. */
    private void report(Exchange exchange) {
        String asked = exchange.query("date");
        java.time.LocalDate date;
        try {
            date = asked == null || asked.isBlank() ? queues.businessDate() : java.time.LocalDate.parse(asked);
        } catch (java.time.format.DateTimeParseException e) {
            throw ErrorAnswer.badRequest("date must be like 2026-11-30");
        }
        DayReport report = QueueRoutes.call(() -> queues.report(date, windows));
        String accept = exchange.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            Responses.json(exchange, 200, report);
        } else {
            Responses.html(exchange, 200, ReportPage.of(report));
        }
    }

    private List<WindowName> names() {
        return windows.windows().stream().map(w -> new WindowName(w.id(), w.name())).toList();
    }

    private void signIn(Exchange exchange) {
        fromThePage(exchange);
        SignIn body = JsonBody.read(exchange, SignIn.class, BODY_CAP);
        String window = body.window() == null ? "" : body.window().strip();
        String address = String.valueOf(exchange.clientAddress());
        Optional<Duration> wait = limits.attempt(window, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
            exchange.setHeader("Retry-After", String.valueOf(seconds));
            throw new ErrorAnswer(429, "too_many_tries", "too many wrong PINs; try again in " + seconds + " s")
                    .asOutcome();
        }
        Optional<WindowsFile.Window> known = windows.window(window);
        boolean right = known.isPresent() ? known.get().pin().matches(body.pin())
                : spend(body.pin()); // an unknown window costs what a wrong PIN costs
        if (!right) {
            throw new ErrorAnswer(401, "wrong_pin", windows.windows().isEmpty()
                    ? "no window may sign in here yet: the hall's technician sets them up in DATA/windows.json "
                            + "(docs/counter.md)"
                    : "the window or its PIN is not right").asOutcome();
        }
        limits.succeeded(window, address);
        String token = sessions.open(window);
        long seconds = Duration.between(clock.instant(), sessions.endOfDay(clock.instant())).toSeconds();
        exchange.setHeader("Set-Cookie", COOKIE + "=" + token + "; Path=" + exchange.base()
                + "/counter; Max-Age=" + seconds
                + "; HttpOnly; SameSite=Strict" + (exchange.secure() ? "; Secure" : ""));
        Responses.json(exchange, 200, new SignedIn(window, known.get().name()));
    }

    private static final org.yizhan.config.PinHash DUMMY = org.yizhan.config.PinHash.of("000000");

    private static boolean spend(String pin) {
        DUMMY.matches(pin == null ? "" : pin);
        return false;
    }

    private void signOut(Exchange exchange) {
        fromThePage(exchange);
        String token = token(exchange);
        Optional<CounterSessions.Session> session = sessions.find(token);
        if (session.isPresent()) {
            try {
                QueueRoutes.call(() -> {
                    queues.signOut(session.get().window());
                    return null;
                });
            } catch (ErrorAnswer e) {
                if (e.code().equals("window_busy")) {
                    throw e; // its ticket first: a clerk who leaves must not strand a citizen at the window
                }
            }
        }
        sessions.close(token);
        exchange.setHeader("Set-Cookie", COOKIE + "=; Path=" + exchange.base() + "/counter; Max-Age=0; HttpOnly; SameSite=Strict");
        Responses.noContent(exchange);
    }

    private void state(Exchange exchange) {
        CounterSessions.Session session = session(exchange);
        String name = windows.window(session.window()).map(WindowsFile.Window::name).orElse(session.window());
        Responses.json(exchange, 200, new CounterState(queues.hall().hall(), name,
                QueueRoutes.call(() -> queues.counterView(session.window()))));
    }

    /** POST /counter/action/{call-next|recall|start|done|no-show|transfer|pause|resume|queues}. */
    private void action(Exchange exchange) {
        fromThePage(exchange);
        CounterSessions.Session session = session(exchange);
        String action = exchange.path().substring("/counter/action/".length());
        String key = exchange.header("Idempotency-Key");
        if (key == null || !KEY.matcher(key).matches()) {
            throw ErrorAnswer.badRequest("each action names itself with an Idempotency-Key of 16 to 64 of "
                    + "A-Z a-z 0-9 _ -, so that sending it again after a lost answer does it once");
        }
        Action body = exchange.body().length == 0 ? new Action(null, null)
                : JsonBody.read(exchange, Action.class, BODY_CAP);
        Responses.json(exchange, 200, QueueRoutes.call(() -> queues.counterAction(session.window(), action, body.queue(),
                body.queues(), key)));
    }

    /**
     * The page's own requests only: a session cookie is SameSite=Strict, and on top of it every write carries
     * the page's header and, when the browser says where it comes from, this server's origin.
     */
    private static void fromThePage(Exchange exchange) {
        String origin = exchange.header("Origin");
        String host = exchange.header("Host");
        boolean sameOrigin = origin == null || host != null
                && (origin.equals("http://" + host) || origin.equals("https://" + host));
        if (!"1".equals(exchange.header("X-Yizhan-Counter")) || !sameOrigin) {
            throw new ErrorAnswer(403, "forbidden", "only the counter page of this server may do that");
        }
    }

    private CounterSessions.Session session(Exchange exchange) {
        return sessions.find(token(exchange)).orElseThrow(() -> new ErrorAnswer(401, "signed_out",
                "sign in with the window and its PIN").asOutcome());
    }

    private static String token(Exchange exchange) {
        String cookies = exchange.header("Cookie");
        if (cookies == null) {
            return null;
        }
        for (String cookie : cookies.split(";")) {
            String c = cookie.strip();
            if (c.startsWith(COOKIE + "=")) {
                return c.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }
}
