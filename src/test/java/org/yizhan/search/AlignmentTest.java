package org.yizhan.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AlignmentTest {

    @Test
    void twoWordsInTwoPlaces() {
        assertArrayEquals(new int[] {0, 2, 4, 6}, Alignment.of("学历证明".toCharArray(), "学历鉴定证明".toCharArray()));
    }

    @Test
    void prefersFewerPiecesForTheSameCount() {
        // 证明 could match the first 证 and the last 明, but the run 证明 is one piece
        assertArrayEquals(new int[] {3, 5}, Alignment.of("证明".toCharArray(), "证件的证明".toCharArray()));
    }

    @Test
    void partOfTheQuery() {
        assertArrayEquals(new int[] {0, 2}, Alignment.of("狂犬疫苗".toCharArray(), "狂犬病暴露后处置".toCharArray()));
        assertArrayEquals(new int[0], Alignment.of("护照".toCharArray(), "身份证".toCharArray()));
    }

    @Test
    void matchesAsManyAsALongestCommonSubsequence() {
        Random r = new Random(7);
        for (int t = 0; t < 2000; t++) {
            char[] a = random(r, 1 + r.nextInt(6));
            char[] b = random(r, r.nextInt(12));
            int[] ranges = Alignment.of(a, b);
            int matched = 0;
            int last = -1;
            for (int i = 0; i < ranges.length; i += 2) {
                assertTrue(ranges[i] >= last && ranges[i + 1] > ranges[i], "ordered and non-empty");
                matched += ranges[i + 1] - ranges[i];
                last = ranges[i + 1];
            }
            assertEquals(lcs(a, b), matched);
        }
    }

    private static char[] random(Random r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = "证明学历身份".charAt(r.nextInt(6));
        }
        return c;
    }

    private static int lcs(char[] a, char[] b) {
        int[][] d = new int[a.length + 1][b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                d[i][j] = a[i - 1] == b[j - 1] ? d[i - 1][j - 1] + 1 : Math.max(d[i - 1][j], d[i][j - 1]);
            }
        }
        return d[a.length][b.length];
    }
}
