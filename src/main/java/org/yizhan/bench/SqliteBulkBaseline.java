package org.yizhan.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The sync benchmark's yardstick: what SQLite alone takes to load the rows a sync produced. Every table of
 * the synced cache file is copied, row for row, into bare tables (the same columns, no keys or constraints)
 * of a new file, in one transaction with one prepared statement per table; the cache's indexes (its keys and
 * unique columns included) are built at the end, and the file is forced to the disk as an install forces
 * its own. The new file gets the settings a sync's own bulk load has (no journal, no sync per write, an
 * exclusive lock, a 64 MiB page cache), so that the yardstick is the fastest SQLite does, not a handicap. Only SQLite's work is timed: the rows are read out of the synced file beforehand, a chunk at a
 * time so that the heap stays small, with the clock stopped.
 */
final class SqliteBulkBaseline {
    private static final int CHUNK = 20_000;

    private record Index(String table, boolean unique, List<String> columns) {
    }

    private SqliteBulkBaseline() {
    }

    /** Seconds to load every row of {@code source} into a new file {@code target}. */
    static double seconds(Path source, Path target) throws SQLException, IOException {
        try (Connection from = DriverManager.getConnection("jdbc:sqlite:" + source);
             Connection to = DriverManager.getConnection("jdbc:sqlite:" + target)) {
            List<String> tables = tables(from);
            List<Index> indexes = new ArrayList<>();
            for (String table : tables) {
                indexes.addAll(indexes(from, table));
            }
            long nanos = 0;
            long start = System.nanoTime();
            try (Statement pragmas = to.createStatement()) {
                pragmas.execute("PRAGMA journal_mode = OFF");
                pragmas.execute("PRAGMA synchronous = OFF");
                pragmas.execute("PRAGMA locking_mode = EXCLUSIVE");
                pragmas.execute("PRAGMA cache_size = -65536");
            }
            to.setAutoCommit(false);
            try (Statement ddl = to.createStatement()) {
                for (String table : tables) {
                    ddl.execute("CREATE TABLE " + quote(table) + " (" + String.join(", ", columns(from, table)) + ")");
                }
            }
            nanos += System.nanoTime() - start;
            for (String table : tables) {
                nanos += copy(from, to, table);
            }
            start = System.nanoTime();
            try (Statement ddl = to.createStatement()) {
                int n = 0;
                for (Index index : indexes) {
                    ddl.execute("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX bulk_" + n++ + " ON "
                            + quote(index.table()) + " (" + String.join(", ", index.columns()) + ")");
                }
            }
            to.commit();
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            return (nanos + System.nanoTime() - start) / 1e9;
        }
    }

    /** Copies one table a chunk at a time; returns the nanoseconds spent inserting, not reading. */
    private static long copy(Connection from, Connection to, String table) throws SQLException {
        List<String> columns = columns(from, table);
        String insert = "INSERT INTO " + quote(table) + " VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
        long nanos = 0;
        try (Statement select = from.createStatement();
             ResultSet rows = select.executeQuery("SELECT * FROM " + quote(table) + " ORDER BY rowid");
             PreparedStatement statement = to.prepareStatement(insert)) {
            List<Object[]> chunk = new ArrayList<>(CHUNK);
            boolean more = true;
            while (more) {
                chunk.clear();
                while (chunk.size() < CHUNK && (more = rows.next())) {
                    Object[] row = new Object[columns.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = rows.getObject(c + 1);
                    }
                    chunk.add(row);
                }
                long start = System.nanoTime();
                for (Object[] row : chunk) {
                    for (int c = 0; c < row.length; c++) {
                        statement.setObject(c + 1, row[c]);
                    }
                    statement.executeUpdate();
                }
                nanos += System.nanoTime() - start;
            }
        }
        return nanos;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                             + "ORDER BY rowid")) {
            while (row.next()) {
                tables.add(row.getString(1));
            }
        }
        return tables;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (row.next()) {
                columns.add(quote(row.getString("name")));
            }
        }
        return columns;
    }

    /** The table's indexes, those SQLite makes for its primary key and unique columns included. */
    private static List<Index> indexes(Connection connection, String table) throws SQLException {
        List<Index> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet list = statement.executeQuery("PRAGMA index_list(" + quote(table) + ")")) {
            List<String[]> found = new ArrayList<>();
            while (list.next()) {
                found.add(new String[] {list.getString("name"), list.getString("unique")});
            }
            for (String[] index : found) {
                List<String> columns = new ArrayList<>();
                try (Statement info = connection.createStatement();
                     ResultSet column = info.executeQuery("PRAGMA index_info(" + quote(index[0]) + ")")) {
                    while (column.next()) {
                        columns.add(quote(column.getString("name")));
                    }
                }
                indexes.add(new Index(table, "1".equals(index[1]), columns));
            }
        }
        return indexes;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
