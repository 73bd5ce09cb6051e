package org.yizhan.server.fleet;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.yizhan.fleet.Heartbeat;
import org.yizhan.storage.Database;
import org.yizhan.storage.StoreLocation;

/**
 * The hall's kiosks as they last said they were, in {@code DATA/fleet.db}: the latest heartbeat of each, at most
 * {@link #MAX_KIOSKS} of them (so nobody with the secret fills the disk with made-up ids), written through one
 * kept connection, since a county's kiosks send one a minute each.
 */
public final class FleetService implements AutoCloseable {
    public static final String FILE = FleetSchema.FILE;
    /** Forty kiosks in three halls, or a county's: far more than any one server serves. */
    public static final int MAX_KIOSKS = 1000;
    /**
     * How long a heartbeat's key is remembered. The outbox sends a heartbeat again within a minute or two, or a
     * newer one replaces it; a repeat after that only says again what the server already holds.
     */
    static final Duration KEYS_KEPT = Duration.ofHours(1);

    /** What became of a heartbeat sent. */
    enum Outcome { TAKEN, REPEAT, KEY_REUSED, FULL }

    /** The outcome and when the server took the heartbeat (for a repeat, when it took it first). */
    record Taken(Outcome outcome, Instant receivedAt) {
    }

    private final Database database;
    private final Database.Writer writes;
    private final Clock clock;
    private final int maxKiosks;

    private FleetService(Database database, Clock clock, int maxKiosks) {
        this.database = database;
        this.writes = database.writer();
        this.clock = clock;
        this.maxKiosks = maxKiosks;
    }

    /** The fleet store of {@code dataDir}, made if absent. */
    public static FleetService open(Path dataDir, Clock clock) throws IOException {
        return open(dataDir, clock, MAX_KIOSKS);
    }

    static FleetService open(Path dataDir, Clock clock, int maxKiosks) throws IOException {
        return open(StoreLocation.sqlite(dataDir), clock, maxKiosks);
    }

    /** The fleet store at {@code store}: {@code DATA/fleet.db} or the hall's namespace. */
    public static FleetService open(StoreLocation store, Clock clock) throws IOException {
        return open(store, clock, MAX_KIOSKS);
    }

    static FleetService open(StoreLocation store, Clock clock, int maxKiosks) throws IOException {
        try {
            return new FleetService(store.open(FleetSchema.FILE, FleetSchema.SCHEMA, FleetSchema.POSTGRES,
                    FleetSchema.PRAGMAS, false), clock, maxKiosks);
        } catch (SQLException e) {
            throw new IOException("cannot open the fleet store " + store.describe(FleetSchema.FILE) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Takes a kiosk's heartbeat as its latest, with its {@code key} (null for none): the same key again changes
     * nothing; a key another kiosk used is refused; a new kiosk beyond the bound is refused.
     */
    Taken take(Heartbeat heartbeat, String key) throws SQLException {
        // As stored: a repeat is answered with the stored time, word for word the first answer.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return writes.inTransaction(c -> {
            if (key != null) {
                Optional<HeartbeatKeys.Taken> before = HeartbeatKeys.find(c, key);
                if (before.isPresent()) {
                    return before.get().kioskId().equals(heartbeat.kioskId())
                            ? new Taken(Outcome.REPEAT, before.get().receivedAt()) : new Taken(Outcome.KEY_REUSED, now);
                }
            }
            if (KioskStore.find(c, heartbeat.kioskId()).isEmpty() && KioskStore.count(c) >= maxKiosks) {
                return new Taken(Outcome.FULL, now);
            }
            KioskStore.put(c, heartbeat, now);
            if (key != null) {
                HeartbeatKeys.purgeBefore(c, now.minus(KEYS_KEPT));
                HeartbeatKeys.record(c, key, heartbeat.kioskId(), now);
            }
            return new Taken(Outcome.TAKEN, now);
        });
    }

    /** Every kiosk's latest heartbeat, by id. */
    List<KioskStore.Seen> kiosks() throws SQLException {
        return database.inReadTransaction(KioskStore::all);
    }

    /** Forgets a kiosk taken out of service; whether the server knew it. Its next heartbeat brings it back. */
    boolean forget(String kioskId) throws SQLException {
        return writes.inTransaction(c -> KioskStore.delete(c, kioskId));
    }

    /** What the server's clock says now (the judge's "now"). */
    Instant now() {
        return clock.instant();
    }

    @Override
    public void close() {
        writes.close();
    }
}
