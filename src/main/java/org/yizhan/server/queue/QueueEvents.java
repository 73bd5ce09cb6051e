package org.yizhan.server.queue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.storage.Database;

/**
 * The business day's events, as the event stream hands them out: read from the ticket store after each commit while
 * a stream is open (so an event goes out exactly when its change is on disk, whichever batch it was written in) and
 * when one opens, kept for the day so a stream that reconnects with its last id gets exactly what it missed, and
 * passed to the open streams.
 */
public final class QueueEvents {
    private static final Logger LOG = LoggerFactory.getLogger(QueueEvents.class);

    private final Database.Reader database;
    private final Supplier<LocalDate> today;
    private final LongSupplier commits;
    /** The writer's commits that the last read of the store came after: a write in one of them needs no new read. */
    private volatile long readAfterCommits = -1;
    private final List<QueueEvent> day = new ArrayList<>();
    /** Copied on change: a stream leaves (from the engine's thread) without the lock its events are sent under. */
    private final List<Consumer<List<QueueEvent>>> listeners = new CopyOnWriteArrayList<>();
    private LocalDate dayOf;
    private long lastId;

    QueueEvents(Database database, Supplier<LocalDate> today, LongSupplier commits) {
        this.database = database.reader();
        this.today = today;
        this.commits = commits;
    }

    /**
     * After a write that returned when the writer had made {@code commitsSeen} commits: reads what was committed
     * since the last read and passes it on, unless a read already began after that commit (the other writes of
     * the same batch, most of the time under load).
     */
    void changed(long commitsSeen) {
        if (commitsSeen <= readAfterCommits) {
            return;
        }
        synchronized (this) {
            // With no stream open the read waits for the next subscriber, whose read (under this lock) catches up.
            if (commitsSeen <= readAfterCommits || listeners.isEmpty()) {
                return;
            }
            read();
        }
    }

    /**
     * Another server wrote this hall's ticket store (PostgreSQL's notice), or the notices were lost for a while:
     * reads what is new, if a stream is open, whatever this server's own writer counted.
     */
    public void writtenElsewhere() {
        synchronized (this) {
            if (!listeners.isEmpty()) {
                read();
            }
        }
    }

    private synchronized void read() {
        // Taken before the read begins: every commit counted here is in what the read sees.
        readAfterCommits = commits.getAsLong();
        try {
            LocalDate date = today.get();
            if (!date.equals(dayOf)) {
                day.clear();
                dayOf = date;
                lastId = 0;
            }
            List<QueueEvent> fresh = database.inReadTransaction(c -> EventStore.after(c, date, lastId));
            if (fresh.isEmpty()) {
                return;
            }
            day.addAll(fresh);
            lastId = fresh.get(fresh.size() - 1).id();
            for (Consumer<List<QueueEvent>> listener : listeners) {
                listener.accept(fresh);
            }
        } catch (SQLException | RuntimeException e) {
            // The events stay in the store: the next write, or the next reconnect, brings them.
            readAfterCommits = -1;
            LOG.warn("could not read the queue's new events: {}", e.toString());
        }
    }

    /**
     * Subscribes {@code listener} to every event after {@code afterId} (-1: from now on); returns the ones already
     * there, which the listener does not get again. An id above the day's last (a new ticket store) gets the whole day.
     */
    public synchronized List<QueueEvent> subscribe(long afterId, Consumer<List<QueueEvent>> listener) {
        read();
        listeners.add(listener);
        return afterId < 0 ? List.of() : after(afterId);
    }

    public void unsubscribe(Consumer<List<QueueEvent>> listener) {
        listeners.remove(listener);
    }

    void close() {
        database.close();
    }

    /** The id of the day's last event, 0 before the first. */
    public synchronized long lastId() {
        return lastId;
    }

    private List<QueueEvent> after(long afterId) {
        if (afterId >= lastId) {
            return afterId == lastId ? List.of() : List.copyOf(day);
        }
        int from = 0;
        int to = day.size();
        while (from < to) {
            int middle = (from + to) >>> 1;
            if (day.get(middle).id() <= afterId) {
                from = middle + 1;
            } else {
                to = middle;
            }
        }
        return List.copyOf(day.subList(from, day.size()));
    }
}
