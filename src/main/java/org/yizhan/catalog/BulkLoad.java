package org.yizhan.catalog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;

import org.yizhan.storage.Database;
import org.yizhan.storage.Pragmas;

/**
 * A new catalog file filled in one go, without a journal or a sync per write: nobody reads the file until
 * {@link #finish} has made it durable, and a file that was never finished is thrown away, so what a
 * journal would protect cannot be seen. Writes to it are fast and single-copy.
 */
final class BulkLoad {
    private static final Pragmas PRAGMAS = new Pragmas(
            Pragmas.Journal.OFF,
            Pragmas.Synchronous.OFF,
            // CatalogStream has checked every reference before a row is written; SQLite need not look again.
            false,
            Pragmas.STANDARD.busyTimeout(),
            true,
            // Child rows arrive in catalog order, not key order: a large page cache keeps their indexes' pages at hand.
            64 * 1024);

    private BulkLoad() {
    }

    /** Creates {@code file}, which must not exist yet, with the catalog's schema, for one bulk load. */
    static Database create(Path file) throws SQLException {
        if (Files.exists(file)) {
            throw new SQLException(file + " already exists; a bulk load needs a new file");
        }
        return Database.open(file, CatalogSchema.SCHEMA, PRAGMAS);
    }

    /** Ends a bulk load: switches the file to WAL (as the cache reads it) and forces it to the disk. */
    static void finish(Path file) throws SQLException {
        CatalogCache.openExisting(file).database().inTransaction(connection -> null);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new SQLException("cannot force " + file + " to the disk", e);
        }
    }
}
