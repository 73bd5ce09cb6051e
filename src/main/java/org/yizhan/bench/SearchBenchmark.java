package org.yizhan.bench;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.yizhan.model.Catalog;
import org.yizhan.model.Department;
import org.yizhan.model.Material;
import org.yizhan.model.Service;
import org.yizhan.search.EverydayWords;
import org.yizhan.search.SearchIndex;

/**
 * {@code bench search}: a deterministic synthetic catalog from the vocabulary of real Guangdong service
 * names, keystroke sequences replayed against {@link SearchIndex} and against SQLite FTS5 (trigram,
 * LIKE for queries under three characters, which trigram silently misses).
 */
public final class SearchBenchmark {

    static final String[] REGIONS = {"", "", "", "广东省", "广州市", "深圳市", "佛山市", "东莞市", "省级", "市级", "县级"};
    static final String[] SUBJECTS = {"居民身份证", "机动车驾驶证", "社会保障卡", "营业执照", "普通护照", "往来港澳通行证",
            "往来台湾通行证", "结婚登记", "离婚登记", "婚姻登记证", "户口迁入", "出生登记", "居住证", "养老保险", "失业保险金",
            "医疗保险", "生育津贴", "住房公积金", "律师事务所", "执业医师", "教师资格", "建设工程规划许可证", "食品经营许可证",
            "道路运输经营许可证", "不动产权证书", "残疾人证", "优待证", "法律援助", "行政复议", "银行账户", "重庆市户籍",
            "药品经营许可证", "排污许可证", "特种设备", "建筑施工企业资质", "公证", "档案", "发票", "个人所得税", "宅基地",
            "林木采伐许可证", "渔业捕捞许可证", "船舶登记", "无线电台", "广播电视", "出版物经营许可证", "医疗机构执业许可",
            "危险化学品经营许可", "烟草专卖零售许可证", "城乡居民基本养老保险", "企业职工基本养老保险", "工伤保险待遇",
            "就业创业证", "最低生活保障", "高龄津贴", "临时救助", "义务教育入学", "学历公证", "涉外婚姻登记", "民办非企业单位"};
    static final String[] ACTIONS = {"申领", "换领", "补领", "首次申领", "变更", "注销", "核发", "审批", "备案", "查询", "延续",
            "登记", "申请", "办理", "确认", "进度查询", "证明开具", "待遇申领", "信息查询", "年度报告"};
    static final String[] VARIANTS = {"", "", "", "", "（个人）", "（企业）", "（首次申请）", "（变更法定代表人）", "（遗失补办）",
            "（有效期满换证）", "(省内迁移)", "（外国人申领）", "（港澳居民）"};
    static final String[] DEPARTMENTS = {"公安局", "民政局", "人力资源和社会保障局", "医疗保障局", "住房公积金管理中心",
            "市场监督管理局", "税务局", "自然资源局", "卫生健康委员会", "交通运输局", "司法局", "教育局", "农业农村局",
            "生态环境局", "林业局", "退役军人事务局", "残疾人联合会", "中国人民银行", "文化广电旅游局", "应急管理局"};
    static final String[] MATERIALS = {"居民身份证", "居民户口簿", "营业执照", "申请表", "近期免冠照片", "结婚证",
            "授权委托书", "法定代表人身份证明", "不动产权证书", "医学证明", "社会保障卡", "驾驶证", "行驶证", "合同", "发票"};

    /** What {@link #run} measured. */
    public record Result(int services, double p50Ms, double p99Ms, long buildMs, long heapMb, double fts5P99Ms,
            int queries, int sequences, int everydayQueries, double everydayP50Ms, double everydayP99Ms) {
        public String line() {
            return String.format(java.util.Locale.ROOT,
                    "search services=%d p50_ms=%.3f p99_ms=%.3f build_ms=%d heap_mb=%d fts5_p99_ms=%.3f ratio=%.1f",
                    services, p50Ms, p99Ms, buildMs, heapMb, fts5P99Ms, fts5P99Ms / p99Ms);
        }
    }

    private SearchBenchmark() {
    }

