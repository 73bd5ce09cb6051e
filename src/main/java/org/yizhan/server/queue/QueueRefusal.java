package org.yizhan.server.queue;

/**
 * The queue says no, for a reason a kiosk or a clerk is told: an HTTP status, a stable code, a sentence
 * (docs/protocol.md, "Queue errors"). Not a failure: no stack trace.
 */
public final class QueueRefusal extends RuntimeException {
    private final int status;
    private final String code;

    QueueRefusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static QueueRefusal conflict(String code, String message) {
        return new QueueRefusal(409, code, message);
    }

    static QueueRefusal notFound(String code, String message) {
        return new QueueRefusal(404, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
