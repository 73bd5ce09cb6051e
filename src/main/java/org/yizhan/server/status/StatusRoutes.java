package org.yizhan.server.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.json.Json;
import org.yizhan.server.ErrorAnswer;
import org.yizhan.server.Exchange;
import org.yizhan.server.StoreCalls;
import org.yizhan.server.Responses;
import org.yizhan.server.Routes;
import org.yizhan.server.queue.HallSecret;
import org.yizhan.status.CaseLookup;

/**
 * The status endpoints (docs/protocol.md, "Case status"): a kiosk's lookup and the case system's push, both with
 * the hall secret. A lookup's answers never echo what was sent: a 400 says what is wrong in general words, a
 * 404 is one fixed text for an unknown number and a wrong check.
 */
public final class StatusRoutes {
    static final int LOOKUP_CAP = 1024;
    static final int PUSH_CAP = 1024 * 1024;
    static final int PUSH_RECORDS = 500;
    static final String NOT_FOUND = "no case with this number and check; check both against the receipt and try again";
    static final String MALFORMED = "send {\"number\": …, \"check\": …} as JSON: the number 6 to 40 letters, digits "
            + "or hyphens, the check 4 digits or 6 characters (5 digits and a digit or X)";
    private static final Logger LOG = LoggerFactory.getLogger(StatusRoutes.class);

    private final CaseService cases;
    private final CaseLookups lookups;
    private final HallSecret secret;

    public StatusRoutes(CaseService cases, HallSecret secret) {
        this(cases, new CaseLookups(cases), secret);
    }

    private StatusRoutes(CaseService cases, CaseLookups lookups, HallSecret secret) {
        this.cases = cases;
        this.lookups = lookups;
        this.secret = secret;
    }

    /**
     * The same cases and the same lookup limits behind another hall's secret: a county's halls share one case
     * store, and a number's failed tries count wherever they were made.
     */
    public StatusRoutes withSecret(HallSecret other) {
        return new StatusRoutes(cases, lookups, other);
    }

    public Routes addTo(Routes routes) {
        return routes.post("/status/lookup", LOOKUP_CAP, this::lookup).post("/status/cases", PUSH_CAP, this::push);
    }

    private void lookup(Exchange exchange) {
        authorize(exchange);
        CaseLookup request = lookupBody(exchange);
        Optional<String> number = CaseNumbers.number(request.number());
        Optional<String> check = CaseNumbers.check(request.check());
        if (number.isEmpty() || check.isEmpty()) {
            throw ErrorAnswer.badRequest(MALFORMED);
        }
        CaseLookups.Result result = call(() -> lookups.lookup(number.get(), check.get(),
                exchange.header("X-Yizhan-Kiosk")));
        if (result instanceof CaseLookups.Found found) {
            Responses.json(exchange, 200, found.answer());
        } else if (result instanceof CaseLookups.Refused refused) {
            long seconds = Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000);
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("error", "too_many_tries");
            body.put("message", "too many lookups failed; wait " + ((seconds + 59) / 60)
                    + " minutes, then try again, or ask at the service desk");
            body.put("retryAfterSeconds", seconds);
            exchange.setHeader("Retry-After", String.valueOf(seconds));
            Responses.json(exchange, 429, body.toString());
        } else {
            throw ErrorAnswer.notFound(NOT_FOUND).asOutcome();
        }
    }

    /** The body, or a 400 that repeats none of it. */
    private static CaseLookup lookupBody(Exchange exchange) {
        byte[] body = body(exchange, LOOKUP_CAP, true);
        CaseLookup lookup;
        try {
            lookup = Json.readMessage(body, CaseLookup.class);
        } catch (IOException | RuntimeException e) {
            throw ErrorAnswer.badRequest(MALFORMED);
        }
        if (lookup == null) {
            throw ErrorAnswer.badRequest(MALFORMED);
        }
        return lookup;
    }

    /** POST /status/cases: JSON lines or a JSON array of cases, as the import reads them; answers the report. */
    private void push(Exchange exchange) {
        authorize(exchange);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body(exchange, PUSH_CAP, false))).toString();
        } catch (CharacterCodingException e) {
            throw ErrorAnswer.badRequest("the body is not UTF-8 text");
        }
        List<FeedEntry> entries;
        try {
            entries = FeedFormat.json(text);
        } catch (FeedProblem problem) {
            throw ErrorAnswer.badRequest(problem.getMessage());
        }
        if (entries.isEmpty()) {
            throw ErrorAnswer.badRequest("the body holds no cases; send JSON lines or a JSON array (docs/status.md)");
        }
        if (entries.size() > PUSH_RECORDS) {
            throw ErrorAnswer.tooLarge("at most " + PUSH_RECORDS + " cases a push; send the rest in another push, "
                    + "or use yizhan cases import");
        }
        ImportReport report = call(() -> cases.take(entries));
        LOG.info("cases pushed: {}", report.summary());
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("added", report.added());
        answer.put("updated", report.updated());
        answer.put("unchanged", report.unchanged());
        answer.put("skipped", report.skipped());
        ArrayNode rejected = answer.putArray("rejected");
        for (ImportReport.Rejected r : report.rejected()) {
            rejected.addObject().put("line", r.line()).put("reason", r.reason());
        }
        answer.put("summary", report.summary());
        Responses.json(exchange, 200, answer.toString());
    }

    private static byte[] body(Exchange exchange, int cap, boolean silent) {
        String contentType = Objects.toString(exchange.header("Content-Type"), "")
                .toLowerCase(Locale.ROOT);
        if (!contentType.matches("application/(json|x-ndjson|jsonl|x-jsonlines)\\s*(;.*)?")) {
            throw ErrorAnswer.badRequest(silent ? MALFORMED
                    : "send the cases with Content-Type: application/json (an array) or application/x-ndjson (lines)");
        }
        byte[] body = exchange.body();
        if (exchange.bodyTooLarge()) {
            throw silent ? ErrorAnswer.badRequest(MALFORMED)
                    : ErrorAnswer.tooLarge("the body is larger than the " + cap + " bytes this endpoint accepts");
        }
        if (body.length == 0) {
            throw ErrorAnswer.badRequest(silent ? MALFORMED : "the body is empty");
        }
        return body;
    }

    private void authorize(Exchange exchange) {
        if (!secret.admits(exchange.header("Authorization"))) {
            exchange.setHeader("WWW-Authenticate", "Bearer realm=\"yizhan-hall\"");
            throw new ErrorAnswer(401, "unauthorized", "send the hall secret as Authorization: Bearer <secret> "
                    + "(DATA/hall.secret on the hall server; docs/deployment.md)");
        }
    }

    private static <T> T call(StoreCalls.StoreCall<T> work) {
        return StoreCalls.run("case store", work);
    }
}
