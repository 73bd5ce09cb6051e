package org.yizhan.server.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.Heartbeat;
import org.yizhan.storage.Database;
import org.yizhan.storage.StoreLocation;
import org.yizhan.testing.SetClock;
import org.yizhan.testing.TestHeartbeats;

/** DATA/fleet.db: a round trip for every method of its tables and of the service on them. */
class FleetStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");
    private static final Heartbeat K1 = TestHeartbeats.healthy("kiosk-01", 43, T0.toString());
    private static final Heartbeat K2 = TestHeartbeats.withPrinter(TestHeartbeats.healthy("kiosk-02", 41, T0.toString()),
            "PAPER_OUT");
    private static final String KEY = "9f1c0e5a6b7d4c3e8a2b1d0f9e8c7b6a";

    @TempDir
    Path dir;
    private final SetClock clock = new SetClock(T0);
    private Database database;
    private FleetService fleet;

    private Database database() throws Exception {
        if (database == null) {
            database = location().open(FleetSchema.FILE, FleetSchema.SCHEMA, FleetSchema.POSTGRES, FleetSchema.PRAGMAS, false);
        }
        return database;
    }

    /** Where the store under test is: the data dir here, a hall's namespace in FleetStorePostgresTest. */
    StoreLocation location() {
        return StoreLocation.sqlite(dir);
    }

    @AfterEach
    void close() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aKioskIsPutFoundListedCountedAndDeleted() throws Exception {
        Database db = database();
        db.inTransaction(c -> {
            KioskStore.put(c, K2, T0);
            KioskStore.put(c, K1, T0.plusSeconds(5));
            return null;
        });
        assertEquals(Optional.of(new KioskStore.Seen(K1, T0.plusSeconds(5))), db.inReadTransaction(c -> KioskStore.find(c, "kiosk-01")));
        assertEquals(Optional.empty(), db.inReadTransaction(c -> KioskStore.find(c, "kiosk-09")));
        assertEquals(List.of(new KioskStore.Seen(K1, T0.plusSeconds(5)), new KioskStore.Seen(K2, T0)),
                db.inReadTransaction(KioskStore::all), "by id");
        assertEquals(2, db.inReadTransaction(KioskStore::count));

        Heartbeat later = TestHeartbeats.withPrinter(K2, "READY");
        db.inTransaction(c -> {
            KioskStore.put(c, later, T0.plusSeconds(60));
            return null;
        });
        assertEquals(Optional.of(new KioskStore.Seen(later, T0.plusSeconds(60))), db.inReadTransaction(c -> KioskStore.find(c, "kiosk-02")),
                "the latest replaces the one before");
        assertEquals(2, db.inReadTransaction(KioskStore::count));

        assertTrue((boolean) db.inTransaction(c -> KioskStore.delete(c, "kiosk-02")));
        assertFalse((boolean) db.inTransaction(c -> KioskStore.delete(c, "kiosk-02")));
        assertEquals(List.of(new KioskStore.Seen(K1, T0.plusSeconds(5))), db.inReadTransaction(KioskStore::all));
    }

    @Test
    void aKeyIsRecordedFoundAndPurged() throws Exception {
        Database db = database();
        db.inTransaction(c -> {
            HeartbeatKeys.record(c, KEY, "kiosk-01", T0);
            HeartbeatKeys.record(c, "later-key-0000000000", "kiosk-02", T0.plusSeconds(120));
            return null;
        });
        assertEquals(Optional.of(new HeartbeatKeys.Taken("kiosk-01", T0)), db.inReadTransaction(c -> HeartbeatKeys.find(c, KEY)));
        assertEquals(Optional.empty(), db.inReadTransaction(c -> HeartbeatKeys.find(c, "never-sent-000000000")));
        assertEquals(1, (int) db.inTransaction(c -> HeartbeatKeys.purgeBefore(c, T0.plusSeconds(60))));
        assertEquals(Optional.empty(), db.inReadTransaction(c -> HeartbeatKeys.find(c, KEY)));
        assertEquals(Optional.of(new HeartbeatKeys.Taken("kiosk-02", T0.plusSeconds(120))),
                db.inReadTransaction(c -> HeartbeatKeys.find(c, "later-key-0000000000")));
    }

    @Test
    void theServiceTakesTheLatestAndARepeatChangesNothing() throws Exception {
        fleet = FleetService.open(location(), clock, 2);
        assertEquals(new FleetService.Taken(FleetService.Outcome.TAKEN, T0), fleet.take(K1, KEY));
        clock.advance(Duration.ofMinutes(1));
        Heartbeat later = TestHeartbeats.withPrinter(K1, "COVER_OPEN");
        assertEquals(new FleetService.Taken(FleetService.Outcome.TAKEN, clock.instant()), fleet.take(later, null));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(new FleetService.Taken(FleetService.Outcome.REPEAT, T0), fleet.take(K1, KEY), "answered as at first");
        assertEquals(List.of(new KioskStore.Seen(later, T0.plusSeconds(60))), fleet.kiosks(), "and the later one stays");
        assertEquals(FleetService.Outcome.KEY_REUSED, fleet.take(K2, KEY).outcome(), "another kiosk's key");
        assertEquals(1, fleet.kiosks().size());
        assertEquals(clock.instant(), fleet.now());
    }

    @Test
    void aRepeatIsAnsweredWithTheTimeOfTheFirstToTheMillisecond() throws Exception {
        clock.set(T0.plusNanos(123_456_789));
        fleet = FleetService.open(location(), clock);
        FleetService.Taken first = fleet.take(K1, KEY);
        assertEquals(T0.plusMillis(123), first.receivedAt());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(new FleetService.Taken(FleetService.Outcome.REPEAT, first.receivedAt()), fleet.take(K1, KEY));
    }

    @Test
    void keysAreForgottenAfterAnHour() throws Exception {
        fleet = FleetService.open(location(), clock, 10);
        fleet.take(K1, KEY);
        clock.advance(FleetService.KEYS_KEPT.plusMinutes(1));
        fleet.take(K2, "another-key-00000000");
        assertEquals(FleetService.Outcome.TAKEN, fleet.take(K1, KEY).outcome(), "an hour later the key is new again");
    }

    @Test
    void theBoundKeepsNewKiosksOutButTheKnownOnesIn() throws Exception {
        fleet = FleetService.open(location(), clock, 2);
        fleet.take(K1, null);
        fleet.take(K2, null);
        Heartbeat third = TestHeartbeats.healthy("kiosk-03", 43, T0.toString());
        assertEquals(FleetService.Outcome.FULL, fleet.take(third, "key-of-the-third-00").outcome());
        assertEquals(FleetService.Outcome.TAKEN, fleet.take(K1, null).outcome(), "a kiosk it knows is still taken");
        assertEquals(List.of("kiosk-01", "kiosk-02"), fleet.kiosks().stream().map(s -> s.heartbeat().kioskId()).toList());

        assertTrue(fleet.forget("kiosk-02"));
        assertFalse(fleet.forget("kiosk-02"));
        assertEquals(FleetService.Outcome.TAKEN, fleet.take(third, "key-of-the-third-00").outcome(),
                "the refused key was not recorded: its repeat is judged again");
        assertEquals(List.of("kiosk-01", "kiosk-03"), fleet.kiosks().stream().map(s -> s.heartbeat().kioskId()).toList());
    }

    @Test
    void theStoreKeepsItsKiosksOverAReopening() throws Exception {
        fleet = FleetService.open(location(), clock);
        fleet.take(K1, KEY);
        fleet.close();
        fleet = FleetService.open(location(), clock);
        assertEquals(List.of(new KioskStore.Seen(K1, T0)), fleet.kiosks());
        assertEquals(FleetService.Outcome.REPEAT, fleet.take(K1, KEY).outcome());
    }
}
