package org.yizhan.server;

import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * Picks the hall a request is for (docs/protocol.md, "Halls"): the path prefix {@code /halls/<id>/} (the counter
 * page, the display, the phone's ticket page), else the {@code X-Yizhan-Hall} header when it names an added hall
 * (kiosks, API clients), else the top-level hall. A hall named that the server does not host is a 404 that names no
 * other hall; a server with no top-level hall answers only its county's catalog and health without a hall.
 */
final class HallRouter extends Handler.Abstract {
    static final String PREFIX = "/" + Halls.DIR + "/";

    private final Halls halls;
    /** The county's catalog and health, for a request that names no hall on a server without a top-level hall. */
    private final Routes county;

    HallRouter(Halls halls, Routes county) {
        this.halls = halls;
        this.county = county;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = URIUtil.decodePath(Objects.toString(request.getHttpURI().getPath(), "/"));
        if (path.startsWith(PREFIX) || path.equals(PREFIX.substring(0, PREFIX.length() - 1))) {
            String rest = path.length() > PREFIX.length() ? path.substring(PREFIX.length()) : "";
            int slash = rest.indexOf('/');
            String id = slash < 0 ? rest : rest.substring(0, slash);
            Optional<Hall> hall = HallId.valid(id) ? halls.added(id) : Optional.empty();
            if (hall.isEmpty()) {
                return refuse(request, response, callback, id);
            }
            if (slash < 0) {
                return answer(request, response, callback,
                        ErrorAnswer.notFound("no such endpoint: a hall's pages and endpoints are under /halls/<id>/…"));
            }
            request.setAttribute(Exchange.BASE, Hall.pagePrefix(id));
            return hall.get().routes().handle(request, response, callback);
        }
        String named = request.getHeaders().get("X-Yizhan-Hall");
        Optional<Hall> hall = named == null || named.isEmpty() || !HallId.valid(named) ? Optional.empty()
                : halls.added(named);
        if (hall.isPresent()) {
            return hall.get().routes().handle(request, response, callback);
        }
        if (named != null && !named.isEmpty() && halls.unavailable(named)) {
            return refuse(request, response, callback, named);
        }
        if (halls.top().isPresent()) {
            // Whatever else a kiosk calls its hall: a one-hall server's kiosks keep working as they were set up.
            return halls.top().get().routes().handle(request, response, callback);
        }
        if (named == null || named.isEmpty()) {
            if (path.equals("/health") || path.startsWith("/" + HallServer.CATALOG_DIR + "/")) {
                return county.handle(request, response, callback);
            }
            return answer(request, response, callback, ErrorAnswer.notFound("this server hosts several halls: "
                    + "name one with the X-Yizhan-Hall header (the kiosk's hall.id) or the path /halls/<id>/ "
                    + "(docs/protocol.md, \"Halls\")"));
        }
        return refuse(request, response, callback, named);
    }

    /** An unknown hall, or one whose files could not be opened; either way no other hall is named. */
    private boolean refuse(Request request, Response response, Callback callback, String id) {
        if (HallId.valid(id) && halls.unavailable(id)) {
            response.getHeaders().put("Retry-After", "300");
            return answer(request, response, callback, new ErrorAnswer(503, "hall_unavailable",
                    "this hall cannot be served now: its files have a problem (the server's log says which)"));
        }
        return answer(request, response, callback, new ErrorAnswer(404, "unknown_hall",
                "this server hosts no such hall; check the kiosk's hall.id or the address"));
    }

    private static boolean answer(Request request, Response response, Callback callback, ErrorAnswer error) {
        Responses.error(new Exchange(request, response, callback), error.status(), error.code(), error.getMessage());
        return true;
    }
}
