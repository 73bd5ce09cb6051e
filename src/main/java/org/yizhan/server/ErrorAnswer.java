package org.yizhan.server;

/**
 * An error a handler answers with, thrown: {@link Routes} sends it as {@code {"error": code, "message": text}}
 * with its status (docs/protocol.md, "Errors").
 */
final class ErrorAnswer extends RuntimeException {
    private final int status;
    private final String code;

    ErrorAnswer(int status, String code, String message) {
        // An answer, not a bug: no stack trace to fill.
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ErrorAnswer badRequest(String message) {
        return new ErrorAnswer(400, "bad_request", message);
    }

    static ErrorAnswer notFound(String message) {
        return new ErrorAnswer(404, "not_found", message);
    }

    static ErrorAnswer tooLarge(String message) {
        return new ErrorAnswer(413, "too_large", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
