package org.yizhan.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.yizhan.model.Step;
import org.yizhan.storage.Rows;

/** Table {@code step}: 办理流程 of each service, in order. */
final class StepStore {
    private static final String INSERT = """
            INSERT INTO step (service_id, position, name, actor, description, time_limit)
            VALUES (?, ?, ?, ?, ?, ?)
            """;
    private static final String READ_ALL = """
            SELECT service_id, name, actor, description, time_limit
            FROM step
            ORDER BY service_id, position
            """;
    private static final String DELETE_ALL = """
            DELETE FROM step
            """;

    /** Inserts steps keyed by service id; the services must exist. */
    void insertAll(Connection connection, Map<String, List<Step>> stepsByService) throws SQLException {
        ServiceRows.insertPerService(connection, INSERT, stepsByService, (statement, i, step) -> {
            statement.setString(i, step.name());
            statement.setString(i + 1, step.actor());
            statement.setString(i + 2, step.description());
            statement.setString(i + 3,
                    step.timeLimit() == null ? null : JsonColumns.write(CatalogTree.timeLimit(step.timeLimit())));
        });
    }

    /** Steps keyed by service id; services without steps are absent. */
    Map<String, List<Step>> readAll(Connection connection) throws SQLException {
        return ServiceRows.readPerService(connection, READ_ALL, row -> new Step(
                row.getString("name"),
                row.getString("actor"),
                row.getString("description"),
                CatalogTree.toTimeLimit(JsonColumns.read(row.getString("time_limit"), "step.time_limit"))));
    }

    void deleteAll(Connection connection) throws SQLException {
        Rows.execute(connection, DELETE_ALL);
    }
}
