package org.yizhan.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.yizhan.model.Department;
import org.yizhan.model.Service;
import org.yizhan.model.Theme;

/**
 * Hands the pieces of a catalog from the thread that parses it to the thread that writes it, a few
 * batches at a time, so memory stays bounded. Either side can stop the other: a parse problem reaches
 * the writer as the exception it was, and a write failure makes the parser give up.
 */
final class CatalogPipe {
    private static final int BATCHES_AHEAD = 4;

    private sealed interface Piece permits Themes, Departments, Services, Texts, End, Failure {
    }

    private record Themes(List<Theme> themes) implements Piece {
    }

    private record Departments(List<Department> departments) implements Piece {
    }

    private record Services(List<Service> batch, List<ServiceStore.Prepared> rows, int firstPosition) implements Piece {
    }

    private record Texts(Map<String, Map<String, String>> texts) implements Piece {
    }

    private record End(CatalogMeta meta) implements Piece {
    }

    private record Failure(Exception exception) implements Piece {
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private final BlockingQueue<Piece> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private volatile boolean cancelled;

    /** Runs on the parsing thread. */
    void produce(InputStream json) {
        Piece last;
        try {
            last = new End(CatalogStream.read(json, new CatalogStream.Sink() {
                @Override
                public void themes(List<Theme> themes) {
                    put(new Themes(themes));
                }

                @Override
                public void departments(List<Department> departments) {
                    put(new Departments(departments));
                }

                @Override
                public void services(List<Service> batch, int firstPosition) {
                    // The service rows' JSON columns are written here, on the parsing thread, which has time to spare.
                    put(new Services(List.copyOf(batch), batch.stream().map(ServiceStore::prepare).toList(), firstPosition));
                }

                @Override
                public void translations(Map<String, Map<String, String>> texts) {
                    put(new Texts(texts));
                }
            }));
        } catch (Cancelled e) {
            return;
        } catch (Exception e) {
            last = new Failure(e);
        } catch (Error e) {
            last = new Failure(new IOException("the catalog could not be read: " + e, e));
        }
        try {
            put(last);
        } catch (Cancelled e) {
            // The writer has stopped; nobody is waiting for the end.
        }
    }

    /** Where the writing thread puts the pieces. */
    interface Writer {
        void themes(List<Theme> themes) throws SQLException;

        void departments(List<Department> departments) throws SQLException;

        void services(List<Service> batch, List<ServiceStore.Prepared> rows, int firstPosition) throws SQLException;

        void translations(Map<String, Map<String, String>> texts) throws SQLException;
    }

    /** Runs on the writing thread: feeds every piece to {@code sink} and returns the catalog's top-level fields. */
    CatalogMeta consume(Writer sink) throws SQLException, CatalogFormatException, IOException {
        while (true) {
            Piece piece;
            try {
                piece = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the catalog", e);
            }
            if (piece instanceof Themes t) {
                sink.themes(t.themes());
            } else if (piece instanceof Departments d) {
                sink.departments(d.departments());
            } else if (piece instanceof Services s) {
                sink.services(s.batch(), s.rows(), s.firstPosition());
            } else if (piece instanceof Texts t) {
                sink.translations(t.texts());
            } else if (piece instanceof End end) {
                return end.meta();
            } else {
                Exception e = ((Failure) piece).exception();
                if (e instanceof CatalogFormatException format) {
                    throw format;
                }
                if (e instanceof IOException io) {
                    throw io;
                }
                if (e instanceof SQLException sql) {
                    throw sql;
                }
                throw new IOException("the catalog could not be read: " + e, e);
            }
        }
    }

    /** Tells the parser to stop, e.g. because writing failed. */
    void cancel() {
        cancelled = true;
        queue.clear();
    }

    private void put(Piece piece) {
        try {
            while (!queue.offer(piece, 100, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new Cancelled();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }
}
