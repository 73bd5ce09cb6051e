package org.yizhan.outbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.storage.Database;

/**
 * The one way the kiosk tells its hall server anything that must arrive (docs/architecture.md, "The outbox"):
 * a message is written here, on the disk, before the act it records is shown as done, and the
 * {@link OutboxSender} removes it only once the server has answered it. Each kind is one line, sent in order.
 *
 * <p>A message may be <em>held</em> while its act is under way (a ticket printing): it is on the disk but not
 * sent until {@link #release released}, or {@link #replace replaced} when the act failed. A kiosk killed
 * mid-act leaves it held; the next start releases it, so a ticket that may have come out is reported printed
 * (a number nobody holds is only a no-show; a number in a hand that the hall forgot is a citizen who waits in
 * vain).
 *
 * <p>Bounded by {@code maxMessages} (outbox.max-messages): when full, the oldest droppable messages
 * (heartbeats) go first; a ticket's confirmation or a rating is never dropped, and while those alone fill it
 * {@link #full} tells the screens to stop giving numbers. A heartbeat is only worth its latest: a new one replaces
 * the one still waiting, in the same transaction, so a kiosk offline for a week holds one, not 10,000.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** A hold older than this is let go: no print takes so long, so its act ended without a word (a bug, a disk). */
    public static final Duration HOLD_LIMIT = Duration.ofMinutes(2);
    private static final String COLUMNS = """
            id, key, kind, path, body, droppable, created_at, attempts, next_try_at, last_error, held, refused""";

    private final Database.Writer writes;
    private final Database.Reader reads;
    private final int maxMessages;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile int kept;
    private volatile int total;
    private volatile int aside;

    private Outbox(Database database, int maxMessages, Clock clock) {
        this.writes = database.writer();
        this.reads = database.reader();
        this.maxMessages = maxMessages;
        this.clock = clock;
    }

    /**
     * Opens {@code dataDir/outbox.db} and lets go of the holds a previous run left: the acts they waited on
     * ended with that run.
     */
    public static Outbox open(Path dataDir, int maxMessages, Clock clock) throws OutboxFailure {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be at least 1: " + maxMessages);
        }
        Path file = dataDir.resolve(OutboxSchema.FILE);
        Outbox outbox;
        try {
            outbox = new Outbox(Database.open(file, OutboxSchema.SCHEMA, OutboxSchema.PRAGMAS), maxMessages, clock);
        } catch (SQLException e) {
            throw new OutboxFailure("cannot open the outbox " + file + ": " + e.getMessage(), e);
        }
        int released;
        try {
            released = outbox.write("open", c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE messages SET held = 0 WHERE held = 1")) {
                    return s.executeUpdate();
                }
            });
        } catch (OutboxFailure e) {
            outbox.close();
            throw e;
        }
        if (released > 0) {
            LOG.warn("the outbox had {} message(s) held by a kiosk that stopped mid-act (a ticket printing): they "
                    + "are sent now, as if the act was done", released);
        }
        return outbox;
    }

    /** Adds a message, on the disk when this returns; empty when it was droppable and the outbox is full. */
    public Optional<OutboxMessage> add(Draft draft) throws OutboxFailure {
        return write("add", c -> insert(c, draft, false)).map(this::announce);
    }

    /**
     * Adds a message that is not sent until {@link #release}d (or {@link #replace}d): on the disk when this
     * returns, before the act it records begins.
     */
    public long hold(Draft draft) throws OutboxFailure {
        if (draft.droppable()) {
            throw new IllegalArgumentException("only a message that must arrive is held");
        }
        return write("hold", c -> insert(c, draft, true)).orElseThrow().id();
    }

    /** The act is done: the held message may go. */
    public void release(long id) throws OutboxFailure {
        write("release", c -> update(c, "UPDATE messages SET held = 0 WHERE id = ?", id));
        changed();
    }

    /** The act failed: the held message becomes {@code instead} (a void for a print), in one step. */
    public OutboxMessage replace(long heldId, Draft instead) throws OutboxFailure {
        OutboxMessage message = write("replace", c -> {
            update(c, "DELETE FROM messages WHERE id = ?", heldId);
            return insert(c, instead, false);
        }).orElseThrow();
        return announce(message);
    }

    /**
     * The head of each kind's line whose time has come at {@code now}, oldest first; held messages are skipped
     * (but one held longer than {@link #HOLD_LIMIT} is sent) and kept-aside ones are out of the line.
     */
    public List<OutboxMessage> due(Instant now) throws OutboxFailure {
        return heads(now).stream().filter(m -> !m.nextTryAt().isAfter(now)).toList();
    }

    /** When the next head is due: empty when nothing waits but held or kept-aside messages. */
    public Optional<Instant> nextTry() throws OutboxFailure {
        return heads(clock.instant()).stream().map(OutboxMessage::nextTryAt).min(Instant::compareTo);
    }

    /** The server answered it: it is gone. */
    public void delivered(long id) throws OutboxFailure {
        write("delivered", c -> update(c, "DELETE FROM messages WHERE id = ?", id));
    }

    /** It did not reach the server, or the server asked to wait: tried again at {@code next}. */
    public void retryLater(long id, String error, Instant next) throws OutboxFailure {
        write("retry", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE messages SET attempts = attempts + 1, last_error = ?, next_try_at = ? WHERE id = ?")) {
                s.setString(1, excerpt(error));
                s.setLong(2, next.toEpochMilli());
                s.setLong(3, id);
                return s.executeUpdate();
            }
        });
    }

    /** The server refused it for good: kept aside with {@code reason}, out of its line, never dropped. */
    public void refuse(long id, String reason) throws OutboxFailure {
        write("refuse", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE messages SET attempts = attempts + 1, refused = ?, last_error = ? WHERE id = ?")) {
                s.setString(1, excerpt(reason));
                s.setString(2, excerpt(reason));
                s.setLong(3, id);
                return s.executeUpdate();
            }
        });
    }

    /** The messages the server refused for good, oldest first, for the technician. */
    public List<OutboxMessage> keptAside() throws OutboxFailure {
        return read("kept aside", "SELECT " + COLUMNS + " FROM messages WHERE refused IS NOT NULL ORDER BY id");
    }

    /** Every message still to send (held ones too), oldest first. */
    public List<OutboxMessage> pending() throws OutboxFailure {
        return read("pending", "SELECT " + COLUMNS + " FROM messages WHERE refused IS NULL ORDER BY id");
    }

    /** Whether messages that must arrive fill the outbox: then nothing that makes one (a number) should be done. */
    public boolean full() {
        return kept >= maxMessages;
    }

    /** Messages in the outbox, kept-aside ones included. */
    public int size() {
        return total;
    }

    /** Messages that must arrive (tickets, ratings) still to send, held ones too: the backlog, for the heartbeat. */
    public int waiting() {
        return kept;
    }

    /** Messages the server refused for good, without reading them (for the heartbeat). */
    public int keptAsideCount() {
        return aside;
    }

    /** {@code listener} runs (on the writer's thread) after a message became ready to send. */
    public void onReady(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        writes.close();
        reads.close();
    }

    private List<OutboxMessage> heads(Instant now) throws OutboxFailure {
        return read("heads", "SELECT " + COLUMNS + " FROM messages WHERE id IN (SELECT min(id) FROM messages"
                + " WHERE refused IS NULL AND (held = 0 OR created_at < ?) GROUP BY kind) ORDER BY next_try_at, id",
                now.minus(HOLD_LIMIT).toEpochMilli());
    }

    private Optional<OutboxMessage> insert(Connection c, Draft draft, boolean held) throws SQLException {
        int[] counts = counts(c);
        if (counts[0] >= maxMessages) {
            int dropped = dropOldestDroppable(c, counts[0] - maxMessages + 1);
            if (dropped > 0) {
                LOG.warn("the outbox is full ({} messages): dropped the {} oldest heartbeat(s)", counts[0], dropped);
            }
            if (counts[0] - dropped >= maxMessages) {
                if (draft.droppable()) {
                    LOG.warn("the outbox is full of messages that must arrive: a {} is not kept", draft.kind());
                    return Optional.empty();
                }
                LOG.error("the outbox holds {} messages that must arrive (outbox.max-messages={}): kept anyway; "
                        + "is the hall server reachable?", counts[0] - dropped, maxMessages);
            }
        }
        Instant now = clock.instant();
        String key = UUID.randomUUID().toString().replace("-", "");
        long id;
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO messages (key, kind, path, body, droppable, created_at, next_try_at, held)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, key);
            s.setString(2, draft.kind());
            s.setString(3, draft.path());
            s.setString(4, draft.body());
            s.setInt(5, draft.droppable() ? 1 : 0);
            s.setLong(6, now.toEpochMilli());
            s.setLong(7, now.toEpochMilli());
            s.setInt(8, held ? 1 : 0);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet row = s.executeQuery()) {
            id = row.getLong(1);
        }
        if (draft.onlyLatest()) {
            replaceEarlier(c, draft.kind(), id);
        }
        return Optional.of(new OutboxMessage(id, key, draft.kind(), draft.path(), draft.body(), draft.droppable(), now,
                0, now, null, held, null));
    }

    /**
     * After a message that is only worth its latest: the earlier ones of its kind still waiting go, and of those
     * kept aside only the newest stays (the technician sees why the server refused them, not a pile of them).
     * Deleted after the insert, not before, so the new message never takes the id of one the sender may be
     * sending: its answer would otherwise delete the new one.
     */
    private static void replaceEarlier(Connection c, String kind, long newId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM messages WHERE kind = ? AND held = 0 AND id < ? AND ("
                + "refused IS NULL OR id < (SELECT max(id) FROM messages WHERE kind = ? AND refused IS NOT NULL))")) {
            s.setString(1, kind);
            s.setLong(2, newId);
            s.setString(3, kind);
            s.executeUpdate();
        }
    }

    private static int dropOldestDroppable(Connection c, int howMany) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM messages WHERE id IN (SELECT id FROM messages"
                + " WHERE droppable = 1 ORDER BY id LIMIT ?)")) {
            s.setInt(1, howMany);
            return s.executeUpdate();
        }
    }

    /**
     * All messages, those still to send that must arrive (kept-aside ones do not stop the numbers), and those
     * kept aside.
     */
    private static int[] counts(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*), coalesce(sum(droppable = 0 AND refused IS NULL),"
                + " 0), coalesce(sum(refused IS NOT NULL), 0) FROM messages");
             ResultSet row = s.executeQuery()) {
            return new int[] {row.getInt(1), row.getInt(2), row.getInt(3)};
        }
    }

    private static int update(Connection c, String sql, long value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, value);
            return s.executeUpdate();
        }
    }

    private OutboxMessage announce(OutboxMessage message) {
        if (!message.held()) {
            changed();
        }
        return message;
    }

    private void changed() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    private <T> T write(String what, Database.Work<T> work) throws OutboxFailure {
        try {
            return writes.inTransaction(c -> {
                T result = work.run(c);
                int[] counts = counts(c);
                total = counts[0];
                kept = counts[1];
                aside = counts[2];
                return result;
            });
        } catch (SQLException e) {
            throw new OutboxFailure("the outbox could not " + what + ": " + e.getMessage(), e);
        }
    }

    private List<OutboxMessage> read(String what, String sql, long... values) throws OutboxFailure {
        try {
            return reads.inReadTransaction(c -> {
                List<OutboxMessage> messages = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    for (int i = 0; i < values.length; i++) {
                        s.setLong(i + 1, values[i]);
                    }
                    ResultSet row = s.executeQuery();
                    while (row.next()) {
                        messages.add(new OutboxMessage(row.getLong("id"), row.getString("key"), row.getString("kind"),
                                row.getString("path"), row.getString("body"), row.getInt("droppable") == 1,
                                Instant.ofEpochMilli(row.getLong("created_at")), row.getInt("attempts"),
                                Instant.ofEpochMilli(row.getLong("next_try_at")), row.getString("last_error"),
                                row.getInt("held") == 1, row.getString("refused")));
                    }
                }
                return messages;
            });
        } catch (SQLException e) {
            throw new OutboxFailure("the outbox could not read its " + what + ": " + e.getMessage(), e);
        }
    }

    private static String excerpt(String text) {
        String line = String.valueOf(text).replaceAll("\\s+", " ").strip();
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }
}
