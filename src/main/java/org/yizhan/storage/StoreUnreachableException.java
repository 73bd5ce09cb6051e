package org.yizhan.storage;

import java.io.IOException;

/** The store option names a database that cannot be reached or refuses this server; the message says what it said. */
public final class StoreUnreachableException extends IOException {
    public StoreUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
