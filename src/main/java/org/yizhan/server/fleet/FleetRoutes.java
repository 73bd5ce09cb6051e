package org.yizhan.server.fleet;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.yizhan.fleet.Heartbeat;
import org.yizhan.server.ErrorAnswer;
import org.yizhan.server.Exchange;
import org.yizhan.server.JsonBody;
import org.yizhan.server.Responses;
import org.yizhan.server.Routes;
import org.yizhan.server.StoreCalls;
import org.yizhan.server.queue.HallSecret;

/**
 * The fleet's endpoints (docs/protocol.md, "The hall's kiosks"): a kiosk's heartbeat from its outbox, the
 * technician's view of every kiosk with its problems, and forgetting a kiosk taken out of service; all with the
 * hall secret.
 */
public final class FleetRoutes {
    static final int BODY_CAP = Heartbeat.MAX_BYTES;
    /** Forgetting takes no body; one sent is read and dropped, so the connection stays usable. */
    static final int FORGET_CAP = 1024;
    static final int DEFAULT_STALE_MINUTES = 5;
    private static final int MAX_STALE_MINUTES = 7 * 24 * 60;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern KIOSK_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final FleetService fleet;
    private final HallSecret secret;
    private final Supplier<Optional<Long>> published;

    /** @param published the catalog version this server publishes now, if any (DATA/catalog/index.json) */
    public FleetRoutes(FleetService fleet, HallSecret secret, Supplier<Optional<Long>> published) {
        this.fleet = fleet;
        this.secret = secret;
        this.published = published;
    }

    public Routes addTo(Routes routes) {
        return routes.post("/kiosk/heartbeat", BODY_CAP, this::heartbeat)
                .get("/fleet", this::report)
                .post("/fleet/*", FORGET_CAP, this::forget);
    }

    private void heartbeat(Exchange exchange) {
        secret.authorize(exchange);
        String key = exchange.header("Idempotency-Key");
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ErrorAnswer.badRequest("Idempotency-Key must be 16 to 64 of A-Z a-z 0-9 _ -, e.g. a UUID");
        }
        Heartbeat heartbeat = JsonBody.read(exchange, Heartbeat.class, BODY_CAP);
        if (!heartbeat.kioskId().equals(exchange.header("X-Yizhan-Kiosk"))) {
            throw ErrorAnswer.badRequest("a heartbeat comes with X-Yizhan-Kiosk, the same as its kioskId");
        }
        if (!heartbeat.hallId().equals(Objects.toString(exchange.header("X-Yizhan-Hall"), ""))) {
            throw ErrorAnswer.badRequest("a heartbeat's hallId is the kiosk's X-Yizhan-Hall (empty without one)");
        }
        FleetService.Taken taken = StoreCalls.run("fleet store", () -> fleet.take(heartbeat, key));
        switch (taken.outcome()) {
            case KEY_REUSED -> throw new ErrorAnswer(422, "key_reused",
                    "this Idempotency-Key was sent before with another kiosk's heartbeat");
            case FULL -> throw new ErrorAnswer(409, "fleet_full", "this hall server keeps " + FleetService.MAX_KIOSKS
                    + " kiosks and knows as many; forget those taken out of service (yizhan fleet --forget ID)");
            default -> Responses.json(exchange, 200, Map.of("kioskId", heartbeat.kioskId(),
                    "receivedAt", taken.receivedAt().toString()));
        }
    }

    /** GET /fleet[?staleMinutes=N]. */
    private void report(Exchange exchange) {
        secret.authorize(exchange);
        int stale = staleMinutes(exchange.query("staleMinutes"));
        var kiosks = StoreCalls.run("fleet store", fleet::kiosks);
        Responses.json(exchange, 200, FleetJudge.judge(kiosks, fleet.now(), stale, published.get()));
    }

    /** POST /fleet/{kiosk}/forget. */
    private void forget(Exchange exchange) {
        String[] parts = exchange.path().substring("/fleet/".length()).split("/", -1);
        if (parts.length != 2 || !parts[1].equals("forget") || !KIOSK_ID.matcher(parts[0]).matches()) {
            throw ErrorAnswer.notFound("no such endpoint; to forget a kiosk: POST /fleet/{kiosk id}/forget");
        }
        secret.authorize(exchange);
        if (!StoreCalls.run("fleet store", () -> fleet.forget(parts[0]))) {
            throw new ErrorAnswer(404, "unknown_kiosk", "this hall server has no heartbeat from a kiosk of that id")
                    .asOutcome();
        }
        Responses.json(exchange, 200, Map.of("forgotten", parts[0]));
    }

    private static int staleMinutes(String value) {
        if (value == null) {
            return DEFAULT_STALE_MINUTES;
        }
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_STALE_MINUTES) {
            throw ErrorAnswer.badRequest("staleMinutes must be a whole number of minutes from 1 to " + MAX_STALE_MINUTES);
        }
        return Integer.parseInt(value);
    }
}
