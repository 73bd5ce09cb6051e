package org.yizhan.testing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.model.Catalog;
import org.yizhan.model.Service;

/** Texts as long as real ones get: what a screen must show whole, wrapped rather than cut. */
public final class LongTexts {

    /** 40 characters, the longest hall.name the configuration accepts. */
    public static final String HALL = "云溪县人民政府政务服务中心（县行政审批服务局）城南片区便民服务分中心第二办事大厅";
    public static final String NOTICE = "温馨提示：因系统升级，不动产登记、车管业务窗口本周六（11月29日）上午照常办公，下午暂停受理；"
            + "社保、医保业务可通过“粤省事”小程序或本机“办事指南”查看所需材料后网上办理。携带老人、儿童或行动不便者办事的，"
            + "可到一楼咨询台申请绿色通道，工作人员将全程帮办代办。如需复印、打印材料，请到大厅东侧自助服务区（每页0.5元，可扫码支付）。";
    /** 76 characters with brackets inside brackets, as provincial catalogs name services. */
    public static final String SERVICE = "城乡居民基本养老保险待遇申领（含个人账户一次性待遇领取〔参保人员死亡或出国（境）定居〕、"
            + "丧葬补助金申领）（县级权限，由乡镇（街道）便民服务中心代收代办）";
    /** The demo service given {@link #SERVICE} as its name: first in theme person-090, with a legal basis. */
    public static final String SERVICE_ID = "gaj-sfz-sl";

    private LongTexts() {
    }

    /** The bundled demo catalog with the long notice and the long service name. */
    public static Catalog demo() throws Exception {
        Catalog demo;
        try (InputStream in = LongTexts.class.getResourceAsStream("/assets/catalog/demo-catalog.json")) {
            demo = CatalogJson.read(in);
        }
        List<Service> services = new ArrayList<>();
        for (Service s : demo.services()) {
            services.add(s.id().equals(SERVICE_ID) ? s.withIdAndName(s.id(), SERVICE) : s);
        }
        return new Catalog(demo.version(), demo.generatedAt(), demo.title(), demo.sample(), NOTICE, demo.themes(),
                demo.departments(), services);
    }
}
