package org.yizhan.server;

/**
 * An error a handler answers with, thrown: {@link Routes} sends it as {@code {"error": code, "message": text}}
 * with its status (docs/protocol.md, "Errors"). A 4xx for bad input is logged as one WARN line; an answer
 * that is the business as usual (no such ticket, a wrong move, a limit) is not.
 */
public final class ErrorAnswer extends RuntimeException {
    private final int status;
    private final String code;
    private final boolean badInput;

    public ErrorAnswer(int status, String code, String message) {
        this(status, code, message, status >= 400 && status < 500 && status != 409 && status != 429);
    }

    private ErrorAnswer(int status, String code, String message, boolean badInput) {
        // An answer, not a bug: no stack trace to fill.
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.badInput = badInput;
    }

    public static ErrorAnswer badRequest(String message) {
        return new ErrorAnswer(400, "bad_request", message);
    }

    public static ErrorAnswer notFound(String message) {
        return new ErrorAnswer(404, "not_found", message);
    }

    public static ErrorAnswer tooLarge(String message) {
        return new ErrorAnswer(413, "too_large", message);
    }

    /** The same answer, as an outcome of the business (a ticket or case not found) rather than bad input. */
    public ErrorAnswer asOutcome() {
        return new ErrorAnswer(status, code, getMessage(), false);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Whether the client sent something wrong (logged as a WARN), as opposed to a business outcome. */
    public boolean badInput() {
        return badInput;
    }
}
