package org.yizhan.model;

import java.util.List;
import java.util.Objects;

/**
 * 政务服务事项 with its 办事指南: everything the kiosk shows for one service.
 *
 * @param id               unique within a catalog; what the kiosk links by
 * @param code             事项编码, the national code
 * @param type             事项类型 (行政许可, 行政确认, 公共服务 …)
 * @param level            行使层级 (省级, 市级, 县级, 镇级, 村级)
 * @param legalTimeLimit   法定办结时限, null where the law sets none
 * @param promisedTimeLimit 承诺办结时限, null where unknown; 0 means 即办件
 * @param fee              收费, null where the source does not say (the kiosk then sends the citizen to ask)
 * @param visits           到办事现场次数, null where unknown
 * @param onlineUrl        网上办理地址, empty if there is none
 */
public record Service(
        String id,
        String code,
        String name,
        String type,
        String departmentId,
        String level,
        List<Audience> audiences,
        List<String> themeIds,
        List<String> keywords,
        String acceptConditions,
        List<Variant> variants,
        List<Material> materials,
        List<Step> steps,
        TimeLimit legalTimeLimit,
        TimeLimit promisedTimeLimit,
        Fee fee,
        Location location,
        String consultPhone,
        String complaintPhone,
        List<String> legalBasis,
        Integer visits,
        boolean onlineApply,
        boolean booking,
        boolean courierDelivery,
        String onlineUrl,
        List<Faq> faq) {

    public Service {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(departmentId, "departmentId");
        code = nullToEmpty(code);
        type = nullToEmpty(type);
        level = nullToEmpty(level);
        audiences = List.copyOf(audiences == null ? List.of() : audiences);
        themeIds = List.copyOf(themeIds == null ? List.of() : themeIds);
        keywords = List.copyOf(keywords == null ? List.of() : keywords);
        acceptConditions = nullToEmpty(acceptConditions);
        variants = List.copyOf(variants == null ? List.of() : variants);
        materials = List.copyOf(materials == null ? List.of() : materials);
        steps = List.copyOf(steps == null ? List.of() : steps);
        location = location == null ? Location.UNKNOWN : location;
        consultPhone = nullToEmpty(consultPhone);
        complaintPhone = nullToEmpty(complaintPhone);
        legalBasis = List.copyOf(legalBasis == null ? List.of() : legalBasis);
        if (visits != null && visits < 0) {
            throw new IllegalArgumentException("visits must not be negative: " + visits);
        }
        onlineUrl = nullToEmpty(onlineUrl);
        faq = List.copyOf(faq == null ? List.of() : faq);
    }

    /** 最多跑一次: one visit at most. */
    public boolean atMostOneVisit() {
        return visits != null && visits <= 1;
    }

    /** 零跑动: can be done entirely without coming to the hall. */
    public boolean zeroVisits() {
        return visits != null && visits == 0;
    }

    /** 即办件: done on the spot. */
    public boolean immediate() {
        return promisedTimeLimit != null && promisedTimeLimit.immediate();
    }

    public boolean isFor(Audience audience) {
        return audiences.contains(audience);
    }

    /** The same guide under another id and name, e.g. a county's variant of a provincial service. */
    public Service withIdAndName(String newId, String newName) {
        return new Service(newId, code, newName, type, departmentId, level, audiences, themeIds, keywords,
                acceptConditions, variants, materials, steps, legalTimeLimit, promisedTimeLimit, fee, location,
                consultPhone, complaintPhone, legalBasis, visits, onlineApply, booking, courierDelivery, onlineUrl, faq);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
