package org.yizhan.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.yizhan.model.Service;
import org.yizhan.storage.Database;
import org.yizhan.storage.Pragmas;

/** A fresh cache database and the parent rows that child tables need. */
final class StoreFixture {
    private StoreFixture() {
    }

    static Database database(Path directory) throws SQLException {
        return Database.open(directory.resolve("cache.db"), CatalogSchema.SCHEMA, Pragmas.STANDARD);
    }

    /** Inserts the test departments and themes and a minimal service for each id. */
    static void services(Connection connection, String... ids) throws SQLException {
        new DepartmentStore().insertAll(connection, TestCatalogs.rich(1).departments());
        new ThemeStore().insertAll(connection, TestCatalogs.rich(1).themes());
        List<Service> services = new ArrayList<>();
        for (String id : ids) {
            services.add(TestCatalogs.minimal(id, "事项 " + id, "gaj"));
        }
        new ServiceStore().insertAll(connection, services);
    }

    static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT count(*) FROM " + table)) {
            return row.getLong(1);
        }
    }
}
