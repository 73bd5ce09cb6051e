package org.yizhan.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.yizhan.model.Material;
import org.yizhan.model.MaterialForm;
import org.yizhan.model.MaterialSource;
import org.yizhan.model.Necessity;
import org.yizhan.storage.Rows;

/** Table {@code material}: 申请材料 of each service, in the order to show. */
final class MaterialStore {
    private static final String INSERT = """
            INSERT INTO material (service_id, position, name, originals, copies, form, necessity, source,
                                  notes, blank_form, sample_form, variant)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String READ_ALL = """
            SELECT service_id, name, originals, copies, form, necessity, source, notes, blank_form, sample_form,
                   variant
            FROM material
            ORDER BY service_id, position
            """;
    private static final String DELETE_ALL = """
            DELETE FROM material
            """;

    /** Inserts materials keyed by service id; the services and the variants they name must exist. */
    void insertAll(Connection connection, Map<String, List<Material>> materialsByService) throws SQLException {
        ServiceRows.insertPerService(connection, INSERT, materialsByService, (statement, i, material) -> {
            statement.setString(i, material.name());
            statement.setInt(i + 1, material.originals());
            statement.setInt(i + 2, material.copies());
            statement.setString(i + 3, JsonNames.of(material.form()));
            statement.setString(i + 4, JsonNames.of(material.necessity()));
            statement.setString(i + 5, JsonNames.of(material.source()));
            statement.setString(i + 6, material.notes());
            statement.setBoolean(i + 7, material.blankForm());
            statement.setBoolean(i + 8, material.sampleForm());
            // NULL rather than "" so that the foreign key to variant applies only to real references.
            statement.setString(i + 9, material.variant().isEmpty() ? null : material.variant());
        });
    }

    /** Materials keyed by service id; services without materials are absent. */
    Map<String, List<Material>> readAll(Connection connection) throws SQLException {
        return ServiceRows.readPerService(connection, READ_ALL, row -> new Material(
                row.getString("name"),
                row.getInt("originals"),
                row.getInt("copies"),
                JsonNames.parse(MaterialForm.class, row.getString("form")),
                JsonNames.parse(Necessity.class, row.getString("necessity")),
                JsonNames.parse(MaterialSource.class, row.getString("source")),
                row.getString("notes"),
                row.getBoolean("blank_form"),
                row.getBoolean("sample_form"),
                row.getString("variant")));
    }

    void deleteAll(Connection connection) throws SQLException {
        Rows.execute(connection, DELETE_ALL);
    }
}
