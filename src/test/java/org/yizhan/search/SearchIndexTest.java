package org.yizhan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.model.Catalog;
import org.yizhan.model.Department;
import org.yizhan.model.Material;
import org.yizhan.model.Service;

/** Matching and ranking, one named case each. */
class SearchIndexTest {

    static Service service(String id, String name, String dept, List<String> keywords, String... materials) {
        List<Material> ms = Arrays.stream(materials)
                .map(m -> new Material(m, 1, 0, null, null, null, "", false, false, ""))
                .toList();
        return new Service(id, "", name, "", dept, "", null, null, keywords, "", null, ms, null, null, null,
                null, null, "", "", null, null, false, false, false, "", null);
    }

    static Catalog catalog(Service... services) {
        return new Catalog(1, Instant.EPOCH, "test", false, "", List.of(),
                List.of(new Department("gaj", "公安局"), new Department("mzj", "民政局"),
                        new Department("rsj", "人力资源和社会保障局"), new Department("yh", "中国人民银行重庆营业管理部")),
                List.of(services));
    }

    static final Catalog INDEX_CATALOG = catalog(
            service("sfz-sl", "居民身份证首次申领", "gaj", List.of("办身份证"), "户口簿"),
            service("sfz-hl", "居民身份证换领", "gaj", List.of("换身份证"), "居民身份证"),
            service("jh", "内地居民结婚登记", "mzj", List.of("结婚证", "领证"), "居民户口簿", "居民身份证"),
            service("lh", "内地居民离婚登记", "mzj", List.of("离婚"), "结婚证"),
            service("hy", "补领婚姻登记证", "mzj", List.of(), "居民身份证"),
            service("sbk", "社会保障卡申领", "rsj", List.of("社保卡"), "居民身份证"),
            service("yh", "银行账户开户许可", "yh", List.of(), "营业执照"),
            service("cq", "重庆市户籍迁入登记", "gaj", List.of(), "居民户口簿"),
            service("xz", "行政复议申请", "mzj", List.of(), "复议申请书"),
            service("hz", "普通护照签发", "gaj", List.of("办护照"), "居民身份证", "近期照片"),
            service("ctjc", "CT检查费用报销", "rsj", List.of(), "发票"),
            service("lv", "绿色通道申请（残疾人）", "mzj", List.of(), "残疾人证"));
    static final SearchIndex INDEX = SearchIndex.build(INDEX_CATALOG);

    static List<String> ids(String query) {
        return INDEX.search(query, 10).stream().map(SearchHit::serviceId).toList();
    }

    static List<String> ids(SearchIndex index, String query) {
        return index.search(query, 10).stream().map(SearchHit::serviceId).toList();
    }

    @Test
    void oneChineseCharacterFindsEveryServiceWithIt() {
        List<String> found = ids("婚");
        assertEquals(List.of("hy", "jh", "lh"), found.subList(0, 3).stream().sorted().toList());
        // names first; 结婚证 as a material of 离婚 does not add another service here
        assertTrue(found.containsAll(List.of("jh", "lh", "hy")));
    }

    @Test
    void polyphoneYinhang() {
        assertEquals("yh", ids("yinhang").get(0));
        assertEquals("yh", ids("yh").get(0));
    }

    @Test
    void polyphoneChongqing() {
        assertEquals("cq", ids("chongqing").get(0));
        assertEquals("cq", ids("cqs").get(0));
    }

    @Test
    void polyphoneXingzheng() {
        assertEquals("xz", ids("xingzheng").get(0));
        assertEquals("xz", ids("xingzhengfuyi").get(0));
    }

    @Test
    void initialsSfz() {
        List<String> found = ids("sfz");
        assertEquals(List.of("sfz-hl", "sfz-sl"), found.subList(0, 2).stream().sorted().toList());
    }

