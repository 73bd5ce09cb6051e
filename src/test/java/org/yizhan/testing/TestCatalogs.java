package org.yizhan.testing;

import java.time.Instant;
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

/** Small hand-made catalogs for tests that must not depend on the demo catalog's content. */
public final class TestCatalogs {

    private TestCatalogs() {
    }

    public static Service service(String id, String name, String dept, List<Audience> audiences, List<String> themes) {
        return new Service(id, "CODE-" + id, name, "行政确认", dept, "县级", audiences, themes,
                List.of("关键词"), "本县户籍居民。",
                List.of(new Variant("首次申领", "第一次办理")),
                List.of(new Material("居民户口簿", 1, 1, MaterialForm.PAPER, Necessity.REQUIRED,
                                MaterialSource.GOVERNMENT, "核验原件，留存复印件", false, false, ""),
                        new Material("近期免冠照片", 0, 2, MaterialForm.PAPER, Necessity.OPTIONAL,
                                MaterialSource.APPLICANT, "", false, false, "首次申领"),
                        new Material("申请表", 1, 0, MaterialForm.PAPER, Necessity.DEFERRABLE,
                                MaterialSource.APPLICANT, "现场填写", true, true, "")),
                List.of(new Step("受理", "窗口工作人员", "核验材料", new TimeLimit(0, TimeUnit.WORKING_DAYS)),
                        new Step("审核", "业务科室", "审核申请", new TimeLimit(5, TimeUnit.WORKING_DAYS)),
                        new Step("办结", "窗口工作人员", "领取结果", null)),
                new TimeLimit(20, TimeUnit.WORKING_DAYS), new TimeLimit(7, TimeUnit.WORKING_DAYS),
                new Fee(true, "工本费20元", "《收费依据》"),
                new Location("测试政务服务中心", "人民路1号", "一楼 1号窗口", "周一至周五 9:00—17:00", "乘1路公交"),
                "0000-65120001", "12345", List.of("《测试法》第一条"), 1, true, true, false,
                "https://zwfw.yunxi.example/guide/" + id, List.of(new Faq("要本人来吗？", "需要本人到场。")));
    }

    /** Two themes for people, one for companies; three departments; five services. */
    public static Catalog small() {
        return new Catalog(7, Instant.parse("2026-11-01T08:00:00Z"), "测试目录", true, "",
                List.of(new Theme("person-090", "090", Audience.PERSON, "证件办理"),
                        new Theme("person-060", "060", Audience.PERSON, "婚姻登记"),
                        new Theme("person-999", "999", Audience.PERSON, "其他"),
                        new Theme("legal-005", "005", Audience.LEGAL, "设立变更")),
                List.of(new Department("gaj", "云溪县公安局"), new Department("mzj", "云溪县民政局"),
                        new Department("scjgj", "云溪县市场监督管理局")),
                List.of(service("gaj-sfz-hl", "居民身份证换领", "gaj", List.of(Audience.PERSON), List.of("person-090")),
                        service("gaj-sfz-bl", "居民身份证补领", "gaj", List.of(Audience.PERSON), List.of("person-090")),
                        service("mzj-jh", "内地居民结婚登记", "mzj", List.of(Audience.PERSON), List.of("person-060")),
                        service("scjgj-gt", "个体工商户设立登记", "scjgj", List.of(Audience.PERSON, Audience.LEGAL),
                                List.of("person-090", "legal-005")),
                        service("scjgj-gs", "有限责任公司设立登记", "scjgj", List.of(Audience.LEGAL),
                                List.of("legal-005"))));
    }
}
