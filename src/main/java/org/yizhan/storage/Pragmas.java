package org.yizhan.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * How a store's connections are set up. Each store chooses for its own file: a ticket store that must not
 * lose a number it handed out and a cache that can be rebuilt need not weigh durability alike.
 *
 * @param journal       {@link Journal#WAL} lets readers keep their snapshot while a writer works
 * @param synchronous   how far a commit reaches the disk before it returns
 * @param foreignKeys   whether SQLite enforces {@code REFERENCES}
 * @param busyTimeout   how long a connection waits for another's lock before it fails
 * @param exclusiveLock whether a connection keeps its locks until it closes ({@code locking_mode=EXCLUSIVE})
 * @param cacheKib      the page cache per connection in KiB, or 0 for SQLite's own (2 MB)
 */
public record Pragmas(Journal journal, Synchronous synchronous, boolean foreignKeys, Duration busyTimeout,
                      boolean exclusiveLock, int cacheKib) {

    /** {@code PRAGMA journal_mode}. */
    public enum Journal { WAL, OFF }

    /** {@code PRAGMA synchronous}. */
    public enum Synchronous { OFF, NORMAL, FULL }

    /**
     * A kiosk's ordinary file: WAL, foreign keys enforced, every commit on the disk before it returns
     * ({@code synchronous=FULL}, which is also what SQLite does when not told), and a writer that waits up to
     * five seconds for another rather than failing halfway through its work.
     */
    public static final Pragmas STANDARD =
            new Pragmas(Journal.WAL, Synchronous.FULL, true, Duration.ofSeconds(5), false, 0);

    public Pragmas {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(synchronous, "synchronous");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (cacheKib < 0) {
            throw new IllegalArgumentException("cacheKib must be ≥ 0, got " + cacheKib);
        }
    }

    public Pragmas withSynchronous(Synchronous synchronous) {
        return new Pragmas(journal, synchronous, foreignKeys, busyTimeout, exclusiveLock, cacheKib);
    }

    public Pragmas withBusyTimeout(Duration busyTimeout) {
        return new Pragmas(journal, synchronous, foreignKeys, busyTimeout, exclusiveLock, cacheKib);
    }
}