    /** A catalog of {@code size} services, the same for the same size. */
    public static Catalog syntheticCatalog(int size) {
        Random r = new Random(20210101L);
        List<Department> departments = new ArrayList<>();
        for (int i = 0; i < DEPARTMENTS.length; i++) {
            departments.add(new Department("d" + i, DEPARTMENTS[i]));
        }
        List<Service> services = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String name = pick(r, REGIONS) + pick(r, SUBJECTS) + pick(r, ACTIONS) + pick(r, VARIANTS);
            List<Material> materials = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                materials.add(new Material(pick(r, MATERIALS), 1, 0, null, null, null, "", false, false, ""));
            }
            services.add(new Service("s" + i, "", name, "", "d" + r.nextInt(DEPARTMENTS.length), "", null, null,
                    List.of(), "", null, materials, null, null, null, null, null, "", "", null, null, false, false,
                    false, "", null));
        }
        return new Catalog(1, Instant.EPOCH, "bench", true, "", List.of(), departments, services);
    }

    /** At least 200 keystroke sequences: Chinese, full pinyin, initials, one and two characters. */
    public static List<String> sequences() {
        Set<String> out = new LinkedHashSet<>();
        List<String> words = new ArrayList<>(Arrays.asList(SUBJECTS));
        words.addAll(Arrays.asList(ACTIONS).subList(0, 12));
        for (String w : words) {
            String py = PinyinHelper.toPinyin(w, PinyinStyleEnum.NORMAL, " ").replace("ü", "v");
            String[] syl = py.split(" ");
            StringBuilder initials = new StringBuilder();
            for (String s : syl) {
                initials.append(s.charAt(0));
            }
            out.add(w);                          // Chinese, committed by an IME
            out.add(py.replace(" ", ""));         // full pinyin
            out.add(initials.toString());        // initials
            out.add(w.substring(0, 1));          // one character
            if (w.length() >= 2) {
                out.add(w.substring(0, 2));      // two characters
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * What the dictionary and loose matching serve: everyday words (every fourth of the shipped dictionary)
     * in characters, full pinyin and initials, and 100 of the catalog's names with one character changed.
     */
    public static List<String> everydaySequences(Catalog catalog) {
        Set<String> out = new LinkedHashSet<>();
        List<EverydayWords.Entry> entries = EverydayWords.builtIn().entries();
        for (int i = 0; i < entries.size(); i += 4) {
            String w = entries.get(i).everyday();
            String py = PinyinHelper.toPinyin(w, PinyinStyleEnum.NORMAL, " ").replace("ü", "v");
            StringBuilder initials = new StringBuilder();
            for (String s : py.split(" ")) {
                initials.append(s.charAt(0));
            }
            out.add(w);
            out.add(py.replace(" ", ""));
            out.add(initials.toString());
        }
        Random r = new Random(7);
        List<Service> services = catalog.services();
        for (int i = 0; i < 100; i++) {
            String name = services.get(r.nextInt(services.size())).name().replaceAll("[(（].*$", "");
            int at = r.nextInt(name.length());
            out.add(name.substring(0, at) + "册" + name.substring(at + 1));
        }
        return new ArrayList<>(out);
    }

    /** Every prefix of a sequence is one keystroke's query (Chinese is committed a character at a time). */
    static List<String> keystrokes(List<String> sequences) {
        List<String> q = new ArrayList<>();
        for (String s : sequences) {
            for (int i = 1; i <= s.length(); i++) {
                q.add(s.substring(0, i));
            }
        }
        return q;
    }

    public static Result run(int size) throws SQLException {
        Catalog catalog = syntheticCatalog(size);
        List<String> sequences = sequences();
        List<String> queries = keystrokes(sequences);

        long before = usedHeap();
        long t0 = System.nanoTime();
        SearchIndex index = SearchIndex.build(catalog);
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        long heapMb = Math.max(0, usedHeap() - before) / (1024 * 1024);

        double[] ours = timed(index, queries);
        List<String> everyday = keystrokes(everydaySequences(catalog));
        double[] more = timed(index, everyday);
        double fts5 = fts5P99(catalog, queries);
        return new Result(size, percentile(ours, 50), percentile(ours, 99), buildMs, heapMb, fts5, queries.size(),
                sequences.size(), everyday.size(), percentile(more, 50), percentile(more, 99));
    }

    /** Milliseconds of each query after three rounds to warm up, sorted. */
    private static double[] timed(SearchIndex index, List<String> queries) {
        for (int warm = 0; warm < 3; warm++) {
            for (String q : queries) {
                index.search(q, 10);
            }
        }
        double[] ms = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long s = System.nanoTime();
            index.search(queries.get(i), 10);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double fts5P99(Catalog catalog, List<String> queries) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE VIRTUAL TABLE s USING fts5(name, tokenize='trigram')");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO s(rowid, name) VALUES (?, ?)")) {
                int i = 0;
                for (Service s : catalog.services()) {
                    ins.setInt(1, i++);
                    ins.setString(2, s.name());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            c.commit();
            try (PreparedStatement match = c.prepareStatement("SELECT rowid, name FROM s WHERE s MATCH ? ORDER BY rank LIMIT 10");
                 PreparedStatement like = c.prepareStatement("SELECT rowid, name FROM s WHERE name LIKE ? LIMIT 10")) {
                for (int warm = 0; warm < 2; warm++) {
                    for (String q : queries) {
                        fts5(match, like, q);
                    }
                }
                double[] t = new double[queries.size()];
                for (int i = 0; i < queries.size(); i++) {
                    long s = System.nanoTime();
                    fts5(match, like, queries.get(i));
                    t[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(t);
                return percentile(t, 99);
            }
        }
    }

    private static int fts5(PreparedStatement match, PreparedStatement like, String q) throws SQLException {
        PreparedStatement ps;
        if (q.codePointCount(0, q.length()) >= 3) {
            ps = match;
            ps.setString(1, "\"" + q.replace("\"", "\"\"") + "\"");
        } else {
            ps = like;
            ps.setString(1, "%" + q + "%");
        }
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    private static double percentile(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String pick(Random r, String[] a) {
        return a[r.nextInt(a.length)];
    }
}