    @Test
    void initialsHighlightTheMatchedCharacters() {
        SearchHit hit = INDEX.search("sfz", 1).get(0);
        SearchHit.Highlight h = hit.highlights().get(0);
        assertEquals("身份证", hit.name().substring(h.start(), h.end()));
    }

    @Test
    void fullPinyinShebaoFindsSocialSecurity() {
        assertEquals("sbk", ids("shebao").get(0));
        assertEquals("sbk", ids("shehuibaozhang").get(0));
    }

    @Test
    void fullPinyinJiehun() {
        assertEquals("jh", ids("jiehun").get(0));
    }

    @Test
    void pinyinPrefix() {
        assertTrue(ids("shenf").subList(0, 2).containsAll(List.of("sfz-sl", "sfz-hl")));
        assertTrue(ids("shenfenzh").subList(0, 2).containsAll(List.of("sfz-sl", "sfz-hl")));
        assertTrue(ids("jumin").contains("sfz-sl"));
    }

    @Test
    void mixedChineseAndInitials() {
        assertTrue(ids("身份z").subList(0, 2).containsAll(List.of("sfz-sl", "sfz-hl")));
        assertTrue(ids("shen份证").subList(0, 2).containsAll(List.of("sfz-sl", "sfz-hl")));
    }

    @Test
    void fullWidthLettersAndSpaces() {
        assertEquals(ids("sfz"), ids("ＳＦＺ"));
        assertEquals(ids("sfz"), ids(" s f　z "));
        assertEquals(ids("身份证"), ids("身 份　证"));
    }

    @Test
    void upperCase() {
        assertEquals(ids("jiehun"), ids("JieHun"));
        assertEquals("ctjc", ids("ct").get(0));
        assertEquals("ctjc", ids("CT检查").get(0));
    }

    @Test
    void nothingTyped() {
        assertEquals(List.of(), INDEX.search("", 10));
        assertEquals(List.of(), INDEX.search("   ", 10));
        assertEquals(List.of(), INDEX.search(null, 10));
        assertEquals(List.of(), INDEX.search("，。！？", 10));
    }

    @Test
    void hundredCharactersTyped() {
        String letters = "shenfenzheng".repeat(9).substring(0, 100);
        String chinese = "居民身份证首次申领".repeat(12).substring(0, 100);
        long t = System.nanoTime();
        assertEquals(List.of(), INDEX.search(letters, 10));
        // the name is in it, so a loose match may find it; but never as if it had been typed alone
        assertTrue(INDEX.search(chinese, 10).stream().allMatch(h -> h.reason().kind() == SearchHit.Kind.LOOSE));
        assertEquals(List.of(), INDEX.search("a".repeat(100), 10));
        assertTrue(System.nanoTime() - t < 200_000_000L, "long queries must stay fast");
    }

    @Test
    void emojiAndPunctuationAreIgnored() {
        assertEquals(ids("身份证"), ids("😀身份证👍"));
        assertEquals(ids("sfz"), ids("s-f-z!"));
        assertEquals(List.of(), INDEX.search("😀👍", 10));
    }

    @Test
    void uUmlautTypedAsV() {
        assertEquals("lv", ids("lvse").get(0));
        assertEquals("lv", ids("lus").get(0));
    }

    @Test
    void keywordsFindCommonNames() {
        SearchIndex literalOnly = SearchIndex.build(INDEX_CATALOG, EverydayWords.none());
        List<SearchHit> hits = literalOnly.search("换身份证", 10);
        assertEquals("sfz-hl", hits.get(0).serviceId());
        assertEquals(SearchIndex.KEYWORD, hits.get(0).score());
        assertEquals(new SearchHit.Reason(SearchHit.Kind.KEYWORD, "", "换身份证"), hits.get(0).reason());
        assertTrue(hits.get(0).highlights().isEmpty());
        assertEquals("sfz-hl", ids(literalOnly, "huanshenfenzheng").get(0));
        assertEquals("sbk", ids("shebaoka").get(0)); // a keyword, and an everyday word too
    }

