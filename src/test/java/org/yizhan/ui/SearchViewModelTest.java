package org.yizhan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.model.Audience;
import org.yizhan.model.Catalog;
import org.yizhan.model.Department;
import org.yizhan.search.SearchIndex;
import org.yizhan.testing.RecordingNavigator;
import org.yizhan.testing.TestCatalogs;
import org.yizhan.ui.search.SearchViewModel;

/** The search screen's logic without the toolkit, over a real index of a small catalog. */
class SearchViewModelTest {

    private final Messages messages = Messages.simplifiedChinese();
    private final CatalogSnapshot catalog = new CatalogSnapshot(TestCatalogs.small());
    private final SearchIndex index = SearchIndex.build(TestCatalogs.small());
    private final RecordingNavigator nav = new RecordingNavigator();
    private final List<String> queries = new ArrayList<>();
    private final SearchViewModel model = new SearchViewModel(messages, catalog, (q, n) -> {
        queries.add(q);
        return index.search(q, n);
    }, List.of("mzj-jh"), id -> 0, new Destination.Search(), nav);

    @Test
    void everyKeyUpdatesTheResults() {
        model.type("s");
        model.type("f");
        model.type("z");
        assertEquals(List.of("s", "sf", "sfz"), queries, "nothing typed asks nothing");
        assertEquals(new Destination.Search("sfz"), nav.replaced, "返回 comes back to these results");
        assertTrue(model.results().stream().anyMatch(r -> r.name().contains("身份证")), model.results().toString());
        assertEquals("云溪县公安局", model.results().get(0).department());
        assertEquals(messages.format("search.count", model.results().size()), model.statusProperty().get());
    }

    @Test
    void aHitThroughAnEverydayWordSaysWhichWordItWasFor() {
        // 社保 is not in the name: the dictionary's 社保 = 社会保险 brings it, and the row says so.
        Catalog small = TestCatalogs.small();
        Catalog withSocialInsurance = new Catalog(small.version(), small.generatedAt(), small.title(), small.sample(),
                small.notice(), small.themes(),
                Stream.concat(small.departments().stream(), Stream.of(new Department("rsj", "云溪县人力资源和社会保障局"))).toList(),
                Stream.concat(small.services().stream(), Stream.of(TestCatalogs.service("rsj-sbf", "城乡居民社会保险费申报",
                        "rsj", List.of(Audience.PERSON), List.of("person-999")))).toList());
        SearchIndex everyday = SearchIndex.build(withSocialInsurance);
        for (String typed : List.of("社保", "shebao")) {
            SearchViewModel m = new SearchViewModel(messages, new CatalogSnapshot(withSocialInsurance), everyday::search,
                    List.of(), id -> 0, new Destination.Search(), nav);
            m.queryProperty().set(typed);
            SearchViewModel.Row row = m.results().stream().filter(r -> r.serviceId().equals("rsj-sbf")).findFirst()
                    .orElseThrow(() -> new AssertionError(typed + ": " + m.results()));
            assertEquals("城乡居民社会保险费申报", row.name());
            assertEquals("与“社保”相关", row.note(), typed);
            assertEquals("云溪县人力资源和社会保障局", row.department());
        }
    }

    @Test
    void aHitOnTheNameAsTypedNeedsNoNote() {
        model.queryProperty().set("结婚");
        assertEquals("内地居民结婚登记", model.results().get(0).name());
        assertEquals("", model.results().get(0).note());
        model.queryProperty().set("sfz");
        assertTrue(model.results().stream().allMatch(r -> r.note().isEmpty()), model.results().toString());
    }

    @Test
    void amongEqualMatchesTheMoreOftenOpenedComesFirst() {
        SearchViewModel counted = new SearchViewModel(messages, catalog, index::search, List.of(),
                id -> id.equals("gaj-sfz-bl") ? 5 : 0, new Destination.Search(), nav);
        counted.queryProperty().set("居民身份证");
        assertEquals(List.of("居民身份证补领", "居民身份证换领"),
                counted.results().stream().map(SearchViewModel.Row::name).toList());
        model.queryProperty().set("居民身份证");
        assertEquals(List.of("居民身份证换领", "居民身份证补领"),
                model.results().stream().map(SearchViewModel.Row::name).toList(), "without counts, the index's order");
    }

    @Test
    void backspaceAndClear() {
        model.type("s");
        model.type("f");
        model.backspace();
        assertEquals("s", model.queryProperty().get());
        model.clear();
        assertEquals("", model.queryProperty().get());
        assertTrue(model.results().isEmpty());
        assertEquals(messages.get("search.hint"), model.statusProperty().get());
        model.backspace();
        assertEquals("", model.queryProperty().get(), "backspace on nothing is harmless");
    }

    @Test
    void nothingFoundSaysSoAndOffersAWayOn() {
        model.queryProperty().set("qqqqqq");
        assertTrue(model.results().isEmpty());
        assertTrue(model.nothingFoundProperty().get());
        assertEquals("没有找到与“qqqqqq”相关的事项。", model.statusProperty().get());
        assertEquals("内地居民结婚登记", model.popular().get(0).name());
        model.clear();
        assertFalse(model.nothingFoundProperty().get());
    }

    @Test
    void openingAResultGoesToItsGuide() {
        model.queryProperty().set("结婚");
        model.open(model.results().get(0));
        assertEquals(new Destination.Guide("mzj-jh"), nav.last());
    }

    @Test
    void backspaceRemovesAWholeCharacterEvenOutsideTheBasicPlane() {
        model.queryProperty().set("婚😀");
        model.backspace();
        assertEquals("婚", model.queryProperty().get());
    }
}
