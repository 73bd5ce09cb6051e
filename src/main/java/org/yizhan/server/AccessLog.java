package org.yizhan.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.RequestLogWriter;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line a request, in {@code DATA/logs/access-YYYY_MM_DD.log} (a new file each day, 30 kept):
 * time, client address, method, path, status, body bytes, milliseconds, kiosk id. Never a header's value but
 * the kiosk's id, never a query or a body, and the ticket code in a path is written as {@code *}: a code
 * opens the ticket's page, so it is kept out of the log like the hall secret and the cases' checks.
 */
final class AccessLog implements RequestLog {
    static final String DIR = "logs";
    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
    private static final Pattern KIOSK = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CODE_IN_PATH = Pattern.compile("^(/t/|/queue/tickets/)[^/]+");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.systemDefault());

    private static final String COUNTED = AccessLog.class.getName() + ".counted";

    private final RequestLogWriter writer;
    /** Requests handled whose line is not written yet: the engine writes it after the answer has gone out. */
    private final AtomicInteger unwritten = new AtomicInteger();

    AccessLog(Path dataDir) {
        writer = new RequestLogWriter(dataDir.resolve(DIR).resolve("access-yyyy_mm_dd.log").toString());
        writer.setRetainDays(30);
        writer.setAppend(true);
    }

    RequestLogWriter writer() {
        return writer;
    }

    /** Wraps the server's handler so that {@link #awaitWritten} knows which lines are still to come. */
    Handler counting(Handler next) {
        return new Handler.Wrapper(next) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                request.setAttribute(COUNTED, Boolean.TRUE);
                unwritten.incrementAndGet();
                return super.handle(request, response, callback);
            }
        };
    }

    /** On a stop, so that the last requests' lines are in the file before it closes. */
    void awaitWritten(long millis) throws InterruptedException {
        long end = NanoTime.now() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (unwritten.get() > 0 && NanoTime.until(end) > 0) {
            Thread.sleep(5);
        }
    }

    @Override
    public void log(Request request, Response response) {
        if (request.getAttribute(COUNTED) != null) {
            unwritten.decrementAndGet();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(NanoTime.since(request.getBeginNanoTime()));
        String kiosk = request.getHeaders().get("X-Yizhan-Kiosk");
        String line = TIME.format(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                + " " + Request.getRemoteAddr(request)
                + " " + LogText.text(request.getMethod())
                + " " + LogText.path(pathOf(request))
                + " " + response.getStatus()
                + " " + Response.getContentBytesWritten(response)
                + " " + millis
                + " " + (kiosk == null ? "-" : KIOSK.matcher(kiosk).matches() ? kiosk : "?");
        try {
            writer.write(line);
        } catch (IOException e) {
            LOG.warn("could not write the access log: {}", e.toString());
        }
    }

    static String pathOf(Request request) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        if (path == null || path.isEmpty()) {
            return "-";
        }
        return CODE_IN_PATH.matcher(path.replace(' ', '?')).replaceFirst("$1*");
    }
}
