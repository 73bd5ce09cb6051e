package org.yizhan.server.queue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.yizhan.queue.TicketInfo;
import org.yizhan.queue.TicketRequest;
import org.yizhan.server.ErrorAnswer;
import org.yizhan.server.Exchange;
import org.yizhan.server.StoreCalls;
import org.yizhan.server.JsonBody;
import org.yizhan.server.Responses;
import org.yizhan.server.Routes;

/**
 * The queue's endpoints (docs/protocol.md, "Queue tickets"): public reads (the board, a ticket by its code,
 * its page, the windows), and writes for kiosks and counters that prove themselves with the hall secret.
 */
public final class QueueRoutes {
    private static final int BODY_CAP = 4096;
    private static final java.util.regex.Pattern IDEMPOTENCY_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16,64}");

    record SignIn(List<String> queues) {
    }

    record Transfer(String queue) {
    }

    record VoidRequest(String reason) {
    }

    private final QueueService queues;
    private final HallSecret secret;
    private final KioskLimit limit;
    private final String pagePrefix;

    public QueueRoutes(QueueService queues, HallSecret secret, Clock clock) {
        this(queues, secret, clock, "");
    }

    /**
     * @param pagePrefix where the hall's pages are on this server, "" or {@code /halls/<id>}: the phone that opens a
     *                   ticket's QR sends no hall header, so its path names the hall
     */
    public QueueRoutes(QueueService queues, HallSecret secret, Clock clock, String pagePrefix) {
        this.queues = queues;
        this.secret = secret;
        this.pagePrefix = pagePrefix;
        // The hall's rule (queues.json); kiosks read it from the board rather than keep a number of their own.
        this.limit = new KioskLimit(queues.hall().ticketsPerKioskPerMinute(), clock);
    }

    /** Adds every queue endpoint to {@code routes}. */
    public Routes addTo(Routes routes) {
        return routes
                .get("/queue/queues", exchange -> Responses.json(exchange, 200, call(queues::board)))
                .post("/queue/tickets", BODY_CAP, this::issue)
                .post("/queue/tickets/*", BODY_CAP, this::ticketAction)
                .get("/queue/tickets/*", this::ticket)
                .get("/t/*", this::page)
                .get("/queue/windows", exchange -> Responses.json(exchange, 200, call(queues::windows)))
                .post("/queue/windows/*", BODY_CAP, this::windowAction);
    }

    private void issue(Exchange exchange) {
        authorize(exchange);
        TicketRequest request = JsonBody.read(exchange, TicketRequest.class, BODY_CAP);
        if (request.queue() == null || request.queue().isBlank()) {
            throw ErrorAnswer.badRequest("name the queue, e.g. {\"queue\":\"" + queues.hall().queues().get(0).id()
                    + "\",\"priority\":false}");
        }
        String kiosk = exchange.header("X-Yizhan-Kiosk");
        if (kiosk != null && !limit.allow(kiosk)) {
            throw new ErrorAnswer(429, "too_many", "this kiosk has taken " + limit.perMinute()
                    + " numbers in the last minute (the hall's ticketsPerKioskPerMinute); wait a moment");
        }
        TicketInfo ticket = paged(exchange, call(() -> queues.issue(request.queue(), request.priority(), kiosk)));
        Responses.json(exchange, 201, ticket);
    }

    /** POST /queue/tickets/{code}/printed and /void. */
    private void ticketAction(Exchange exchange) {
        String[] parts = rest(exchange, "/queue/tickets/");
        if (parts.length != 2 || !(parts[1].equals("printed") || parts[1].equals("void"))) {
            throw ErrorAnswer.notFound("no such endpoint: " + exchange.path());
        }
        authorize(exchange);
        String code = parts[0];
        String key = idempotencyKey(exchange);
        if (parts[1].equals("printed")) {
            Responses.json(exchange, 200, paged(exchange, call(() -> queues.printed(code, key))));
        } else {
            String reason = hasBody(exchange) ? Optional.ofNullable(
                    JsonBody.read(exchange, VoidRequest.class, BODY_CAP).reason()).orElse("unspecified") : "unspecified";
            Responses.json(exchange, 200, paged(exchange, call(() -> queues.voidTicket(code, reason, key))));
        }
    }

    /** GET /queue/tickets/{code}. */
    private void ticket(Exchange exchange) {
        String[] parts = rest(exchange, "/queue/tickets/");
        if (parts.length != 1) {
            throw ErrorAnswer.notFound("no such endpoint: " + exchange.path());
        }
        Responses.json(exchange, 200, paged(exchange, call(() -> queues.ticket(parts[0]))));
    }

    /** GET /t/{code}: the phone's page. */
    private void page(Exchange exchange) {
        String[] parts = rest(exchange, "/t/");
        TicketInfo ticket = null;
        if (parts.length == 1) {
            try {
                ticket = call(() -> queues.ticket(parts[0]));
            } catch (ErrorAnswer e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        Responses.html(exchange, ticket == null ? 404 : 200,
                ticket == null ? TicketPage.notFound() : TicketPage.of(queues.hall().hall(), ticket));
    }

    /** POST /queue/windows/{window}/{action}. */
    private void windowAction(Exchange exchange) {
        String[] parts = rest(exchange, "/queue/windows/");
        if (parts.length != 2) {
            throw ErrorAnswer.notFound("no such endpoint: " + exchange.path());
        }
        String window = parts[0];
        String action = parts[1];
        if (!List.of("sign-in", "sign-out", "call-next", "recall", "start", "done", "no-show", "transfer", "pause",
                "resume").contains(action)) {
            throw ErrorAnswer.notFound("no such endpoint: " + exchange.path()
                    + "; a window can sign-in, sign-out, call-next, recall, start, done, no-show, transfer, pause, resume");
        }
        authorize(exchange);
        switch (action) {
            case "sign-in" -> {
                SignIn body = JsonBody.read(exchange, SignIn.class, BODY_CAP);
                Responses.json(exchange, 200, call(() -> queues.signIn(window, body.queues())));
            }
            case "sign-out" -> {
                call(() -> {
                    queues.signOut(window);
                    return null;
                });
                Responses.noContent(exchange);
            }
            case "call-next" -> {
                Optional<TicketInfo> called = call(() -> queues.callNext(window));
                if (called.isPresent()) {
                    Responses.json(exchange, 200, paged(exchange, called.get()));
                } else {
                    Responses.noContent(exchange);
                }
            }
            case "recall" -> Responses.json(exchange, 200, paged(exchange, call(() -> queues.recall(window))));
            case "start" -> Responses.json(exchange, 200, paged(exchange, call(() -> queues.start(window))));
            case "done" -> Responses.json(exchange, 200, paged(exchange, call(() -> queues.done(window))));
            case "no-show" -> Responses.json(exchange, 200, paged(exchange, call(() -> queues.noShow(window))));
            case "pause", "resume" -> Responses.json(exchange, 200, call(() -> queues.pause(window, action.equals("pause"))));
            default -> {
                Transfer body = JsonBody.read(exchange, Transfer.class, BODY_CAP);
                if (body.queue() == null || body.queue().isBlank()) {
                    throw ErrorAnswer.badRequest("name the queue to transfer to, e.g. {\"queue\":\"zonghe\"}");
                }
                Responses.json(exchange, 200, paged(exchange, call(() -> queues.transfer(window, body.queue()))));
            }
        }
    }

    /**
     * The ticket with its page's path relative to the base the client spoke to, which a kiosk resolves against its
     * server.url: a kiosk that named its hall by the header gets the hall's prefix before {@code /t/}; one whose
     * server.url already ends in {@code /halls/<id>/} gets {@code /t/} alone.
     */
    private TicketInfo paged(Exchange exchange, TicketInfo t) {
        if (pagePrefix.isEmpty() || !exchange.base().isEmpty() || t.statusPath() == null) {
            return t;
        }
        return new TicketInfo(t.code(), t.number(), t.queue(), t.queueName(), t.priority(), t.state(), t.issuedAt(),
                t.businessDate(), t.ahead(), t.estimatedWaitMinutes(), t.location(), t.window(),
                pagePrefix + t.statusPath());
    }

    /** A kiosk's outbox names each message (docs/protocol.md, "Idempotency-Key"); null when the request has none. */
    private static String idempotencyKey(Exchange exchange) {
        String key = exchange.header("Idempotency-Key");
        if (key == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ErrorAnswer.badRequest("Idempotency-Key must be 16 to 64 of A-Z a-z 0-9 _ -, e.g. a UUID");
        }
        return key;
    }

    private void authorize(Exchange exchange) {
        if (!secret.admits(exchange.header("Authorization"))) {
            exchange.setHeader("WWW-Authenticate", "Bearer realm=\"yizhan-hall\"");
            throw new ErrorAnswer(401, "unauthorized", "send the hall secret as Authorization: Bearer <secret> "
                    + "(DATA/hall.secret on the hall server; docs/deployment.md)");
        }
    }

    /** The parts of the path after {@code folder}, split at slashes; an empty part makes the path unknown. */
    private static String[] rest(Exchange exchange, String folder) {
        String path = exchange.path();
        String[] parts = path.substring(folder.length()).split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw ErrorAnswer.notFound("no such endpoint: " + path);
            }
        }
        return parts;
    }

    private static boolean hasBody(Exchange exchange) {
        return exchange.header("Content-Type") != null || exchange.body().length > 0 || exchange.bodyTooLarge();
    }

    /** Runs a queue operation; its refusal becomes the error answer, a store failure a 503 or a 500. */
    static <T> T call(StoreCalls.StoreCall<T> work) {
        try {
            return StoreCalls.run("ticket store", work);
        } catch (QueueRefusal refusal) {
            ErrorAnswer answer = new ErrorAnswer(refusal.status(), refusal.code(), refusal.getMessage());
            throw answer.status() == 400 ? answer : answer.asOutcome();
        }
    }
}
