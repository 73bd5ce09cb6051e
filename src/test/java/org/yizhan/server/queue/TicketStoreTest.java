package org.yizhan.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.queue.QueueInfo;
import org.yizhan.queue.TicketState;
import org.yizhan.storage.Database;

/** Every method of TicketStore and WindowStore, written and read back (on PostgreSQL: TicketStorePostgresTest). */
class TicketStoreTest {
    static final LocalDate DAY = LocalDate.parse("2026-11-30");
    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    static final QueueDefinition HUJI = queue("huji", "A", true);
    static final QueueDefinition SHEBAO = queue("shebao", "B", false);

    @TempDir
    Path dir;
    Database db;

    static QueueDefinition queue(String id, String prefix, boolean lane) {
        return new QueueDefinition(id, prefix, id, "", new QueueInfo.Leads(null, null, null),
                new OpeningHours(Map.of()), 100, lane, "here");
    }

    @BeforeEach
    void open() throws SQLException {
        db = openDatabase();
    }

    /** The store under test: an SQLite file here, a PostgreSQL namespace in {@link TicketStorePostgresTest}. */
    Database openDatabase() throws SQLException {
        return Database.open(dir.resolve(QueueSchema.FILE), QueueSchema.SCHEMA, QueueSchema.PRAGMAS);
    }

    private Ticket insert(QueueDefinition q, boolean priority, Instant at) throws SQLException {
        return db.inTransaction(c -> TicketStore.insert(c, Ticket.issued(TicketCodes.next(), DAY, q,
                TicketStore.numbering(c, DAY, q.id()).next(), priority, "kiosk-1", at)));
    }

    private Ticket read(Ticket t) throws SQLException {
        return db.inReadTransaction(c -> TicketStore.byCode(c, t.code())).orElseThrow();
    }

    private void update(Ticket t) throws SQLException {
        db.inTransaction(c -> {
            TicketStore.update(c, t);
            return null;
        });
    }

    @Test
    void aTicketComesBackAsItWasWrittenThroughEveryChange() throws SQLException {
        Ticket issued = insert(HUJI, true, T0);
        assertTrue(issued.id() > 0);
        assertEquals(issued, read(issued));
        assertEquals("A001", issued.number());
        Ticket printed = issued.printed(T0.plusSeconds(5));
        update(printed);
        assertEquals(printed, read(printed));
        Ticket called = printed.called("3", T0.plusSeconds(60), 7);
        update(called);
        assertEquals(called, read(called));
        Ticket recalled = called.recalled();
        update(recalled);
        assertEquals(1, read(recalled).recalls());
        Ticket serving = recalled.started(T0.plusSeconds(90));
        update(serving);
        assertEquals(serving, read(serving));
        Ticket moved = serving.transferred("shebao");
        update(moved);
        assertEquals(moved, read(moved));
        assertEquals(TicketState.TRANSFERRED, read(moved).state());
        Ticket done = moved.called("4", T0.plusSeconds(200), 8).finished(TicketState.DONE, T0.plusSeconds(500));
        update(done);
        assertEquals(done, read(done));
        Ticket voided = insert(HUJI, false, T0).voided("paper_out");
        update(voided);
        assertEquals(voided, read(voided));
        assertThrows(SQLException.class, () -> update(voided.withId(9999)));
        assertEquals(Optional.empty(), db.inReadTransaction(c -> TicketStore.byCode(c, "nope")));
    }

    @Test
    void theSequenceAndTheCapCountPerQueueAndDay() throws SQLException {
        insert(HUJI, false, T0);
        Ticket second = insert(HUJI, false, T0);
        insert(SHEBAO, false, T0);
        update(second.voided("paper_out"));
        assertEquals(new TicketStore.Numbering(2, 1), db.inReadTransaction(c -> TicketStore.numbering(c, DAY, "huji")));
        assertEquals(3, db.inReadTransaction(c -> TicketStore.numbering(c, DAY, "huji")).next());
        assertEquals(1, db.inReadTransaction(c -> TicketStore.numbering(c, DAY.plusDays(1), "huji")).next());
        assertEquals(1, db.inReadTransaction(c -> TicketStore.numbering(c, DAY, "huji")).counted());
        assertEquals(Map.of("huji", 1, "shebao", 1), db.inReadTransaction(c -> TicketStore.countedByQueue(c, DAY)));
        List<Ticket> day = db.inReadTransaction(c -> TicketStore.ofDay(c, DAY));
        assertEquals(List.of("A001", "A002", "B001"), day.stream().map(Ticket::number).toList());
    }

    @Test
    void aNumberCannotBeTakenTwice() throws SQLException {
        Ticket first = insert(HUJI, false, T0);
        assertThrows(SQLException.class, () -> db.inTransaction(c -> TicketStore.insert(c,
                Ticket.issued(TicketCodes.next(), DAY, HUJI, first.seq(), false, "", T0))));
    }

