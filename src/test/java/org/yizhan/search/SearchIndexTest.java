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
    void 繁體TypedFindsTheSimplifiedNamesAndMarksTheSameCharacters() {
        assertEquals("sfz-hl", ids("身份證換領").get(0));
        assertEquals("jh", ids("內地居民結婚登記").get(0));
        assertEquals("hz", ids("護照").get(0));
        SearchHit hit = INDEX.search("換領", 1).get(0);
        assertEquals("居民身份证换领", hit.name());
        assertEquals(List.of(new SearchHit.Highlight(5, 7)), hit.highlights());
    }

    @Test
    void theCatalogsEnglishNameFindsItsService() {
        Catalog c = INDEX_CATALOG;
        Catalog translated = new Catalog(c.version(), c.generatedAt(), c.title(), c.sample(), c.notice(), c.themes(),
                c.departments(), c.services(), new org.yizhan.model.Translations(java.util.Map.of(
                        "services/hz/name", java.util.Map.of("en", "Ordinary passport"),
                        "services/jh/name", java.util.Map.of("zh-Hant", "內地居民結婚登記"))));
        SearchIndex index = SearchIndex.build(translated);
        assertEquals("hz", ids(index, "passport").get(0));
        assertEquals("hz", ids(index, "Ordinary Passport").get(0));
        assertEquals(ids("passport"), List.of(), "not without the translation");
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
        assertTrue(hits.get(0).score() > SearchIndex.WORD, "with the name prefixes: " + hits.get(0));
        assertEquals(hits.get(0).score(), hits.get(1).score());
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

    // --- everyday words, readings, loose matches (issue 12) ---

    static final EverydayWords WORDS = EverydayWords.parse("test", """
            社保 = 社会保险 | 社会保障
            开公司 = 公司 设立登记
            结婚证 护照 监护 指引 核准 审核 行政 复议
            """);

    static SearchIndex index(EverydayWords words, String... names) {
        Service[] s = new Service[names.length];
        for (int i = 0; i < names.length; i++) {
            s[i] = service("s" + i, names[i], "mzj", List.of());
        }
        return SearchIndex.build(catalog(s), words);
    }

    @Test
    void anEverydayWordFindsTheCatalogsWordingByCharactersPinyinAndInitials() {
        SearchIndex index = index(WORDS, "城乡居民社会保险费申报", "社会保险登记", "护照签发");
        for (String typed : List.of("社保", "shebao", "sb")) {
            List<SearchHit> hits = index.search(typed, 10);
            if (typed.equals("sb")) { // initials: 申报 of s0 is a literal match of its own
                assertEquals("s1", hits.get(0).serviceId());
                assertEquals(new SearchHit.Reason(SearchHit.Kind.SYNONYM, "社保", "社会保险"), hits.get(0).reason());
                continue;
            }
            assertEquals(List.of("s1", "s0"), hits.stream().map(SearchHit::serviceId).toList(), typed);
            assertEquals(new SearchHit.Reason(SearchHit.Kind.SYNONYM, "社保", "社会保险"), hits.get(0).reason());
            assertEquals(SearchIndex.PREFIX - SearchIndex.SYNONYM_BELOW, hits.get(0).score());
            assertEquals(SearchIndex.SUBSTRING - SearchIndex.SYNONYM_BELOW, hits.get(1).score());
            assertEquals("社会保险", "社会保险登记".substring(hits.get(0).highlights().get(0).start(),
                    hits.get(0).highlights().get(0).end()));
        }
    }

    @Test
    void aSynonymNeverBuriesWhatWasLiterallyTyped() {
        SearchIndex index = index(WORDS, "社会保险登记", "社保中心地址查询", "查询社保缴费");
        List<SearchHit> hits = index.search("社保", 10);
        assertEquals(List.of("s1", "s0", "s2"), hits.stream().map(SearchHit::serviceId).toList());
        assertEquals(SearchHit.Kind.LITERAL, hits.get(0).reason().kind());
        assertEquals(SearchIndex.PREFIX, hits.get(0).score());
        // a synonym's prefix ranks below a literal prefix, and above a literal substring: below a literal
        // match of the same strength only
        assertEquals(SearchIndex.PREFIX - SearchIndex.SYNONYM_BELOW, hits.get(1).score());
        assertEquals(SearchHit.Kind.SYNONYM, hits.get(1).reason().kind());
        assertEquals(SearchIndex.SUBSTRING, hits.get(2).score());
    }

    @Test
    void aWordingOfSeveralWordsNeedsThemAllAndAnEverydayWordInsideALongerQueryCounts() {
        SearchIndex index = index(WORDS, "社会团体设立登记", "内资有限责任公司设立登记", "公司注销登记");
        assertEquals(List.of("s1"), ids(index, "kaigongsi").subList(0, 1));
        List<SearchHit> hits = index.search("开公司", 10);
        assertEquals("s1", hits.get(0).serviceId());
        assertEquals(SearchIndex.SYNONYM_ALL_WORDS, hits.get(0).score());
        assertEquals(2, hits.get(0).highlights().size());
        assertTrue(hits.stream().noneMatch(h -> h.serviceId().equals("s0") && h.reason().kind() == SearchHit.Kind.SYNONYM));
        List<SearchHit> longer = index.search("我要开公司", 10);
        assertEquals("s1", longer.get(0).serviceId());
        assertTrue(longer.get(0).score() < hits.get(0).score());
    }

    @Test
    void thePhraseReadingOfAPolyphoneRanksAboveAnUnusualOne() {
        SearchIndex index = index(WORDS, "行政复议", "普通护照签发", "银行账户开户");
        List<SearchHit> hz = index.search("hz", 10);
        assertEquals("s1", hz.get(0).serviceId());
        SearchHit xz = hz.stream().filter(h -> h.serviceId().equals("s0")).findFirst().orElseThrow();
        assertEquals(SearchHit.Kind.READING, xz.reason().kind()); // 行 read hang in 行政
        assertTrue(xz.score() < SearchIndex.SUBSTRING);
        assertEquals(SearchHit.Kind.LITERAL, index.search("xingzheng", 10).get(0).reason().kind());
        assertEquals(SearchIndex.EXACT, index.search("xingzhengfuyi", 10).get(0).score());
        SearchHit yinhang = index.search("yinhang", 10).get(0);
        assertEquals("s2", yinhang.serviceId());
        assertEquals(SearchHit.Kind.LITERAL, yinhang.reason().kind());
        SearchHit yinxing = index.search("yinxing", 10).get(0);
        assertEquals(SearchHit.Kind.READING, yinxing.reason().kind()); // still found, ranked as unusual
    }

    @Test
    void initialsSpellingAWholeWordRankAboveInitialsThatCutThroughWords() {
        SearchIndex index = index(WORDS, "遗嘱监护指引", "补领结婚证预约", "审核准予备案");
        List<SearchHit> jhz = index.search("jhz", 10);
        assertEquals("s1", jhz.get(0).serviceId()); // 结婚证, a whole word, in the middle
        assertEquals(SearchIndex.PREFIX, jhz.get(0).score());
        assertTrue(jhz.get(1).score() < SearchIndex.PREFIX); // 监护|指: cuts 指引
        // hz on 审核准予 would start inside 审核
        List<SearchHit> hz = index.search("hz", 10);
        hz.stream().filter(h -> h.serviceId().equals("s2")).forEach(h -> assertTrue(h.score() <= SearchIndex.SUBSTRING));
    }

    @Test
    void looseMatchesFindWordsApartAndMostOfTheCharactersBelowContiguousOnes() {
        SearchIndex index = index(EverydayWords.none(), "技工院校学历鉴定证明", "出具学历证明书", "狂犬病暴露后处置门诊查询",
                "疫苗接种门诊信息查询", "居民身份证换领", "疫苗流通信息公开", "疫苗预防接种证明补办");
        List<SearchHit> hits = index.search("学历证明", 10);
        assertEquals(List.of("s1", "s0", "s6"), hits.stream().map(SearchHit::serviceId).toList()); // s6: 证明 only
        assertEquals(SearchHit.Kind.LOOSE, hits.get(1).reason().kind());
        assertEquals("学历…证明", hits.get(1).reason().via());
        assertTrue(hits.get(1).score() < SearchIndex.SUBSTRING);
        // the rarer characters say more: 狂犬 before 疫苗
        List<SearchHit> rabies = index.search("狂犬疫苗", 10);
        assertEquals("s2", rabies.get(0).serviceId());
        assertTrue(rabies.stream().skip(1).allMatch(h -> h.name().contains("疫苗")));
        // one character typed wrong, also in a name with digits or Latin letters
        assertEquals("s4", index.search("居民身份正换领", 10).get(0).serviceId());
        SearchIndex mixed = index(EverydayWords.none(), "2019年广东省农业主推技术", "CT检查费用报销");
        assertEquals("s0", mixed.search("2019年广东省农业主推技猪", 10).get(0).serviceId());
        assertEquals("s1", mixed.search("CT检查费用报效", 10).get(0).serviceId());
        assertTrue(index.search("护照", 10).isEmpty(), "nothing in common, nothing found");
    }

    @Test
    void anEverydayWordInsideALongerQueryNeverOutranksALiteralMatchOfItAll() {
        SearchIndex index = index(EverydayWords.parse("t", "出国 = 出入境 | 护照\n"), "出入境证件办理", "国家公派出国留学申请受理");
        List<SearchHit> hits = index.search("出国留学", 10);
        assertEquals(List.of("s1", "s0"), hits.stream().map(SearchHit::serviceId).toList());
        assertEquals(SearchHit.Kind.SYNONYM, hits.get(1).reason().kind());
        assertTrue(hits.get(1).score() < SearchIndex.SUBSTRING);
    }

    @Test
    void typingOnAfterAQueryNoNameMatchedFindsWhatAFreshSearchFinds() {
        List<String> typed = List.of("yinxz", "yinxing", "hzq", "hzqz", "shebaoqia", "shebaoqiax", "结婚证明书", "结婚证明书补",
                "xyz", "xyzsfz", "hunyindengjizheng", "居民身份证首次申领x", "sfzh", "sfzhl");
        SearchIndex typing = SearchIndex.build(INDEX_CATALOG);
        for (String word : typed) {
            for (int i = 1; i <= word.length(); i++) {
                String q = word.substring(0, i);
                SearchIndex fresh = SearchIndex.build(INDEX_CATALOG);
                assertEquals(fresh.search(q, 10), typing.search(q, 10), q);
            }
        }
    }
}
