package org.yizhan.server.queue;

import java.io.IOException;

/** The queues file cannot be used; the message names the file and the field, in one line. */
public final class QueuesFileException extends IOException {
    public QueuesFileException(String message) {
        super(message);
    }
}