    @Test
    void departmentsAndMaterialsRankBelowNames() {
        List<SearchHit> hits = INDEX.search("公安", 10);
        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().allMatch(h -> h.score() == SearchIndex.DEPARTMENT));
        List<SearchHit> materials = INDEX.search("户口簿", 10);
        assertTrue(materials.stream().allMatch(h -> h.score() == SearchIndex.MATERIAL));
        assertEquals(3, materials.size());
        // 身份证 in names comes before 身份证 as a material
        List<SearchHit> sfz = INDEX.search("身份证", 10);
        assertEquals(SearchIndex.SUBSTRING, sfz.get(0).score());
        assertEquals(SearchIndex.MATERIAL, sfz.get(sfz.size() - 1).score());
        int lastName = -1;
        for (int i = 0; i < sfz.size(); i++) {
            if (sfz.get(i).score() >= SearchIndex.SUBSTRING) {
                assertEquals(lastName + 1, i, "names come first");
                lastName = i;
            }
        }
    }

    @Test
    void rankingExactThenPrefixThenWordThenSubstringThenKeyword() {
        SearchIndex index = SearchIndex.build(catalog(
                service("kw", "户籍证明", "gaj", List.of("结婚")),
                service("sub", "内地居民结婚登记", "mzj", List.of()),
                service("word", "涉外、结婚登记", "mzj", List.of()),
                service("prefix-long", "结婚登记证明补办", "mzj", List.of()),
                service("prefix", "结婚登记", "mzj", List.of()),
                service("exact", "结婚", "mzj", List.of())));
        List<SearchHit> hits = index.search("结婚", 10);
        assertEquals(List.of("exact", "prefix", "prefix-long", "word", "sub", "kw"),
                hits.stream().map(SearchHit::serviceId).toList());
        assertEquals(List.of(SearchIndex.EXACT, SearchIndex.PREFIX, SearchIndex.PREFIX, SearchIndex.WORD,
                SearchIndex.SUBSTRING, SearchIndex.KEYWORD), hits.stream().map(SearchHit::score).toList());
        // the same order when typed as pinyin
        assertEquals(List.of("exact", "prefix", "prefix-long", "word", "sub", "kw"), ids(index, "jiehun"));
    }

    @Test
    void initialsRankAsWholeWordAboveSubstring() {
        SearchIndex index = SearchIndex.build(catalog(
                service("sub", "居民身份证换领", "gaj", List.of()),
                service("ini", "补办居民身份证", "gaj", List.of())));
        // "shenf" is a substring in both; 身份 typed as initials "sf" starts the known word 身份证 in both,
        // which ranks with the name prefixes (the citizen is typing sfz)
        List<SearchHit> hits = index.search("sf", 10);
        assertEquals(SearchIndex.PREFIX, hits.get(0).score());
        assertEquals(SearchIndex.PREFIX, hits.get(1).score());
        assertEquals(List.of("sub", "ini"), ids(index, "sf"));
    }

    @Test
    void tiesGoToShorterNamesThenCatalogOrder() {
        SearchIndex index = SearchIndex.build(catalog(
                service("b", "婚姻登记档案查询", "mzj", List.of()),
                service("a", "婚姻登记", "mzj", List.of()),
                service("c", "婚姻登记档案复印", "mzj", List.of())));
        assertEquals(List.of("a", "b", "c"), ids(index, "hunyin"));
    }

    @Test
    void limitIsRespectedAndManyMatchesStayOrdered() {
        List<Service> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(service("s" + i, "身份证" + "业务".repeat(i % 7) + i, "gaj", List.of()));
        }
        SearchIndex index = SearchIndex.build(catalog(many.toArray(Service[]::new)));
        List<SearchHit> hits = index.search("s", 5);
        assertEquals(5, hits.size());
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).name().length() <= hits.get(i).name().length());
        }
    }
}
