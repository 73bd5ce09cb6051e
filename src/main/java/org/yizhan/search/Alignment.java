package org.yizhan.search;

/**
 * The best way to find a query's characters in a name in order: as many of them as possible, then in as
 * few pieces as possible (a longest common subsequence that prefers runs). 学历证明 in 学历鉴定证明 is
 * two pieces, 学历 and 证明.
 */
final class Alignment {

    private static final int NONE = Integer.MIN_VALUE / 2;

    private Alignment() {
    }

    /**
     * The pieces of {@code name} that matched, as unit ranges {start, end, start, end, …} in order;
     * empty when no character matched.
     */
    static int[] of(char[] query, char[] name) {
        int n = query.length;
        int m = name.length;
        // value = matched * 64 - pieces; run[i][j]: query[i-1] matched name[j-1]; any[i][j]: best so far.
        int[][] run = new int[n + 1][m + 1];
        int[][] any = new int[n + 1][m + 1];
        for (int j = 0; j <= m; j++) {
            run[0][j] = NONE;
        }
        for (int i = 1; i <= n; i++) {
            run[i][0] = NONE;
            any[i][0] = 0;
            for (int j = 1; j <= m; j++) {
                int r = NONE;
                if (query[i - 1] == name[j - 1]) {
                    r = Math.max(run[i - 1][j - 1] + 64, any[i - 1][j - 1] + 63);
                }
                run[i][j] = r;
                any[i][j] = Math.max(Math.max(any[i - 1][j], any[i][j - 1]), r);
            }
        }
        int v = any[n][m];
        int matched = (v + 63) / 64;
        if (matched <= 0) {
            return new int[0];
        }
        int pieces = matched * 64 - v;
        int[] out = new int[pieces * 2];
        int p = pieces;
        int i = n;
        int j = m;
        boolean inRun = false;
        int runEnd = -1;
        while (i > 0 && j > 0) {
            if (inRun) {
                // run[i][j] holds: query[i-1] = name[j-1]; does the run go on to the left?
                if (run[i][j] == run[i - 1][j - 1] + 64 && run[i - 1][j - 1] > NONE / 2) {
                    i--;
                    j--;
                    continue;
                }
                p--;
                out[2 * p] = j - 1;
                out[2 * p + 1] = runEnd;
                inRun = false;
                i--;
                j--;
                continue;
            }
            if (any[i][j] == run[i][j]) {
                inRun = true;
                runEnd = j;
            } else if (any[i][j] == any[i - 1][j]) {
                i--;
            } else {
                j--;
            }
        }
        if (inRun) {
            p--;
            out[2 * p] = j - 1;
            out[2 * p + 1] = runEnd;
        }
        return out;
    }
}