    @Test
    void theSweepVoidsOnlyOldUnprintedNumbers() throws SQLException {
        Ticket old = insert(HUJI, false, T0);
        Ticket printed = insert(HUJI, false, T0);
        update(printed.printed(T0));
        Ticket fresh = insert(HUJI, false, T0.plusSeconds(100));
        assertEquals(List.of(old.code()), db.inTransaction(c -> TicketStore.voidUnprinted(c, T0.plusSeconds(60)))
                .stream().map(Ticket::code).toList());
        assertEquals(TicketState.VOIDED, read(old).state());
        assertEquals("not_printed", read(old).voidReason());
        assertEquals(TicketState.PRINTED, read(printed).state());
        assertEquals(TicketState.ISSUED, read(fresh).state());
    }

    @Test
    void theLineAheadAndTheLastCalls() throws SQLException {
        Ticket r1 = waiting(HUJI, false);
        Ticket p1 = waiting(HUJI, true);
        Ticket r2 = waiting(HUJI, false);
        Ticket p2 = waiting(HUJI, true);
        waiting(SHEBAO, false);
        assertEquals(Optional.of(r1), db.inReadTransaction(c -> TicketStore.firstWaiting(c, DAY, "huji", false)));
        assertEquals(Optional.of(p1), db.inReadTransaction(c -> TicketStore.firstWaiting(c, DAY, "huji", true)));
        assertEquals(0, (int) db.inReadTransaction(c -> TicketStore.ahead(c, p1)));
        assertEquals(1, (int) db.inReadTransaction(c -> TicketStore.ahead(c, p2)));
        assertEquals(2, (int) db.inReadTransaction(c -> TicketStore.ahead(c, r1)), "both priority tickets go first");
        assertEquals(3, (int) db.inReadTransaction(c -> TicketStore.ahead(c, r2)));
        assertEquals(Map.of("huji", 4, "shebao", 1), db.inReadTransaction(c -> TicketStore.waitingByQueue(c, DAY)));
        assertEquals(0L, (long) db.inReadTransaction(TicketStore::lastCallSeq));
        update(p1.called("1", T0, 1));
        update(r1.called("2", T0, 2));
        assertEquals(2L, (long) db.inReadTransaction(TicketStore::lastCallSeq));
        assertEquals(List.of(false, true), db.inReadTransaction(c -> TicketStore.lastCalls(c, DAY, "huji", 5)));
        assertEquals(Optional.of(p1.called("1", T0, 1)), db.inReadTransaction(c -> TicketStore.atWindow(c, "1")));
        assertEquals(Optional.empty(), db.inReadTransaction(c -> TicketStore.atWindow(c, "9")));
    }

    @Test
    void recentServiceTimesRunFromCallToDone() throws SQLException {
        Ticket a = waiting(SHEBAO, false);
        update(a.called("1", T0, 1).finished(TicketState.DONE, T0.plusSeconds(300)));
        Ticket b = waiting(SHEBAO, false);
        update(b.called("1", T0.plusSeconds(300), 2).finished(TicketState.NO_SHOW, T0.plusSeconds(400)));
        assertEquals(List.of(300_000L), db.inReadTransaction(c ->
                TicketStore.recentServiceMillis(c, "shebao", T0, 20)));
        assertEquals(List.of(), db.inReadTransaction(c ->
                TicketStore.recentServiceMillis(c, "shebao", T0.plusSeconds(301), 20)));
    }

    @Test
    void windowsSignInChangeTheirQueuesAndSignOut() throws SQLException {
        CounterWindow three = new CounterWindow("3", List.of("huji", "shebao"), T0);
        db.inTransaction(c -> {
            WindowStore.signIn(c, three);
            WindowStore.signIn(c, new CounterWindow("1", List.of("huji"), T0));
            return null;
        });
        assertEquals(Optional.of(three), db.inReadTransaction(c -> WindowStore.find(c, "3")));
        db.inTransaction(c -> {
            WindowStore.signIn(c, new CounterWindow("3", List.of("zonghe"), T0.plusSeconds(60)));
            return null;
        });
        assertEquals(List.of(new CounterWindow("1", List.of("huji"), T0), new CounterWindow("3", List.of("zonghe"), T0)),
                db.inReadTransaction(WindowStore::all));
        assertEquals(true, db.inTransaction(c -> WindowStore.signOut(c, "3")));
        assertEquals(false, db.inTransaction(c -> WindowStore.signOut(c, "3")));
        assertEquals(Optional.empty(), db.inReadTransaction(c -> WindowStore.find(c, "3")));
    }

    private Ticket waiting(QueueDefinition q, boolean priority) throws SQLException {
        Ticket t = insert(q, priority, T0).printed(T0);
        update(t);
        return t;
    }

