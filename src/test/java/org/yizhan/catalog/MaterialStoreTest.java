package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.model.Material;
import org.yizhan.model.MaterialForm;
import org.yizhan.model.MaterialSource;
import org.yizhan.model.Necessity;
import org.yizhan.model.Variant;
import org.yizhan.storage.Database;

class MaterialStoreTest {
    private final MaterialStore store = new MaterialStore();
    private Database database;

    @BeforeEach
    void open(@TempDir Path dir) throws Exception {
        database = StoreFixture.database(dir);
        database.inTransaction(connection -> {
            StoreFixture.services(connection, "a", "b", "c");
            new VariantStore().insertAll(connection, Map.of("a", List.of(new Variant("补领", ""))));
            return null;
        });
    }

    @Test
    void anEmptyTableReadsAsNoMaterials() throws Exception {
        assertEquals(Map.of(), database.inReadTransaction(store::readAll));
    }

    @Test
    void insertThenReadKeepsEveryFieldAndTheOrder() throws Exception {
        Map<String, List<Material>> materials = Map.of(
                "a", TestCatalogs.idCard().materials().stream()
                        .map(m -> m.variant().isEmpty() ? m : withVariant(m, "补领")).toList(),
                "b", List.of(material("居民户口簿")));
        insert(materials);
        assertEquals(materials, database.inReadTransaction(store::readAll));
    }

    @Test
    void everyFormNecessityAndSourceSurvives() throws Exception {
        List<Material> all = new ArrayList<>();
        for (MaterialForm form : MaterialForm.values()) {
            for (Necessity necessity : Necessity.values()) {
                for (MaterialSource source : MaterialSource.values()) {
                    all.add(new Material(form + "/" + necessity + "/" + source, all.size(), 27 - all.size(), form,
                            necessity, source, "", all.size() % 2 == 0, all.size() % 3 == 0, ""));
                }
            }
        }
        insert(Map.of("c", all));
        assertEquals(Map.of("c", all), database.inReadTransaction(store::readAll));
    }

    @Test
    void deleteThenInsertReplacesTheMaterials() throws Exception {
        insert(Map.of("a", List.of(material("旧材料"))));
        database.inTransaction(connection -> {
            store.deleteAll(connection);
            store.insertAll(connection, Map.of("b", List.of(material("新材料"), material("另一份"))));
            return null;
        });
        assertEquals(Map.of("b", List.of(material("新材料"), material("另一份"))),
                database.inReadTransaction(store::readAll));
    }

    @Test
    void aMaterialMayOnlyNameAVariantOfItsOwnService() {
        assertThrows(SQLException.class, () -> insert(Map.of("b", List.of(withVariant(material("证明"), "补领")))));
    }

    @Test
    void deletingAServiceDeletesItsMaterials() throws Exception {
        insert(Map.of("b", List.of(material("证明"))));
        database.inTransaction(connection -> {
            new ServiceStore().deleteAll(connection);
            return null;
        });
        assertEquals(Map.of(), database.inReadTransaction(store::readAll));
    }

    private static Material material(String name) {
        return new Material(name, 1, 0, null, null, null, null, false, false, null);
    }

    private static Material withVariant(Material m, String variant) {
        return new Material(m.name(), m.originals(), m.copies(), m.form(), m.necessity(), m.source(), m.notes(),
                m.blankForm(), m.sampleForm(), variant);
    }

    private void insert(Map<String, List<Material>> materials) throws SQLException {
        database.inTransaction(connection -> {
            store.insertAll(connection, materials);
            return null;
        });
    }
}
