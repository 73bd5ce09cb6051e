package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.model.Step;
import org.yizhan.model.TimeLimit;
import org.yizhan.model.TimeUnit;
import org.yizhan.storage.Database;

class StepStoreTest {
    private final StepStore store = new StepStore();
    private Database database;

    @BeforeEach
    void open(@TempDir Path dir) throws Exception {
        database = StoreFixture.database(dir);
        database.inTransaction(connection -> {
            StoreFixture.services(connection, "a", "b", "c");
            return null;
        });
    }

    @Test
    void anEmptyTableReadsAsNoSteps() throws Exception {
        assertEquals(Map.of(), database.inReadTransaction(store::readAll));
    }

    @Test
    void insertThenReadKeepsEveryFieldAndTheOrder() throws Exception {
        Map<String, List<Step>> steps = Map.of(
                "a", TestCatalogs.idCard().steps(),
                "b", List.of(new Step("受理", "", "", new TimeLimit(0, TimeUnit.WORKING_DAYS)),
                        new Step("决定", "科长", "", new TimeLimit(20, TimeUnit.NATURAL_DAYS)),
                        new Step("办结", "", TestCatalogs.EMOJI, null)));
        insert(steps);
        assertEquals(steps, database.inReadTransaction(store::readAll));
    }

    @Test
    void deleteThenInsertReplacesTheSteps() throws Exception {
        insert(Map.of("a", List.of(new Step("受理", "", "", null))));
        List<Step> replacement = List.of(new Step("审查", "", "", new TimeLimit(2, TimeUnit.HOURS)));
        database.inTransaction(connection -> {
            store.deleteAll(connection);
            store.insertAll(connection, Map.of("c", replacement));
            return null;
        });
        assertEquals(Map.of("c", replacement), database.inReadTransaction(store::readAll));
    }

    private void insert(Map<String, List<Step>> steps) throws SQLException {
        database.inTransaction(connection -> {
            store.insertAll(connection, steps);
            return null;
        });
    }
}
