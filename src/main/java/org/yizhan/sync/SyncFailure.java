package org.yizhan.sync;

/** One attempt failed, for {@link #reason()}: {@link #transientFailure()} if it may work again soon. */
final class SyncFailure extends Exception {
    private final boolean transientFailure;

    private SyncFailure(String reason, boolean transientFailure) {
        super(reason, null, false, false);
        this.transientFailure = transientFailure;
    }

    /** Network trouble, a timeout, a stall, a 5xx: retry soon. */
    static SyncFailure unreachable(String reason) {
        return new SyncFailure(reason, true);
    }

    /** The server answered with something we refuse: retrying at once would get the same answer. */
    static SyncFailure rejected(String reason) {
        return new SyncFailure(reason, false);
    }

    String reason() {
        return getMessage();
    }

    boolean transientFailure() {
        return transientFailure;
    }
}
