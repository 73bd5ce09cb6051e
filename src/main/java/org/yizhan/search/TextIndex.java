package org.yizhan.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable matcher over a list of texts (ids = list positions): per text the folded units, their
 * pinyin readings and the letters they can start with, plus inverted lists per ideograph and per
 * initial letter or digit so a query only looks at texts that can match.
 */
final class TextIndex {

    /** A match: unit range [start, end) of the text, and the tier it earns (see SearchIndex). */
    record Match(int tier, int start, int end) {
    }

    static final int EXACT = 7;
    static final int PREFIX = 6;
    static final int WORD = 5;
    static final int SUBSTRING = 4;

    private static final int MAX_SYLLABLE = 6; // zhuang, chuang, shuang
    private static final String WORD_ENDS = "的和及与或";
    private static final String OPEN = "(（[【〔《<";
    private static final String CLOSE = ")）]】〕》>";
    private static final int[] EMPTY = new int[0];

    final String[] originals;
    final char[][] units;
    private final int[][] orig;
    private final String[][][] syllables;
    private final long[][] initials;
    private final long[] letters;
    private final boolean[][] boundary;
    private final Map<Character, int[]> byIdeograph;
    private final int[][] byInitial;

    TextIndex(List<String> texts) {
        int n = texts.size();
        originals = texts.toArray(new String[0]);
        units = new char[n][];
        orig = new int[n][];
        syllables = new String[n][][];
        initials = new long[n][];
        letters = new long[n];
        boundary = new boolean[n][];
        Map<Character, IntList> ideo = new HashMap<>();
        IntList[] init = new IntList[36];
        for (int i = 0; i < 36; i++) {
            init[i] = new IntList();
        }
        char[] buf = new char[64];
        int[] pos = new int[64];
        for (int id = 0; id < n; id++) {
            String text = originals[id];
            if (buf.length < text.length()) {
                buf = new char[text.length()];
                pos = new int[text.length()];
            }
            int m = 0;
            for (int i = 0; i < text.length(); i++) {
                char f = Normalizer.fold(text.charAt(i));
                if (f != 0) {
                    buf[m] = f;
                    pos[m++] = i;
                }
            }
            char[] u = Arrays.copyOf(buf, m);
            units[id] = u;
            orig[id] = Arrays.copyOf(pos, m);
            String[][] syl = new String[m][];
            long[] ini = new long[m];
            boolean[] bnd = new boolean[m];
            long all = 0;
            long seen = 0;
            for (int j = 0; j < m; j++) {
                char c = u[j];
                if (Normalizer.isIdeograph(c)) {
                    String[] r = Readings.of(c);
                    syl[j] = r;
                    for (String s : r) {
                        ini[j] |= bit(s.charAt(0));
                        for (int k = 0; k < s.length(); k++) {
                            all |= bit(s.charAt(k));
                        }
                    }
                    IntList l = ideo.computeIfAbsent(c, k -> new IntList());
                    if (l.last() != id) {
                        l.add(id);
                    }
                } else {
                    ini[j] = bit(c);
                    all |= ini[j];
                }
                seen |= ini[j];
                bnd[j] = j > 0 && startsWord(text, orig[id][j - 1], orig[id][j], u[j - 1], u[j]);
            }
            syllables[id] = syl;
            initials[id] = ini;
            letters[id] = all;
            boundary[id] = bnd;
            for (int b = 0; b < 36; b++) {
                if ((seen & (1L << b)) != 0) {
                    init[b].add(id);
                }
            }
        }
        byIdeograph = new HashMap<>(ideo.size() * 2);
        ideo.forEach((c, l) -> byIdeograph.put(c, l.toArray()));
        byInitial = new int[36][];
        for (int i = 0; i < 36; i++) {
            byInitial[i] = init[i].toArray();
        }
    }

