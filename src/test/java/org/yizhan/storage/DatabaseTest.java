package org.yizhan.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The helper every store stands on, with a store of notes that grew over three releases. */
class DatabaseTest {
    private static final String NOTES = """
            CREATE TABLE note (
                id   INTEGER PRIMARY KEY,
                text TEXT    NOT NULL
            ) STRICT;
            """;
    private static final String TAGS = """
            CREATE TABLE tag (
                note_id INTEGER NOT NULL REFERENCES note (id),
                name    TEXT    NOT NULL
            ) STRICT;
            """;
    /** Needs both tables above: it runs after them or not at all. */
    private static final String WELCOME = """
            INSERT INTO note (id, text) VALUES (1, '欢迎');
            INSERT INTO tag (note_id, name) VALUES (1, 'first');
            """;
    private static final Schema FIRST_RELEASE = new Schema("note store", List.of(NOTES));
    private static final Schema LATEST = new Schema("note store", List.of(NOTES, TAGS, WELCOME));

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("notes.db");
    }

    @Test
    void aNewFileGetsEveryMigrationInOrder() throws Exception {
        Path file = dir.resolve("sub/dir/notes.db");
        Database database = Database.open(file, LATEST, Pragmas.STANDARD);
        assertTrue(Files.isRegularFile(file), "missing directories are created");
        assertEquals(3, database.schemaVersion());
        assertEquals(List.of("欢迎"), notes(database));
        assertEquals(1, count(database, "tag"));
    }

    @Test
    void anOlderFileGetsOnlyTheMigrationsItHasNotSeen() throws Exception {
        Database first = Database.open(file(), FIRST_RELEASE, Pragmas.STANDARD);
        first.inTransaction(connection -> update(connection, "INSERT INTO note (id, text) VALUES (2, '留着')"));
        assertEquals(1, first.schemaVersion());

        Database latest = Database.open(file(), LATEST, Pragmas.STANDARD);
        assertEquals(3, latest.schemaVersion());
        assertEquals(List.of("欢迎", "留着"), notes(latest));
    }

    @Test
    void reopeningRunsNoMigrationTwice() throws Exception {
        Database.open(file(), LATEST, Pragmas.STANDARD);
        Database again = Database.open(file(), LATEST, Pragmas.STANDARD);
        assertEquals(3, again.schemaVersion());
        assertEquals(List.of("欢迎"), notes(again), "WELCOME ran once");
    }

    @Test
    void aFailingMigrationChangesNothing() throws Exception {
        Database.open(file(), FIRST_RELEASE, Pragmas.STANDARD);
        Schema broken = new Schema("note store", List.of(NOTES, TAGS, "CREATE TABLE broken (;"));
        assertThrows(SQLException.class, () -> Database.open(file(), broken, Pragmas.STANDARD));

        Database database = Database.open(file(), FIRST_RELEASE, Pragmas.STANDARD);
        assertEquals(1, database.schemaVersion());
        assertThrows(SQLException.class, () -> count(database, "tag"), "TAGS was rolled back with the broken block");
    }

    @Test
    void aNewFileWhoseMigrationsFailIsLeftEmpty() throws Exception {
        Schema broken = new Schema("note store", List.of(NOTES, "CREATE TABLE broken (;"));
        assertThrows(SQLException.class, () -> Database.open(file(), broken, Pragmas.STANDARD));

        Database untouched = Database.open(file(), new Schema("note store", List.of()), Pragmas.STANDARD);
        assertEquals(0, untouched.schemaVersion());
        assertThrows(SQLException.class, () -> count(untouched, "note"));
    }

    @Test
    void aFileFromANewerSchemaIsRefusedAndLeftAlone() throws Exception {
        Database.open(file(), LATEST, Pragmas.STANDARD);
        SQLException e = assertThrows(SQLException.class, () -> Database.open(file(), FIRST_RELEASE, Pragmas.STANDARD));
        assertEquals("the note store has schema version 3 but this version of Yizhan knows only up to 1; "
                + "it was written by a newer Yizhan", e.getMessage());
        assertEquals(List.of("欢迎"), notes(Database.open(file(), LATEST, Pragmas.STANDARD)));
    }

    @Test
    void standardConnectionsUseWalForeignKeysFullSyncAndABusyTimeout() throws Exception {
        Database database = Database.open(file(), LATEST, Pragmas.STANDARD);
        for (boolean write : new boolean[] {false, true}) {
            Database.Work<Void> check = connection -> {
                assertEquals("wal", pragma(connection, "journal_mode"));
                assertEquals("1", pragma(connection, "foreign_keys"));
                assertEquals("2", pragma(connection, "synchronous"), "FULL");
                assertEquals("5000", pragma(connection, "busy_timeout"));
                assertEquals("normal", pragma(connection, "locking_mode"));
                return null;
            };
            if (write) {
                database.inTransaction(check);
            } else {
                database.inReadTransaction(check);
            }
        }
        assertThrows(SQLException.class, () -> database.inTransaction(
                connection -> update(connection, "INSERT INTO tag (note_id, name) VALUES (99, 'nowhere')")),
                "foreign keys are enforced");
    }

    @ParameterizedTest
    @EnumSource(Pragmas.Synchronous.class)
    void eachStoreChoosesHowFarACommitReachesTheDisk(Pragmas.Synchronous level) throws Exception {
        Database database = Database.open(file(), LATEST, Pragmas.STANDARD.withSynchronous(level));
        String expected = String.valueOf(level.ordinal());
        assertEquals(expected, database.inTransaction(connection -> pragma(connection, "synchronous")));
        assertEquals(expected, database.inReadTransaction(connection -> pragma(connection, "synchronous")));
    }

    @Test
    void everyPragmaOfAStoreIsInForce() throws Exception {
        Pragmas bulk = new Pragmas(Pragmas.Journal.OFF, Pragmas.Synchronous.OFF, false, Duration.ofMillis(1234),
                true, 64 * 1024);
        Database database = Database.open(file(), LATEST, bulk);
        database.inTransaction(connection -> {
            assertEquals("off", pragma(connection, "journal_mode"));
            assertEquals("0", pragma(connection, "synchronous"));
            assertEquals("0", pragma(connection, "foreign_keys"));
            assertEquals("1234", pragma(connection, "busy_timeout"));
            assertEquals("exclusive", pragma(connection, "locking_mode"));
            assertEquals("-65536", pragma(connection, "cache_size"));
            return null;
        });
    }

    @Test
    void aWriterGivesUpAfterTheBusyTimeout() throws Exception {
        Database database = Database.open(file(), LATEST, Pragmas.STANDARD.withBusyTimeout(Duration.ofMillis(300)));
        SQLException busy = database.inTransaction(holder -> {
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> database.inTransaction(connection -> null));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waited >= 250, "gave up after " + waited + " ms, before the busy timeout");
            return e;
        });
        assertTrue(busy.getMessage().contains("SQLITE_BUSY"), busy.getMessage());
        assertFalse(Database.isCorruption(busy), "a lock in the way is not damage");
    }

    @Test
    void aWriterWaitsForAnotherToCommit() throws Exception {
        Database database = Database.open(file(), LATEST, Pragmas.STANDARD);
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try {
                database.inTransaction(connection -> {
                    update(connection, "INSERT INTO note (id, text) VALUES (2, '先')");
                    holding.countDown();
                    pause(300);
                    return null;
                });
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        database.inTransaction(connection -> update(connection, "INSERT INTO note (id, text) VALUES (3, '后')"));
        first.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("欢迎", "先", "后"), notes(database));
    }

    @Test
    void inTransactionCommitsAndReturnsTheResult() throws Exception {
        Database database = Database.open(file(), LATEST, Pragmas.STANDARD);
        String result = database.inTransaction(connection -> {
            update(connection, "INSERT INTO note (id, text) VALUES (2, '办完')");
            return "done";
        });
        assertEquals("done", result);
        assertEquals(List.of("欢迎", "办完"), notes(database));
    }

    @Test
    void aUnitOfWorkThatThrowsIsRolledBackAndItsExceptionPassesThrough() throws Exception {
        Database database = Database.open(file(), LATEST, Pragmas.STANDARD);
        IllegalStateException powerCut = new IllegalStateException("power cut");
        assertSame(powerCut, assertThrows(IllegalStateException.class, () -> database.inTransaction(connection -> {
            update(connection, "INSERT INTO note (id, text) VALUES (2, '半截')");
            throw powerCut;
        })));
        assertThrows(SQLException.class, () -> database.inTransaction(connection -> {
            update(connection, "INSERT INTO note (id, text) VALUES (3, '半截')");
            return update(connection, "INSERT INTO note (id, text) VALUES (1, '重复')");
        }));
        assertEquals(List.of("欢迎"), notes(database));
    }

    @Test
    void aReadTransactionKeepsItsSnapshotWhileAWriterCommits() throws Exception {
        Database database = Database.open(file(), LATEST, Pragmas.STANDARD);
        database.inReadTransaction(connection -> {
            assertEquals(1, count(connection, "note"));
            database.inTransaction(writer -> update(writer, "INSERT INTO note (id, text) VALUES (2, '新')"));
            assertEquals(1, count(connection, "note"), "the reader's snapshot");
            return null;
        });
        assertEquals(2, count(database, "note"));
    }

    @Test
    void openExistingRefusesAMissingFileAndCreatesNone() {
        SQLException e = assertThrows(SQLException.class,
                () -> Database.openExisting(file(), LATEST, Pragmas.STANDARD));
        assertEquals(file() + " does not exist", e.getMessage());
        assertFalse(Files.exists(file()));
    }

    @Test
    void openExistingOpensAFileThatIsThere() throws Exception {
        Database.open(file(), LATEST, Pragmas.STANDARD);
        Database database = Database.openExisting(file(), LATEST, Pragmas.STANDARD);
        assertEquals(List.of("欢迎"), notes(database));
        assertEquals("ok", database.quickCheck());
    }

    @Test
    void aFileThatIsNotADatabaseIsCorruption() throws Exception {
        Files.writeString(file(), "这不是数据库 ".repeat(500), StandardCharsets.UTF_8);
        SQLException e = assertThrows(SQLException.class, () -> Database.openExisting(file(), LATEST, Pragmas.STANDARD));
        assertTrue(Database.isCorruption(e), e.getMessage());
        assertFalse(Database.isCorruption(new SQLException("disk I/O error")));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> notes(Database database) throws SQLException {
        return database.inReadTransaction(connection ->
                Rows.readAll(connection, "SELECT text FROM note ORDER BY id", row -> row.getString("text")));
    }

    private static long count(Database database, String table) throws SQLException {
        return database.inReadTransaction(connection -> count(connection, table));
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT count(*) FROM " + table)) {
            return row.getLong(1);
        }
    }

    private static Void update(Connection connection, String sql) throws SQLException {
        Rows.execute(connection, sql);
        return null;
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             var row = statement.executeQuery("PRAGMA " + name)) {
            return row.getString(1);
        }
    }
}
