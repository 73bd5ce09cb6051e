package org.yizhan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pairs of adjacent units never lose a match, and leave out names a query cannot start in (省级 for shenl). */
class UnitPairsTest {

    private static final String[] PIECES = {"深圳市", "申领", "社会保险", "银行", "行政复议", "重庆", "长沙", "佛山",
            "养老", "烟草", "广州", "CT检查", "5G", "护照", "婚姻登记", "首次", "市场", "证明", "绿色通道", "乐队", "音乐"};

    private static long[] marked(TextIndex index, String q, boolean startOnly) {
        long[] bits = new long[(index.size() + 63) / 64];
        index.markStarts(q.toCharArray(), startOnly, bits);
        return bits;
    }

    private static boolean has(long[] bits, int id) {
        return (bits[id >>> 6] & 1L << id) != 0;
    }

    @Test
    void everyMatchIsAmongTheMarkedNamesInAnyReading() {
        Random r = new Random(11);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 1 + r.nextInt(4); k > 0; k--) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
            names.add(sb.toString());
        }
        TextIndex index = new TextIndex(names);
        List<String> queries = new ArrayList<>(List.of("shenl", "shenzh", "szs", "yinhang", "yinxing", "hangzheng",
                "zhongqing", "chongq", "changs", "zhangsha", "foshan", "fus", "ctjc", "ct检", "5gs", "yuedui", "lead",
                "yinyue", "yinle", "hzhz", "shouci", "sch", "zhengming"));
        String letters = "abcdefghijklmnopqrstuvwxyz5";
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 3 + r.nextInt(4); k > 0; k--) {
                sb.append(letters.charAt(r.nextInt(letters.length())));
            }
            queries.add(sb.toString());
        }
        int matches = 0;
        int left = 0;
        for (String q : queries) {
            char[] qc = q.toCharArray();
            if (!TextIndex.pairable(qc)) {
                continue;
            }
            long[] any = marked(index, q, false);
            long[] start = marked(index, q, true);
            long qLetters = TextIndex.letterMask(qc);
            for (int id = 0; id < index.size(); id++) {
                if (index.match(id, qc, qLetters, true) != null) {
                    matches++;
                    assertTrue(has(any, id), q + " in " + names.get(id));
                } else if (!has(any, id)) {
                    left++;
                }
                if (index.matchStart(id, qc, qLetters) != null) {
                    assertTrue(has(start, id), q + " starts " + names.get(id));
                }
            }
        }
        assertTrue(matches > 1000, "matches " + matches);
        assertTrue(left > 0, "nothing left out");
    }

    @Test
    void shenlStartsInShenlingNotInShengji() {
        TextIndex index = new TextIndex(List.of("省级居住证申领", "申领居住证", "银行账户"));
        long[] start = marked(index, "shenl", true);
        long[] any = marked(index, "shenl", false);
        assertFalse(has(start, 0));
        assertTrue(has(any, 0));
        assertTrue(has(start, 1));
        assertFalse(has(any, 2));
        // a reading other than the usual one counts too: 行 read hang
        assertTrue(has(marked(index, "yinh", true), 2));
        assertEquals(1, Long.bitCount(marked(index, "yinhang", false)[0]));
    }

    @Test
    void onlyQueriesOfThreeOrMoreLettersAndDigitsUseThePairs() {
        assertFalse(TextIndex.pairable("sh".toCharArray()));
        assertFalse(TextIndex.pairable("sh份".toCharArray()));
        assertTrue(TextIndex.pairable("5gs".toCharArray()));
    }
}
