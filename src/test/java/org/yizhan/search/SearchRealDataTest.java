package org.yizhan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.catalog.gd.GdServicesImport;
import org.yizhan.model.Catalog;
import org.yizhan.model.Service;
import org.yizhan.testing.SharedData;

/** Search over the bundled demo catalog and, when it is beside the project, the real Guangdong list. */
class SearchRealDataTest {

    static SearchIndex demo;

    @BeforeAll
    static void readDemo() throws Exception {
        demo = SearchIndex.build(CatalogJson.read(Path.of("assets/catalog/demo-catalog.json")));
    }

    static List<String> names(SearchIndex index, String query, int top) {
        return index.search(query, top).stream().map(SearchHit::name).toList();
    }

    @Test
    void demoSfzFindsAnIdentityCardServiceInTheTopThree() {
        assertTrue(names(demo, "sfz", 3).stream().anyMatch(n -> n.contains("居民身份证")), names(demo, "sfz", 3)::toString);
    }

    @Test
    void demoShebaoAndSheBaoKaFindTheSocialSecurityCard() {
        assertTrue(names(demo, "shebao", 3).contains("社会保障卡申领"), names(demo, "shebao", 3)::toString);
        assertEquals("社会保障卡申领", names(demo, "社保卡", 1).get(0));
        assertEquals("社会保障卡申领", names(demo, "sbk", 1).get(0));
    }

    @Test
    void demoJiehunFindsMarriageRegistration() {
        assertEquals("内地居民结婚登记", names(demo, "jiehun", 1).get(0));
    }

    @Test
    void demoEveryServiceFoundByItsName() {
        Catalog catalog = readDemoCatalog();
        for (Service s : catalog.services()) {
            assertTrue(names(demo, s.name(), 10).contains(s.name()), s.name());
        }
    }

    private static Catalog readDemoCatalog() {
        try {
            return CatalogJson.read(Path.of("assets/catalog/demo-catalog.json"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Catalog gd() throws Exception {
        return GdServicesImport.read(SharedData.require("data/gd-services-2021.json"), 1, Instant.now()).catalog();
    }

    @Test
    void gdEveryRecordIsIndexedAndFoundByItsExactName() throws Exception {
        Catalog catalog = gd();
        SearchIndex index = SearchIndex.build(catalog);
        assertEquals(catalog.services().size(), index.size());
        List<String> missing = new ArrayList<>();
        for (Service s : catalog.services()) {
            List<SearchHit> hits = index.search(s.name(), 10);
            if (hits.stream().noneMatch(h -> h.serviceId().equals(s.id()))
                    && hits.stream().filter(h -> h.name().equals(s.name())).count() < 10) {
                missing.add(s.name());
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void gdHandPickedQueries() throws Exception {
        SearchIndex index = SearchIndex.build(gd());
        assertTrue(names(index, "jiashizheng", 10).stream().allMatch(n -> n.contains("驾驶证")), names(index, "jiashizheng", 10)::toString);
        assertTrue(names(index, "jdcjsz", 10).stream().allMatch(n -> n.contains("机动车驾驶证")));
        assertTrue(names(index, "护照", 5).stream().allMatch(n -> n.contains("护照")));
        assertTrue(names(index, "gongzheng", 10).stream().anyMatch(n -> n.contains("公证")));
        assertTrue(names(index, "律师事务所", 10).stream().allMatch(n -> n.contains("律师事务所")));
        assertTrue(names(index, "tongxingzheng", 10).stream().anyMatch(n -> n.contains("通行证")));
        assertTrue(names(index, "yanglao", 10).stream().anyMatch(n -> n.contains("养老")));
        assertTrue(names(index, "婚", 50).stream().allMatch(n -> n.contains("婚")) || names(index, "婚", 50).size() < 50);
    }
}
