package org.yizhan.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.yizhan.model.Audience;
import org.yizhan.model.Catalog;
import org.yizhan.model.Department;
import org.yizhan.model.Faq;
import org.yizhan.model.Fee;
import org.yizhan.model.Location;
import org.yizhan.model.Material;
import org.yizhan.model.MaterialForm;
import org.yizhan.model.MaterialSource;
import org.yizhan.model.Necessity;
import org.yizhan.model.Service;
import org.yizhan.model.Step;
import org.yizhan.model.Theme;
import org.yizhan.model.TimeLimit;
import org.yizhan.model.TimeUnit;
import org.yizhan.model.Variant;

/** Catalogs for tests: every field used, Chinese text, emoji, and one very long text. */
final class TestCatalogs {
    static final String EMOJI = "👍🏽📄✅";
    /** 2,000 characters of Chinese with an emoji inside, longer than any real field. */
    static final String LONG_TEXT = ("申请人应当如实提交有关材料和反映真实情况，并对其申请材料实质内容的真实性负责。" + EMOJI)
            .repeat(60).substring(0, 2000);

    static final Theme PERSON_090 = new Theme("person-090", "090", Audience.PERSON, "证件办理");
    static final Theme LEGAL_005 = new Theme("legal-005", "005", Audience.LEGAL, "设立变更");
    static final Theme LOCAL = new Theme("云溪-特色-" + EMOJI, "", Audience.PERSON, "地方特色 " + EMOJI);
    static final Department POLICE = new Department("gaj", "云溪县公安局");
    static final Department MARKET = new Department("scjgj", "云溪县市场监督管理局" + EMOJI);

    private TestCatalogs() {
    }

    static Catalog rich(long version) {
        return new Catalog(version, Instant.parse("2026-11-01T08:00:00.123456789Z"), "云溪县政务服务事项目录",
                true, "国庆期间暂停服务 " + EMOJI,
                List.of(PERSON_090, LEGAL_005, LOCAL), List.of(POLICE, MARKET),
                List.of(idCard(), minimal("scjgj-gtgsh", "个体工商户设立登记", "scjgj")));
    }

    /** {@link #rich} with translations at every level: the catalog, a theme, a department, a service and its parts. */
    static Catalog translated(long version) {
        Catalog c = rich(version);
        java.util.Map<String, java.util.Map<String, String>> texts = new java.util.HashMap<>();
        texts.put("title", java.util.Map.of("en", "Yunxi County catalog of services"));
        texts.put("notice", java.util.Map.of("zh-Hant", "國慶期間暫停服務（本所自譯）", "en", "Closed on National Day " + EMOJI));
        texts.put("themes/person-090/name", java.util.Map.of("en", "ID documents"));
        texts.put("departments/gaj/name", java.util.Map.of("en", "Yunxi County Public Security Bureau", "zh-Hant", "雲溪縣公安局"));
        texts.put("services/gaj-sfz-hl/name", java.util.Map.of("en", "Renewing a resident ID card"));
        texts.put("services/gaj-sfz-hl/acceptConditions", java.util.Map.of("en", LONG_TEXT + " (in English)"));
        texts.put("services/gaj-sfz-hl/variants/0/name", java.util.Map.of("en", "Card expiring"));
        texts.put("services/gaj-sfz-hl/materials/1/notes", java.util.Map.of("en", "Bring the damaged card"));
        texts.put("services/gaj-sfz-hl/steps/0/description", java.util.Map.of("zh-Hant", "核驗身份，採集人像和指紋"));
        texts.put("services/gaj-sfz-hl/fee/standard", java.util.Map.of("en", "20 yuan"));
        texts.put("services/gaj-sfz-hl/location/address", java.util.Map.of("en", "88 Renmin Road, Yunxi"));
        return new Catalog(c.version(), c.generatedAt(), c.title(), c.sample(), c.notice(), c.themes(), c.departments(),
                c.services(), new org.yizhan.model.Translations(texts));
    }

    /** A service that uses every field with a non-default value. */
    static Service idCard() {
        return idCard(LONG_TEXT);
    }

    /** The same, with {@code longText} wherever a field may hold a lot of text. */
    static Service idCard(String longText) {
        return new Service("gaj-sfz-hl", "11532923MB1234567X4000112001", "居民身份证换领", "行政确认", "gaj", "县级",
                List.of(Audience.PERSON, Audience.LEGAL), List.of("person-090", LOCAL.id()),
                List.of("换身份证", "身份证到期", EMOJI), longText,
                List.of(new Variant("有效期满换领", "证件有效期将满或已满"), new Variant("损坏换领", "")),
                List.of(new Material("原居民身份证", 1, 0, MaterialForm.PAPER, Necessity.REQUIRED,
                                MaterialSource.GOVERNMENT, "", false, false, ""),
                        new Material("损坏的证件 " + EMOJI, 2, 3, MaterialForm.PAPER_OR_ELECTRONIC, Necessity.DEFERRABLE,
                                MaterialSource.OTHER, longText, true, true, "损坏换领"),
                        new Material("照片", 0, 1, MaterialForm.ELECTRONIC, Necessity.OPTIONAL,
                                MaterialSource.APPLICANT, "白底", false, true, "有效期满换领")),
                List.of(new Step("受理", "户政窗口", "核验身份，采集人像和指纹", new TimeLimit(0, TimeUnit.WORKING_DAYS)),
                        new Step("制证", "", "", new TimeLimit(48, TimeUnit.HOURS)),
                        new Step("送达", "邮政", longText, null)),
                new TimeLimit(60, TimeUnit.NATURAL_DAYS), new TimeLimit(15, TimeUnit.WORKING_DAYS),
                new Fee(true, "工本费20元", "《居民身份证法》"),
                new Location("云溪县政务服务中心", "云溪县人民路88号", "一楼公安综合窗口 5—8号",
                        "周一至周五 9:00—12:00，13:30—17:00", "乘1路公交 " + EMOJI),
                "0871-6512 3401", "12345", List.of("《中华人民共和国居民身份证法》第十一条", longText),
                1, true, true, true, "https://zwfw.example.gov.cn/guide/gaj-sfz-hl?x=1&y=二",
                List.of(new Faq("可以异地换领吗？", "可以，全国通办。" + EMOJI), new Faq("要多久？", longText)));
    }

    /** A service with only the required fields. */
    static Service minimal(String id, String name, String departmentId) {
        return new Service(id, null, name, null, departmentId, null, List.of(Audience.PERSON), null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, false, false, false, null, null);
    }

    /** {@code count} services spread over the rich catalog's departments and themes, for size tests. */
    static Catalog large(long version, int count) {
        List<Service> services = new ArrayList<>(count);
        Service template = idCard("需要提供的说明文字");
        for (int i = 0; i < count; i++) {
            services.add(new Service("svc-" + i, "code" + i, "事项" + i + " " + template.name(), template.type(),
                    i % 2 == 0 ? "gaj" : "scjgj", template.level(), template.audiences(), template.themeIds(),
                    template.keywords(), "条件" + i, template.variants(), template.materials(), template.steps(),
                    template.legalTimeLimit(), template.promisedTimeLimit(), template.fee(), template.location(),
                    template.consultPhone(), template.complaintPhone(), template.legalBasis(), i % 3,
                    i % 2 == 0, true, false, template.onlineUrl(), template.faq()));
        }
        Catalog rich = rich(version);
        return new Catalog(version, rich.generatedAt(), rich.title(), false, "", rich.themes(),
                rich.departments(), services);
    }
}
