package org.yizhan.catalog.bundle;

/** A key file that is not what it should be, with a message naming the file. */
public final class KeyFileException extends Exception {
    public KeyFileException(String message) {
        super(message);
    }
}
