package org.yizhan.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.yizhan.model.Department;
import org.yizhan.storage.Rows;

/** Table {@code department}: 实施主体, in catalog order. */
final class DepartmentStore {
    private static final String INSERT = """
            INSERT INTO department (position, id, name)
            VALUES (?, ?, ?)
            """;
    private static final String READ_ALL = """
            SELECT id, name
            FROM department
            ORDER BY position
            """;
    private static final String DELETE_ALL = """
            DELETE FROM department
            """;

    /** Inserts into an empty table; positions follow the list. */
    void insertAll(Connection connection, List<Department> departments) throws SQLException {
        Rows.insertAll(connection, INSERT, departments, (statement, i, department) -> {
            statement.setString(i, department.id());
            statement.setString(i + 1, department.name());
        });
    }

    List<Department> readAll(Connection connection) throws SQLException {
        return Rows.readAll(connection, READ_ALL, row -> new Department(row.getString("id"), row.getString("name")));
    }

    void deleteAll(Connection connection) throws SQLException {
        Rows.execute(connection, DELETE_ALL);
    }
}
