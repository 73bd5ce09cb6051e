package org.yizhan.catalog.bundle;

/** A bundle or index that cannot be trusted or read; the message says why, for a technician. */
public final class BundleException extends Exception {
    public BundleException(String message) {
        super(message);
    }
}