    @Test
    void theUnprintedAreTheIssuedOnesBeforeTheCutOldestFirstAndAreVoidedTogether() throws SQLException {
        Ticket first = insert(HUJI, false, T0);
        Ticket printed = insert(SHEBAO, false, T0.plusSeconds(1));
        update(printed.printed(T0.plusSeconds(2)));
        Ticket second = insert(SHEBAO, true, T0.plusSeconds(3));
        Ticket fresh = insert(HUJI, false, T0.plusSeconds(120));
        Instant cut = T0.plusSeconds(60);
        List<Ticket> voided = db.inTransaction(c -> TicketStore.voidUnprinted(c, cut));
        assertEquals(List.of(first.code(), second.code()), voided.stream().map(Ticket::code).toList());
        assertEquals(List.of(first, second), voided, "each as it was before the sweep");
        assertEquals(TicketState.VOIDED, read(first).state());
        assertEquals(TicketState.VOIDED, read(second).state());
        assertEquals(TicketState.PRINTED, read(printed).state());
        assertEquals(TicketState.ISSUED, read(fresh).state());
        assertEquals(List.of(), db.inTransaction(c -> TicketStore.voidUnprinted(c, cut)));
    }

    @Test
    void eventsComeBackByDayInIdOrderAndThePurgeNeverLetsAnIdComeAgain() throws SQLException {
        LocalDate yesterday = DAY.minusDays(1);
        db.inTransaction(c -> {
            EventStore.append(c, yesterday, "{\"type\":\"ticket.issued\",\"n\":1}");
            EventStore.append(c, yesterday, "{\"type\":\"ticket.issued\",\"n\":2}");
            return null;
        });
        List<QueueEvent> old = db.inReadTransaction(c -> EventStore.after(c, yesterday, 0));
        assertEquals(2, old.size());
        assertTrue(old.get(0).id() < old.get(1).id());
        assertEquals(List.of(old.get(1)), db.inReadTransaction(c -> EventStore.after(c, yesterday, old.get(0).id())));
        assertEquals(List.of(), db.inReadTransaction(c -> EventStore.after(c, DAY, 0)));

        // A quiet morning: the purge runs before the day's first event, and keeps the newest row for its id.
        int purged = db.inTransaction(c -> EventStore.purgeBefore(c, DAY));
        assertEquals(1, purged);
        db.inTransaction(c -> {
            EventStore.append(c, DAY, "{\"type\":\"ticket.issued\",\"n\":1}");
            return null;
        });
        List<QueueEvent> today = db.inReadTransaction(c -> EventStore.after(c, DAY, 0));
        assertEquals(1, today.size());
        assertTrue(today.get(0).id() > old.get(1).id(), "an id a stream was given came again: " + today);
        purged = db.inTransaction(c -> EventStore.purgeBefore(c, DAY));
        assertEquals(1, purged);
        assertEquals(List.of(), db.inReadTransaction(c -> EventStore.after(c, yesterday, 0)));
        assertEquals(today, db.inReadTransaction(c -> EventStore.after(c, DAY, 0)));
    }

    @Test
    void aRequestIsRecordedOnceFoundByItsKeyAndPurgedByAge() throws SQLException {
        db.inTransaction(c -> {
            RequestStore.record(c, "k1", "printed A7xK", "{\"n\":1}", T0);
            RequestStore.record(c, "k2", "void A7xK", "{\"n\":2}", T0.plusSeconds(60));
            return null;
        });
        assertEquals(Optional.of(new RequestStore.Recorded("printed A7xK", "{\"n\":1}")),
                db.inReadTransaction(c -> RequestStore.find(c, "k1")));
        assertThrows(SQLException.class, () -> db.inTransaction(c -> {
            RequestStore.record(c, "k1", "printed A7xK", "{}", T0);
            return null;
        }));
        assertEquals(1, (int) db.inTransaction(c -> RequestStore.purgeBefore(c, T0.plusSeconds(30))));
        assertEquals(Optional.empty(), db.inReadTransaction(c -> RequestStore.find(c, "k1")));
        assertTrue(db.inReadTransaction(c -> RequestStore.find(c, "k2")).isPresent());
    }

    @Test
    void aWindowPausesAndResumes() throws SQLException {
        db.inTransaction(c -> {
            WindowStore.signIn(c, new CounterWindow("2", List.of("huji"), T0));
            return null;
        });
        assertEquals(true, db.inTransaction(c -> WindowStore.pause(c, "2", T0.plusSeconds(5))));
        assertEquals(T0.plusSeconds(5), db.inReadTransaction(c -> WindowStore.find(c, "2")).orElseThrow().pausedAt());
        assertEquals(true, db.inTransaction(c -> WindowStore.pause(c, "2", null)));
        assertEquals(null, db.inReadTransaction(c -> WindowStore.find(c, "2")).orElseThrow().pausedAt());
        assertEquals(false, db.inTransaction(c -> WindowStore.pause(c, "9", T0)));
    }
}
