package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.model.Service;
import org.yizhan.storage.Database;

class ServiceStoreTest {
    private final ServiceStore store = new ServiceStore();
    private Database database;

    @BeforeEach
    void open(@TempDir Path dir) throws Exception {
        database = StoreFixture.database(dir);
        database.inTransaction(connection -> {
            new DepartmentStore().insertAll(connection, List.of(TestCatalogs.POLICE, TestCatalogs.MARKET));
            return null;
        });
    }

    @Test
    void anEmptyTableReadsAsNoServices() throws Exception {
        assertEquals(List.of(), read(ServiceParts.NONE));
    }

    @Test
    void insertThenReadKeepsEveryScalarField() throws Exception {
        Service full = TestCatalogs.idCard();
        Service minimal = TestCatalogs.minimal("scjgj-gtgsh", "个体工商户设立登记", "scjgj");
        insert(List.of(full, minimal));
        assertEquals(List.of(withoutParts(full), minimal), read(ServiceParts.NONE));
    }

    @Test
    void readCompletesEachServiceWithItsParts() throws Exception {
        Service full = TestCatalogs.idCard();
        insert(List.of(full));
        ServiceParts parts = new ServiceParts(Map.of(full.id(), full.themeIds()), Map.of(full.id(), full.variants()),
                Map.of(full.id(), full.materials()), Map.of(full.id(), full.steps()));
        assertEquals(List.of(full), read(parts));
    }

    @Test
    void keepsTheCatalogOrderNotTheIdOrder() throws Exception {
        List<Service> services = List.of(TestCatalogs.minimal("z", "后", "gaj"),
                TestCatalogs.minimal("a", "前", "scjgj"), TestCatalogs.minimal("m", "中", "gaj"));
        insert(services);
        assertEquals(services, read(ServiceParts.NONE));
    }

    @Test
    void zeroVisitsIsNotUnknownVisits() throws Exception {
        Service zero = withVisits(TestCatalogs.minimal("a", "零跑动", "gaj"), 0);
        Service unknown = TestCatalogs.minimal("b", "未知", "gaj");
        insert(List.of(zero, unknown));
        List<Service> read = read(ServiceParts.NONE);
        assertEquals(0, read.get(0).visits());
        assertEquals(null, read.get(1).visits());
    }

    @Test
    void deleteThenInsertReplacesTheServices() throws Exception {
        insert(List.of(TestCatalogs.minimal("a", "甲", "gaj"), TestCatalogs.minimal("b", "乙", "gaj")));
        Service replacement = TestCatalogs.minimal("c", "丙 " + TestCatalogs.EMOJI, "scjgj");
        database.inTransaction(connection -> {
            store.deleteAll(connection);
            store.insertAll(connection, List.of(replacement));
            return null;
        });
        assertEquals(List.of(replacement), read(ServiceParts.NONE));
    }

    @Test
    void outlinesKeepThePlainColumnsInCatalogOrderAndNoMore() throws Exception {
        Service full = withVisits(TestCatalogs.idCard(), 0);
        Service minimal = TestCatalogs.minimal("a", "前", "scjgj");
        insert(List.of(full, minimal));
        assertEquals(List.of(plain(full), plain(minimal)),
                database.inReadTransaction(connection -> store.readOutlines(connection)));
    }

    private static Service plain(Service s) {
        return new Service(s.id(), s.code(), s.name(), s.type(), s.departmentId(), s.level(), List.of(), List.of(),
                List.of(), s.acceptConditions(), List.of(), List.of(), List.of(), null, null, null, null, s.consultPhone(),
                s.complaintPhone(), List.of(), s.visits(), s.onlineApply(), s.booking(), s.courierDelivery(),
                s.onlineUrl(), List.of());
    }

    static Service withoutParts(Service s) {
        return new Service(s.id(), s.code(), s.name(), s.type(), s.departmentId(), s.level(), s.audiences(),
                List.of(), s.keywords(), s.acceptConditions(), List.of(), List.of(), List.of(), s.legalTimeLimit(),
                s.promisedTimeLimit(), s.fee(), s.location(), s.consultPhone(), s.complaintPhone(), s.legalBasis(),
                s.visits(), s.onlineApply(), s.booking(), s.courierDelivery(), s.onlineUrl(), s.faq());
    }

    private static Service withVisits(Service s, Integer visits) {
        return new Service(s.id(), s.code(), s.name(), s.type(), s.departmentId(), s.level(), s.audiences(),
                s.themeIds(), s.keywords(), s.acceptConditions(), s.variants(), s.materials(), s.steps(),
                s.legalTimeLimit(), s.promisedTimeLimit(), s.fee(), s.location(), s.consultPhone(),
                s.complaintPhone(), s.legalBasis(), visits, s.onlineApply(), s.booking(), s.courierDelivery(),
                s.onlineUrl(), s.faq());
    }

    private void insert(List<Service> services) throws SQLException {
        database.inTransaction(connection -> {
            store.insertAll(connection, services);
            return null;
        });
    }

    private List<Service> read(ServiceParts parts) throws SQLException {
        return database.inReadTransaction(connection -> store.readAll(connection, parts));
    }
}
