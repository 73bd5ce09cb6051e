package org.yizhan.server.status;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.status.CaseAnswer;
import org.yizhan.storage.Database;
import org.yizhan.storage.StoreLocation;

/**
 * The hall's cases in {@code DATA/cases.db}: fed by the import and the push, read by the lookup, purged
 * {@link #RETENTION} after they finish. Writes go through one kept connection, like the ticket store's; the slow
 * hash of a new check is made before the write transaction, so no write waits for it.
 */
public final class CaseService implements AutoCloseable {
    /** A finished case is kept this long after its last step, then deleted (docs/status.md, "Retention"). */
    public static final Duration RETENTION = Duration.ofDays(90);
    /** The store's file in the server's data directory. */
    public static final String FILE = CaseSchema.FILE;
    private static final Logger LOG = LoggerFactory.getLogger(CaseService.class);

    enum Outcome { ADDED, UPDATED, UNCHANGED, SKIPPED }

    private final Database database;
    private final Database.Writer writes;
    private final Clock clock;

    private CaseService(Database database, Clock clock) {
        this.database = database;
        this.writes = database.writer();
        this.clock = clock;
    }

    /** The case store of {@code dataDir}; a new one gets the demo cases ({@link DemoCases}) when {@code demo}. */
    public static CaseService open(Path dataDir, Clock clock, boolean demo) throws IOException {
        return open(StoreLocation.sqlite(dataDir), clock, demo);
    }

    /** The case store at {@code store} (the county's: {@code DATA/cases.db} or the county namespace); as above. */
    public static CaseService open(StoreLocation store, Clock clock, boolean demo) throws IOException {
        String file = store.describe(CaseSchema.FILE);
        CaseService cases;
        Database database;
        try {
            database = store.open(CaseSchema.FILE, CaseSchema.SCHEMA, CaseSchema.POSTGRES, CaseSchema.PRAGMAS, false);
            cases = new CaseService(database, clock);
        } catch (SQLException e) {
            throw new IOException("cannot open the case store " + file + ": " + e.getMessage(), e);
        }
        boolean fresh = database.created();
        if (fresh && demo) {
            try {
                ImportReport report = cases.take(DemoCases.entries(clock));
                LOG.info("no case store yet: made {} with the demo hall's cases ({}); docs/status.md",
                        file, report.summary());
            } catch (SQLException | RuntimeException e) {
                cases.close();
                throw new IOException("cannot put the demo cases into " + file + ": " + e.getMessage(), e);
            }
        }
        return cases;
    }

    /**
     * Imports a feed file: CSV when its name ends in {@code .csv}, else JSON lines or a JSON array; UTF-8.
     *
     * @throws FeedProblem when the file as a whole cannot be read (not UTF-8, a broken array, an open quote)
     * @throws IOException when the file or the case store cannot be read or written
     */
    public ImportReport importFile(Path file) throws IOException, FeedProblem {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new FeedProblem("the file is not UTF-8 text");
        }
        boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        List<FeedEntry> entries = csv ? CsvFeed.read(text) : FeedFormat.json(text);
        try {
            return take(entries);
        } catch (SQLException e) {
            throw new IOException("the case store failed: " + e.getMessage(), e);
        }
    }

    /** Takes every readable, valid record; the others are reported with their line. */
    ImportReport take(List<FeedEntry> entries) throws SQLException {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int skipped = 0;
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        for (FeedEntry entry : entries) {
            if (entry.problem() != null) {
                rejected.add(new ImportReport.Rejected(entry.line(), entry.problem()));
                continue;
            }
            IncomingCase incoming;
            try {
                incoming = CaseFeed.read(entry.node());
            } catch (FeedProblem problem) {
                rejected.add(new ImportReport.Rejected(entry.line(), problem.getMessage()));
                continue;
            }
            switch (put(incoming)) {
                case ADDED -> added++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case SKIPPED -> skipped++;
            }
        }
        return new ImportReport(added, updated, unchanged, skipped, rejected);
    }

    /** Stores {@code incoming} unless the store has it at the same or a later step, or it finished too long ago. */
    Outcome put(IncomingCase incoming) throws SQLException {
        Instant now = clock.instant();
        if (incoming.finishedAt() != null && incoming.finishedAt().isBefore(now.minus(RETENTION))) {
            return Outcome.SKIPPED;
        }
        String number = incoming.answer().number();
        Optional<IncomingCase.Progress> stored = database.inReadTransaction(c -> CaseStore.progress(c, number));
        if (stored.isPresent() && incoming.progress().compareTo(stored.get()) <= 0) {
            return Outcome.UNCHANGED;
        }
        CheckHash.Hashed hashed = CheckHash.of(incoming.check());
        return writes.inTransaction(c -> {
            // Read again inside the write: another import may have stored a newer version meanwhile.
            Optional<IncomingCase.Progress> current = CaseStore.progress(c, number);
            if (current.isPresent() && incoming.progress().compareTo(current.get()) <= 0) {
                return Outcome.UNCHANGED;
            }
            CaseStore.put(c, incoming, hashed, now);
            return current.isPresent() ? Outcome.UPDATED : Outcome.ADDED;
        });
    }

    Optional<CaseStore.StoredCheck> check(String number) throws SQLException {
        return database.inReadTransaction(c -> CaseStore.check(c, number));
    }

    Optional<CaseAnswer> answer(String number) throws SQLException {
        return database.inReadTransaction(c -> CaseStore.answer(c, number));
    }

    /** Deletes the cases that finished more than {@link #RETENTION} ago; returns how many. */
    public int purge() throws SQLException {
        Instant before = clock.instant().minus(RETENTION);
        return writes.inTransaction(c -> CaseStore.purgeFinishedBefore(c, before));
    }

    /** Deletes one case (e.g. a demo case in a real hall); whether there was one. */
    public boolean delete(String number) throws SQLException {
        return writes.inTransaction(c -> CaseStore.delete(c, number));
    }

    public int count() throws SQLException {
        return database.inReadTransaction(CaseStore::count);
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        writes.close();
    }
}
