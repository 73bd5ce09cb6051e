package org.yizhan.server.status;

/** Feed records for tests, one JSON line each. */
final class Cases {
    private Cases() {
    }

    /** An open case of 赵钱孙 (phone 13911117531, check 7531) with {@code steps} steps a day apart from 2026-11-20. */
    static String open(String number, int steps) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < steps; i++) {
            list.append(i == 0 ? "" : ",").append("{\"name\":\"步骤").append(i + 1).append("\",\"at\":\"2026-11-")
                    .append(20 + i).append("T09:00:00+08:00\",\"office\":\"县政务服务中心\"}");
        }
        return "{\"number\":\"" + number + "\",\"serviceId\":\"gaj-sfz-hl\",\"serviceName\":\"居民身份证换领\","
                + "\"department\":\"云溪县公安局\",\"applicant\":\"赵钱孙\",\"checkKind\":\"phone4\","
                + "\"phone\":\"13911117531\",\"submittedAt\":\"2026-11-20T09:00:00+08:00\",\"promisedBy\":\"2026-12-10\","
                + "\"steps\":[" + list + "]}";
    }

    /** A finished case of 钱多多 (ID 53012319800186420X, check 86420X), its last step at {@code at}. */
    static String finished(String number, String at) {
        return "{\"number\":\"" + number + "\",\"serviceId\":\"mzj-jhdj\",\"serviceName\":\"内地居民结婚登记\","
                + "\"department\":\"云溪县民政局\",\"applicant\":\"钱多多\",\"checkKind\":\"id6\","
                + "\"idNumber\":\"53012319800186420X\",\"submittedAt\":\"" + at + "\",\"steps\":[{\"name\":\"受理\","
                + "\"at\":\"" + at + "\",\"office\":\"婚姻登记处\"},{\"name\":\"办结\",\"at\":\"" + at
                + "\",\"office\":\"婚姻登记处\"}],\"result\":\"准予\",\"finished\":true}";
    }
}
