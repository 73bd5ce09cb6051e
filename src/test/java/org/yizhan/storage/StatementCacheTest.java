package org.yizhan.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's kept statements: the same statement comes back clean, and nothing a store does can tell. */
class StatementCacheTest {
    private static final String INSERT = "INSERT INTO t (k, v) VALUES (?, ?)";
    private static final String BY_KEY = "SELECT v FROM t WHERE k = ?";

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() throws SQLException {
        db = Database.open(dir.resolve("s.db"),
                new Schema("test", List.of("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)")), Pragmas.STANDARD);
    }

    @Test
    void aStatementComesBackWithItsParametersCleared() throws SQLException {
        try (Database.Writer writer = db.writer()) {
            PreparedStatement first = writer.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement(INSERT)) {
                    s.setString(1, "a");
                    s.setInt(2, 1);
                    s.executeUpdate();
                    return s;
                }
            });
            assertTrue(first.isClosed(), "closed, as far as the store that used it can tell");
            writer.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement(INSERT)) {
                    assertSame(first, s);
                    assertFalse(s.isClosed());
                    s.setString(1, "b");
                    // v left unset: a cleared parameter is NULL, not the 1 of the last use
                    s.executeUpdate();
                }
                return null;
            });
            assertEquals(List.of("a=1", "b=0"), rows(writer));
            assertEquals(Integer.valueOf(1), writer.<Integer>inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM t WHERE v IS NULL");
                     ResultSet r = s.executeQuery()) {
                    return r.getInt(1);
                }
            }));
        }
    }

    @Test
    void theSameStatementInsideItselfIsASecondOne() throws SQLException {
        try (Database.Writer writer = db.writer()) {
            writer.inTransaction(c -> {
                for (String k : List.of("x", "y", "z")) {
                    try (PreparedStatement s = c.prepareStatement(INSERT)) {
                        s.setString(1, k);
                        s.setInt(2, k.charAt(0));
                        s.executeUpdate();
                    }
                }
                return null;
            });
            List<Integer> seen = writer.inTransaction(c -> {
                List<Integer> values = new ArrayList<>();
                try (PreparedStatement outer = c.prepareStatement("SELECT k FROM t ORDER BY k");
                     ResultSet keys = outer.executeQuery()) {
                    while (keys.next()) {
                        try (PreparedStatement inner = c.prepareStatement(BY_KEY)) {
                            inner.setString(1, keys.getString(1));
                            try (ResultSet v = inner.executeQuery()) {
                                values.add(v.getInt(1));
                            }
                            try (PreparedStatement again = c.prepareStatement(BY_KEY)) {
                                assertNotSame(inner, again, "still held by the loop");
                                again.setString(1, "x");
                                try (ResultSet v = again.executeQuery()) {
                                    values.add(v.getInt(1));
                                }
                            }
                        }
                    }
                }
                return values;
            });
            assertEquals(List.of((int) 'x', (int) 'x', (int) 'y', (int) 'x', (int) 'z', (int) 'x'), seen);
        }
    }

    @Test
    void aResultSetLeftOpenDoesNotSpoilTheNextUse() throws SQLException {
        try (Database.Writer writer = db.writer()) {
            writer.inTransaction(c -> {
                for (String k : List.of("a", "b")) {
                    try (PreparedStatement s = c.prepareStatement(INSERT)) {
                        s.setString(1, k);
                        s.setInt(2, k.equals("a") ? 1 : 2);
                        s.executeUpdate();
                    }
                }
                return null;
            });
            for (int round = 0; round < 3; round++) {
                assertEquals(List.of("a=1", "b=2"), rowsLeavingTheResultOpen(writer));
            }
        }
    }

    @Test
    void aFailedTransactionAndItsReopenedConnectionKeepWorking() throws SQLException {
        try (Database.Writer writer = db.writer()) {
            insert(writer, "a", 1);
            assertThrows(SQLException.class, () -> insert(writer, "a", 2)); // the key is taken
            insert(writer, "b", 2);
            assertEquals(List.of("a=1", "b=2"), rows(writer));
        }
        try (Database.Writer again = db.writer()) {
            insert(again, "c", 3);
            assertEquals(List.of("a=1", "b=2", "c=3"), rows(again));
        }
    }

    @Test
    void manyDifferentStatementsStayWithinTheCache() throws SQLException {
        try (Database.Writer writer = db.writer()) {
            for (int i = 0; i < 200; i++) {
                int n = i;
                assertEquals(Integer.valueOf(n), writer.<Integer>inTransaction(c -> {
                    try (PreparedStatement s = c.prepareStatement("SELECT " + n); ResultSet r = s.executeQuery()) {
                        return r.getInt(1);
                    }
                }));
            }
            insert(writer, "a", 1);
            assertEquals(List.of("a=1"), rows(writer));
        }
    }

    private static void insert(Database.Writer writer, String k, int v) throws SQLException {
        writer.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, k);
                s.setInt(2, v);
                return s.executeUpdate();
            }
        });
    }

    private static List<String> rows(Database.Writer writer) throws SQLException {
        return writer.inTransaction(c -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT k, v FROM t ORDER BY k"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + "=" + r.getInt(2));
                }
            }
            return rows;
        });
    }

    private static List<String> rowsLeavingTheResultOpen(Database.Writer writer) throws SQLException {
        return writer.inTransaction(c -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT k, v FROM t ORDER BY k")) {
                ResultSet r = s.executeQuery();
                while (r.next()) {
                    rows.add(r.getString(1) + "=" + r.getInt(2));
                }
                ResultSet partly = s.executeQuery(); // read one row and left open
                partly.next();
            }
            return rows;
        });
    }
}