    /**
     * Whether a unit at {@code at} starts a word of the main name: after a space or a separator, after
     * 的/和/及/与/或, or where Chinese meets Latin; never inside brackets, which hold a variant's detail.
     */
    private static boolean startsWord(String text, int prevAt, int at, char prev, char unit) {
        int depth = 0;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (OPEN.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSE.indexOf(c) >= 0 && depth > 0) {
                depth--;
            }
        }
        if (depth > 0) {
            return false;
        }
        for (int i = prevAt + 1; i < at; i++) {
            if (OPEN.indexOf(text.charAt(i)) < 0 && CLOSE.indexOf(text.charAt(i)) < 0) {
                return true; // a space, 、, comma, slash …
            }
        }
        return WORD_ENDS.indexOf(prev) >= 0 || Normalizer.isIdeograph(unit) != Normalizer.isIdeograph(prev);
    }

    int size() {
        return units.length;
    }

    int length(int id) {
        return units[id].length;
    }

    /** Ids of the texts that may match the query, ascending; a superset of the matches. */
    int[] candidates(char[] q) {
        int[] best = null;
        for (char c : q) {
            if (Normalizer.isIdeograph(c)) {
                int[] l = byIdeograph.get(c);
                if (l == null) {
                    return EMPTY;
                }
                if (best == null || l.length < best.length) {
                    best = l;
                }
            }
        }
        if (best != null) {
            return best;
        }
        long b = bit(q[0]);
        if (b == 0) {
            return EMPTY; // a non-CJK letter we do not index (Greek, kana …) can only match literally; rare
        }
        return byInitial[Long.numberOfTrailingZeros(b)];
    }

    /** Bits of the ASCII letters and digits of the query, each of which a match must contain. */
    static long letterMask(char[] q) {
        long m = 0;
        for (char c : q) {
            m |= bit(c);
        }
        return m;
    }

    /** The best match of the query in text {@code id}, or null. */
    Match match(int id, char[] q, long qLetters) {
        if ((letters[id] & qLetters) != qLetters) {
            return null;
        }
        char[] u = units[id];
        int n = u.length;
        if (n == 0) {
            return null;
        }
        char q0 = q[0];
        boolean ideo0 = !isQueryLetter(q0);
        long b0 = bit(q0);
        Match fallback = null;
        for (int s = 0; s < n; s++) {
            if (ideo0 || syllables[id][s] == null ? u[s] != q0 : (initials[id][s] & b0) == 0) {
                continue;
            }
            int end = matchFrom(id, s, q, 0);
            if (end < 0) {
                continue;
            }
            if (s == 0) {
                return new Match(end == n ? EXACT : PREFIX, 0, end);
            }
            boolean initialsOnly = end - s == q.length && end - s >= 2 && allLetters(q);
            if (boundary[id][s] || initialsOnly) {
                return new Match(WORD, s, end);
            }
            if (fallback == null) {
                fallback = new Match(SUBSTRING, s, end);
            }
        }
        return fallback;
    }

    /** Characters [start, end) of the original text for a unit range. */
    int originalStart(int id, int unit) {
        return orig[id][unit];
    }

    int originalEnd(int id, int unitEnd) {
        return orig[id][unitEnd - 1] + 1;
    }

    private int matchFrom(int id, int j, char[] q, int k) {
        if (k == q.length) {
            return j;
        }
        char[] u = units[id];
        if (j == u.length || q.length - k > MAX_SYLLABLE * (u.length - j)) {
            return -1;
        }
        char c = q[k];
        String[] syl = syllables[id][j];
        if (syl == null || !isQueryLetter(c)) {
            return u[j] == c ? matchFrom(id, j + 1, q, k + 1) : -1;
        }
        for (String s : syl) {
            int m = 0;
            int max = Math.min(s.length(), q.length - k);
            while (m < max && s.charAt(m) == q[k + m]) {
                m++;
            }
            if (m == 0) {
                continue;
            }
            if (k + m == q.length) {
                return j + 1; // the query ends inside or at the end of this syllable: typing goes on
            }
            if (m == s.length()) {
                int r = matchFrom(id, j + 1, q, k + m);
                if (r >= 0) {
                    return r;
                }
            }
            // In the middle of a query a syllable is typed whole or as its initial (s or sh for shen).
            if (initialLength(s) == 2 && m >= 2 && s.length() > 2) {
                int r = matchFrom(id, j + 1, q, k + 2);
                if (r >= 0) {
                    return r;
                }
            }
            if (s.length() > 1) {
                int r = matchFrom(id, j + 1, q, k + 1);
                if (r >= 0) {
                    return r;
                }
            }
        }
        return -1;
    }

    private static int initialLength(String s) {
        return s.length() >= 2 && s.charAt(1) == 'h' && (s.charAt(0) == 'z' || s.charAt(0) == 'c' || s.charAt(0) == 's')
                ? 2 : 1;
    }

    private static boolean allLetters(char[] q) {
        for (char c : q) {
            if (!Normalizer.isAsciiLetter(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isQueryLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    static long bit(char c) {
        if (c >= 'a' && c <= 'z') {
            return 1L << (c - 'a');
        }
        if (c >= '0' && c <= '9') {
            return 1L << (26 + c - '0');
        }
        return 0;
    }

    /** A growable list of ints. */
    static final class IntList {
        private int[] a = new int[4];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int last() {
            return size == 0 ? -1 : a[size - 1];
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
