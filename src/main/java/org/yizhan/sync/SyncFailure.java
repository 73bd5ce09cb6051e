package org.yizhan.sync;

import org.yizhan.hall.HallFailure;

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

    /** The hall client's failure in the sync's terms: only an unreachable server is worth a retry soon. */
    static SyncFailure of(HallFailure failure) {
        if (failure instanceof HallFailure.Unreachable) {
            return unreachable(failure.getMessage());
        }
        if (failure instanceof HallFailure.Refused refused && refused.status() == 404) {
            return rejected(failure.getMessage() + " (is server.url right, and has a catalog been published?)");
        }
        return rejected(failure.getMessage());
    }

    String reason() {
        return getMessage();
    }

    boolean transientFailure() {
        return transientFailure;
    }
}
