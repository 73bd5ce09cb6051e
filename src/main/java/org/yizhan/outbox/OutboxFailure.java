package org.yizhan.outbox;

/** The outbox could not be read or written (its disk, its file): what it was to record is not recorded. */
public final class OutboxFailure extends Exception {
    OutboxFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
