package org.yizhan.server;

/**
 * An error a handler answers with, thrown: {@link Routes} sends it as {@code {"error": code, "message": text}}
 * with its status (docs/protocol.md, "Errors").
 */
public final class ErrorAnswer extends RuntimeException {
    private final int status;
    private final String code;

    public ErrorAnswer(int status, String code, String message) {
        // An answer, not a bug: no stack trace to fill.
        super(message, null, false, false);
        this.status = status;
        this.code = code;
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

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
