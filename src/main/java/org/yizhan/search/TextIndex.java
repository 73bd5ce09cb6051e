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

    /**
     * A match: unit range [start, end) of the text, the tier it earns (see SearchIndex), and whether it
     * needed a reading of a polyphone other than the one usual in its place (行政 read hangzheng).
     */
    record Match(int tier, int start, int end, boolean unusual) {
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
    private static final int PAIRS = 36 * 36;
    /** pairBits are kept for pairs of letters a–z only: digits are rare in queries, and 36 × 36 bits a name cost 8 MB more. */
    private static final int PAIR_WORDS = (26 * 26 + 63) / 64;
    private static final int TRIPLES = 36 * 36 * 36;

    final String[] originals;
    final char[][] units;
    private final int[][] orig;
    private final String[][][] syllables;
    /** Per text, whether it has a polyphone: then a match is first tried with the usual readings only. */
    private final boolean[] polyphones;
    /** Per ideograph, the readings usual on its own (Readings.alone); null for characters no text has. */
    private final String[][] aloneReadings;
    /**
     * Per text, null, or per unit the readings a phrase makes usual where it differs from the character's
     * own (银行: hang); null units take {@link #aloneReadings}.
     */
    private final String[][][] phraseReadings;
    private final long[][] initials;
    private final long[] letters;
    /** Per text, the letters its usual readings have (the same as letters but for texts with a polyphone). */
    private final long[] usualLetters;
    private final boolean[][] boundary;
    private final Map<Character, int[]> byIdeograph;
    private final int[][] byInitial;
    /**
     * Per text, a bit per pair of query letters a–z (a, b) that can follow each other in a match:
     * b after a inside a reading, or a the last letter a unit can give (a reading's last letter, its
     * initial, the h of zh/ch/sh; a Latin letter or digit itself) and b the first one the next unit can
     * give. A text lacking a pair of the query cannot match it.
     */
    private final long[] pairBits;
    /**
     * Per first two or three query letters or digits (key2, key3), the texts where a match can start
     * at the first unit (start), at a word boundary (word), or cover one unit per letter (initials).
     * Texts where a match reaches the name-prefix or word tier are always in these lists.
     */
    private final int[][] start1;
    private final int[][] word1;
    private final Map<Character, int[]> startIdeo;
    private final Map<Character, int[]> wordIdeo;
    private final int[][] start2;
    private final int[][] start3;
    private final int[][] word2;
    private final int[][] word3;
    private final int[][] init2;
    private final int[][] init3;
    /**
     * Per first two query letters, the texts with a reading starting with them; with init2 (a unit's
     * initial and the next one's), the texts where a match can start at any unit: the substring tier's
     * candidates.
     */
    private final int[][] any2;
    /** As init2, from the initials of the readings usual in place only: where a usual match can start. */
    private final int[][] usualInit2;
    /** The pairs of adjacent units, for the candidates of queries of three or more letters and digits. */
    private final UnitPairs pairs;

    TextIndex(List<String> texts) {
        int n = texts.size();
        originals = texts.toArray(new String[0]);
        units = new char[n][];
        orig = new int[n][];
        syllables = new String[n][][];
        polyphones = new boolean[n];
        aloneReadings = new String[65536][];
        phraseReadings = new String[n][][];
        initials = new long[n][];
        letters = new long[n];
        usualLetters = new long[n];
        boundary = new boolean[n][];
        IntList[] ideo = new IntList[65536];
        IntList[] init = new IntList[36];
        for (int i = 0; i < 36; i++) {
            init[i] = new IntList();
        }
        pairBits = new long[n * PAIR_WORDS];
        IntList[] s2 = new IntList[PAIRS];
        IntList[] s3 = new IntList[TRIPLES];
        IntList[] w2 = new IntList[PAIRS];
        IntList[] w3 = new IntList[TRIPLES];
        IntList[] i2 = new IntList[PAIRS];
        IntList[] i3 = new IntList[TRIPLES];
        IntList[] a2 = new IntList[PAIRS];
        IntList[] s1 = new IntList[36];
        IntList[] w1 = new IntList[36];
        Map<Character, IntList> sIdeo = new HashMap<>();
        Map<Character, IntList> wIdeo = new HashMap<>();
        KeySet ws1 = new KeySet();
        KeySet k2 = new KeySet();
        KeySet k3 = new KeySet();
        KeySet ws2 = new KeySet();
        KeySet ws3 = new KeySet();
        KeySet is2 = new KeySet();
        KeySet is3 = new KeySet();
        KeySet as2 = new KeySet();
        long[] pairSeen = new long[PAIR_WORDS];
        long[] lastOf = new long[64];
        long[] firstOf = new long[64];
        CharInfo[] info = new CharInfo[65536];
        char[] buf = new char[64];
        int[] pos = new int[64];
        UnitPairs.Builder pairList = new UnitPairs.Builder(c -> Normalizer.isIdeograph((char) c) ? Readings.of((char) c) : null);
        for (int id = 0; id < n; id++) {
            String text = originals[id];
            char[] tc = text.toCharArray();
            if (buf.length < text.length()) {
                buf = new char[text.length()];
                pos = new int[text.length()];
            }
            int m = 0;
            for (int i = 0; i < text.length(); i++) {
                char f = Normalizer.fold(tc[i]);
                if (f != 0) {
                    buf[m] = f;
                    pos[m++] = i;
                }
            }
            char[] u = Arrays.copyOf(buf, m);
            if (lastOf.length < m) {
                lastOf = new long[m];
                firstOf = new long[m];
            }
            Arrays.fill(pairSeen, 0L);
            units[id] = u;
            pairList.add(id, u);
            orig[id] = Arrays.copyOf(pos, m);
            String[][] syl = new String[m][];
            long[] ini = new long[m];
            boolean[] bnd = new boolean[m];
            long all = 0;
            long seen = 0;
            int depth = 0;
            int scanned = 0;
            for (int j = 0; j < m; j++) {
                char c = u[j];
                if (Normalizer.isIdeograph(c)) {
                    CharInfo ci = info[c];
                    if (ci == null) {
                        ci = new CharInfo(c, Readings.of(c));
                        info[c] = ci;
                    }
                    syl[j] = ci.readings;
                    ini[j] = ci.initials;
                    all |= ci.letters;
                    for (int w = 0; w < PAIR_WORDS; w++) {
                        pairSeen[w] |= ci.pairs[w];
                    }
                    firstOf[j] = ci.initials;
                    lastOf[j] = ci.last;
                    IntList l = ideo[c];
                    if (l == null) {
                        l = new IntList();
                        ideo[c] = l;
                    }
                    if (l.last() != id) {
                        l.add(id);
                    }
                } else {
                    ini[j] = bit(c);
                    all |= ini[j];
                    firstOf[j] = ini[j];
                    lastOf[j] = ini[j];
                }
                if (j > 0) {
                    for (long a = lastOf[j - 1]; a != 0; a &= a - 1) {
                        int x = Long.numberOfTrailingZeros(a);
                        for (long b = firstOf[j]; b != 0; b &= b - 1) {
                            int y = Long.numberOfTrailingZeros(b);
                            if (x < 26 && y < 26) {
                                int key = x * 26 + y;
                                pairSeen[key >>> 6] |= 1L << key;
                            }
                        }
                    }
                }
                seen |= ini[j];
                int at = orig[id][j];
                for (; scanned < at; scanned++) { // bracket depth before this unit
                    char o = tc[scanned];
                    if (OPEN.indexOf(o) >= 0) {
                        depth++;
                    } else if (CLOSE.indexOf(o) >= 0 && depth > 0) {
                        depth--;
                    }
                }
                bnd[j] = j > 0 && depth == 0 && startsWord(tc, orig[id][j - 1], at, u[j - 1], u[j]);
            }
            syllables[id] = syl;
            for (int j = 0; j < m; j++) {
                if (syl[j] != null && info[u[j]].polyphone) {
                    polyphones[id] = true;
                    if (aloneReadings[u[j]] == null) {
                        aloneReadings[u[j]] = Readings.alone(u[j]);
                    }
                }
            }
            k2.clear();
            k3.clear();
            ws1.clear();
            ws2.clear();
            ws3.clear();
            is2.clear();
            is3.clear();
            as2.clear();
            for (int j = 0; j < m; j++) {
                if (j == 0) {
                    heads(u, syl, 0, 0, 0, k2, k3);
                    for (long b = ini[0]; b != 0; b &= b - 1) {
                        addOnce(s1, Long.numberOfTrailingZeros(b), id);
                    }
                    if (Normalizer.isIdeograph(u[0])) {
                        sIdeo.computeIfAbsent(u[0], x -> new IntList()).add(id);
                    }
                } else if (bnd[j]) {
                    heads(u, syl, j, 0, 0, ws2, ws3);
                    for (long b = ini[j]; b != 0; b &= b - 1) {
                        ws1.add(Long.numberOfTrailingZeros(b));
                    }
                    if (Normalizer.isIdeograph(u[j])) {
                        IntList l = wIdeo.computeIfAbsent(u[j], x -> new IntList());
                        if (l.last() != id) {
                            l.add(id);
                        }
                    }
                }
                if (j + 1 < m) {
                    for (long a = ini[j]; a != 0; a &= a - 1) {
                        int x = Long.numberOfTrailingZeros(a);
                        for (long b = ini[j + 1]; b != 0; b &= b - 1) {
                            int xy = x * 36 + Long.numberOfTrailingZeros(b);
                            is2.add(xy);
                            if (j + 2 < m) {
                                for (long c = ini[j + 2]; c != 0; c &= c - 1) {
                                    is3.add(xy * 36 + Long.numberOfTrailingZeros(c));
                                }
                            }
                        }
                    }
                }
            }
            ws1.addTo(w1, id);
            k2.addTo(s2, id);
            k3.addTo(s3, id);
            ws2.addTo(w2, id);
            ws3.addTo(w3, id);
            is2.addTo(i2, id);
            for (int j = 0; j < m; j++) {
                if (syl[j] != null) {
                    for (String r : syl[j]) {
                        if (r.length() >= 2) {
                            as2.add(code(r.charAt(0)) * 36 + code(r.charAt(1)));
                        }
                    }
                }
            }
            as2.addTo(a2, id);
            is3.addTo(i3, id);
            initials[id] = ini;
            letters[id] = all;
            usualLetters[id] = all;
            boundary[id] = bnd;
            for (int b = 0; b < 36; b++) {
                if ((seen & (1L << b)) != 0) {
                    init[b].add(id);
                }
            }
            System.arraycopy(pairSeen, 0, pairBits, id * PAIR_WORDS, PAIR_WORDS);
        }
        // After the lists, so the phrase table has had time to load on another thread (Readings.preload).
        for (int id = 0; id < n; id++) {
            if (polyphones[id]) {
                char[] u = units[id];
                long usual = 0;
                for (int j = 0; j < u.length; j++) {
                    usual |= u[j] < 128 ? bit(u[j]) : 0;
                }
                for (int j = 0; j < u.length; j++) {
                    CharInfo ci = syllables[id][j] == null ? null : info[u[j]];
                    if (ci != null && ci.polyphone) {
                        String[] p = Readings.inPhraseOfPolyphone(j > 0 ? u[j - 1] : 0, u[j], j + 1 < u.length ? u[j + 1] : 0,
                                ci.readings, ci.aloneText);
                        if (p != null) {
                            if (phraseReadings[id] == null) {
                                phraseReadings[id] = new String[u.length][];
                            }
                            phraseReadings[id][j] = p;
                        }
                    }
                    String[] r = readings(id, j, true);
                    if (r != null) {
                        usual |= lettersOf(r);
                    }
                }
                usualLetters[id] = usual;
            }
        }
        IntList[] u2 = new IntList[PAIRS];
        KeySet us2 = new KeySet();
        for (int id = 0; id < n; id++) {
            long[] ini = initials[id];
            if (polyphones[id]) {
                ini = ini.clone();
                for (int j = 0; j < ini.length; j++) {
                    String[] r = syllables[id][j] == null ? null : readings(id, j, true);
                    if (r != null) {
                        long b = 0;
                        for (String x : r) {
                            b |= bit(x.charAt(0));
                        }
                        ini[j] = b;
                    }
                }
            }
            us2.clear();
            for (int j = 0; j + 1 < ini.length; j++) {
                for (long a = ini[j]; a != 0; a &= a - 1) {
                    int x = Long.numberOfTrailingZeros(a);
                    for (long b = ini[j + 1]; b != 0; b &= b - 1) {
                        us2.add(x * 36 + Long.numberOfTrailingZeros(b));
                    }
                }
            }
            us2.addTo(u2, id);
        }
        usualInit2 = toArrays(u2);
        pairs = pairList.build();
        start1 = toArrays(s1);
        word1 = toArrays(w1);
        startIdeo = new HashMap<>(sIdeo.size() * 2);
        sIdeo.forEach((c, l) -> startIdeo.put(c, l.toArray()));
        wordIdeo = new HashMap<>(wIdeo.size() * 2);
        wIdeo.forEach((c, l) -> wordIdeo.put(c, l.toArray()));
        start2 = toArrays(s2);
        start3 = toArrays(s3);
        word2 = toArrays(w2);
        word3 = toArrays(w3);
        init2 = toArrays(i2);
        init3 = toArrays(i3);
        any2 = toArrays(a2);
        byIdeograph = new HashMap<>();
        for (int c = 0; c < ideo.length; c++) {
            if (ideo[c] != null) {
                byIdeograph.put((char) c, ideo[c].toArray());
            }
        }
        byInitial = new int[36][];
        for (int i = 0; i < 36; i++) {
            byInitial[i] = init[i].toArray();
        }
    }

    /**
     * Whether a unit at {@code at} starts a word of the main name: after a space or a separator, after
     * 的/和/及/与/或, or where Chinese meets Latin; never inside brackets, which hold a variant's detail.
     */
    private static boolean startsWord(char[] text, int prevAt, int at, char prev, char unit) {
        // the caller has checked that `at` is outside brackets
        for (int i = prevAt + 1; i < at; i++) {
            if (OPEN.indexOf(text[i]) < 0 && CLOSE.indexOf(text[i]) < 0) {
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

    /** Ascending ids of the texts holding the ideograph. */
    int[] withIdeograph(char c) {
        return byIdeograph.getOrDefault(c, EMPTY);
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

    private static void addOnce(IntList[] lists, int k, int id) {
        if (lists[k] == null) {
            lists[k] = new IntList();
        }
        if (lists[k].last() != id) {
            lists[k].add(id);
        }
    }

    private static int[][] toArrays(IntList[] lists) {
        int[][] out = new int[lists.length][];
        for (int k = 0; k < lists.length; k++) {
            out[k] = lists[k] == null ? EMPTY : lists[k].toArray();
        }
        return out;
    }

    /**
     * Records the first two and three letters every match starting at unit j can consume, following the
     * rules of matchFrom: a reading whole, its initial, or zh/ch/sh; the query may end inside a reading.
     */
    private static void heads(char[] u, String[][] syl, int j, int code, int len, KeySet k2, KeySet k3) {
        if (j == u.length) {
            return;
        }
        if (syl[j] == null) {
            long b = bit(u[j]);
            if (b != 0) {
                extend(u, syl, j, code, len, k2, k3, String.valueOf(u[j]), 1);
            }
            return;
        }
        for (String s : syl[j]) {
            extend(u, syl, j, code, len, k2, k3, s, s.length());
            if (s.length() > 1) {
                extend(u, syl, j, code, len, k2, k3, s, 1);
            }
            if (s.length() > 2 && initialLength(s) == 2) {
                extend(u, syl, j, code, len, k2, k3, s, 2);
            }
        }
    }

    private static void extend(char[] u, String[][] syl, int j, int code, int len, KeySet k2, KeySet k3, String s,
            int chunk) {
        for (int i = 0; i < chunk; i++) {
            code = code * 36 + code(s.charAt(i));
            len++;
            if (len == 2) {
                k2.add(code);
            } else if (len == 3) {
                k3.add(code);
                return;
            }
        }
        heads(u, syl, j + 1, code, len, k2, k3);
    }

    /** Whether the tiered candidate lists apply: an ideograph first, or only ASCII letters and digits. */
    static boolean keyable(char[] q) {
        if (Normalizer.isIdeograph(q[0])) {
            return true;
        }
        for (char c : q) {
            if (bit(c) == 0) {
                return false;
            }
        }
        return true;
    }

    private static int key(char[] q, int len) {
        int code = 0;
        for (int i = 0; i < len; i++) {
            code = code * 36 + code(q[i]);
        }
        return code;
    }

    /** Whether {@link #markStarts} applies: three or more letters and digits. */
    static boolean pairable(char[] q) {
        if (q.length < 3) {
            return false;
        }
        for (char c : q) {
            if (bit(c) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * For a {@link #pairable} query: sets in {@code bits} (a bit per id) every text where a match can
     * start at some unit, or at the first one when {@code startOnly}, in any reading (a superset).
     */
    void markStarts(char[] q, boolean startOnly, long[] bits) {
        pairs.mark(q, startOnly, bits);
    }

    /**
     * For a tiered query: ascending ids of every text the query can match anywhere (a superset): by its
     * first two letters when it has them, else as {@link #candidates}.
     */
    int[] anyCandidates(char[] q) {
        return anyCandidates(q, Integer.MAX_VALUE);
    }

    /** The first {@code max} (or more) of {@link #anyCandidates}, without merging the rest. */
    int[] anyCandidates(char[] q, int max) {
        if (q.length >= 2 && bit(q[0]) != 0 && bit(q[1]) != 0) {
            return union(any2[key(q, 2)], init2[key(q, 2)], max);
        }
        return candidates(q);
    }

    /**
     * As {@link #anyCandidates}, for matches in the readings usual in place only: a text reached only
     * through an unusual initial (市 read fu for fj) is not in it.
     */
    int[] usualAnyCandidates(char[] q) {
        if (q.length >= 2 && bit(q[0]) != 0 && bit(q[1]) != 0) {
            return union(any2[key(q, 2)], usualInit2[key(q, 2)]);
        }
        return candidates(q);
    }

    /** As {@link #wordCandidates}, for matches in the readings usual in place only. */
    int[] usualWordCandidates(char[] q) {
        if (q.length == 2 && !Normalizer.isIdeograph(q[0])) {
            return union(word2[key(q, 2)], usualInit2[key(q, 2)]);
        }
        return wordCandidates(q);
    }

    /** For a tiered query: ascending ids of every text where the match can start at the first unit. */
    int[] startCandidates(char[] q) {
        if (Normalizer.isIdeograph(q[0])) {
            return startIdeo.getOrDefault(q[0], EMPTY);
        }
        if (q.length == 1) {
            return start1[code(q[0])];
        }
        return q.length == 2 ? start2[key(q, 2)] : start3[key(q, 3)];
    }

    /** For a tiered query: ascending ids of every text where the match can reach the word tier. */
    int[] wordCandidates(char[] q) {
        if (Normalizer.isIdeograph(q[0])) {
            return wordIdeo.getOrDefault(q[0], EMPTY);
        }
        if (q.length == 1) {
            return word1[code(q[0])];
        }
        int[] a = q.length == 2 ? word2[key(q, 2)] : word3[key(q, 3)];
        int[] b = q.length == 2 ? init2[key(q, 2)] : init3[key(q, 3)];
        return union(a, b);
    }

    /** Two ascending lists as one, each id once. */
    private static int[] union(int[] a, int[] b) {
        return union(a, b, Integer.MAX_VALUE);
    }

    /** The first {@code max} ids of {@link #union(int[], int[])} (all of it when one list is empty). */
    static int[] union(int[] a, int[] b, int max) {
        if (b.length == 0) {
            return a;
        }
        if (a.length == 0) {
            return b;
        }
        int[] out = new int[(int) Math.min((long) a.length + b.length, max)];
        int i = 0;
        int j = 0;
        int n = 0;
        while ((i < a.length || j < b.length) && n < out.length) {
            int x = i < a.length ? a[i] : Integer.MAX_VALUE;
            int y = j < b.length ? b[j] : Integer.MAX_VALUE;
            if (x <= y) {
                out[n++] = x;
                i++;
                if (x == y) {
                    j++;
                }
            } else {
                out[n++] = y;
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** What the readings of one ideograph give, computed once per build. */
    private static final class CharInfo {
        final String[] readings;
        final boolean polyphone;
        final String aloneText;
        long initials;
        long letters;
        long last;
        final long[] pairs = new long[PAIR_WORDS];

        CharInfo(char c, String[] readings) {
            this.readings = readings;
            this.polyphone = Readings.polyphone(readings);
            this.aloneText = polyphone ? Readings.aloneText(c) : null;
            for (String s : readings) {
                initials |= bit(s.charAt(0));
                for (int k = 0; k < s.length(); k++) {
                    letters |= bit(s.charAt(k));
                    if (k > 0) {
                        markPair(pairs, s.charAt(k - 1), s.charAt(k));
                    }
                }
                last |= bit(s.charAt(0)) | bit(s.charAt(s.length() - 1));
                if (initialLength(s) == 2) {
                    last |= bit(s.charAt(1));
                }
            }
        }
    }

    /** Distinct int keys of one text. */
    private static final class KeySet {
        private int[] a = new int[64];
        private int size;

        void clear() {
            size = 0;
        }

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        void addTo(IntList[] lists, int id) {
            for (int i = 0; i < size; i++) {
                IntList l = lists[a[i]];
                if (l == null) {
                    l = new IntList();
                    lists[a[i]] = l;
                }
                if (l.last() != id) {
                    l.add(id);
                }
            }
        }
    }

    private static void markPair(long[] seen, char a, char b) {
        if (isQueryLetter(a) && isQueryLetter(b)) {
            int key = code(a) * 26 + code(b);
            seen[key >>> 6] |= 1L << key;
        }
    }

    /** Bits of the ASCII letters and digits of the query, each of which a match must contain. */
    static long letterMask(char[] q) {
        long m = 0;
        for (char c : q) {
            m |= bit(c);
        }
        return m;
    }

    /**
     * The best match of the query in text {@code id} with the readings usual in place, else the best
     * with any reading (then {@link Match#unusual}), or null.
     */
    Match match(int id, char[] q, long qLetters) {
        return match(id, q, qLetters, true);
    }

    /** {@link #match}, trying unusual readings only when {@code unusualToo}. */
    Match match(int id, char[] q, long qLetters, boolean unusualToo) {
        long has = unusualToo ? letters[id] : usualLetters[id]; // the cheapest test first: one word per text
        if ((has & qLetters) != qLetters || !hasPairs(id, q)) {
            return null;
        }
        boolean twice = polyphones[id] && typesLetters(qLetters);
        if (twice) {
            Match m = (usualLetters[id] & qLetters) == qLetters ? matchWith(id, true, q, false) : null;
            if (m != null || !unusualToo) {
                return m;
            }
        }
        return matchWith(id, false, q, twice);
    }

    private Match matchWith(int id, boolean usual, char[] q, boolean unusual) {
        String[][] syl = syllables[id];
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
            if (ideo0 || syl[s] == null ? u[s] != q0 : (initials[id][s] & b0) == 0) {
                continue;
            }
            int end = matchFrom(id, usual, s, q, 0);
            if (end < 0) {
                continue;
            }
            if (s == 0) {
                return new Match(end == n ? EXACT : PREFIX, 0, end, unusual);
            }
            if (boundary[id][s] || initialsOnly(q, s, end)) {
                return new Match(WORD, s, end, unusual);
            }
            if (fallback == null) {
                fallback = new Match(SUBSTRING, s, end, unusual);
            }
        }
        return fallback;
    }

    private static long lettersOf(String[] readings) {
        long m = 0;
        for (String r : readings) {
            for (int k = 0; k < r.length(); k++) {
                m |= bit(r.charAt(k));
            }
        }
        return m;
    }

    /** Whether the query has a letter a–z, the only thing a reading can match. */
    private static boolean typesLetters(long qLetters) {
        return (qLetters & ((1L << 26) - 1)) != 0;
    }

    /** Whether a query of letters only covers one unit per letter, two or more: initials (sfz). */
    static boolean initialsOnly(char[] q, int start, int end) {
        return end - start == q.length && end - start >= 2 && allLetters(q);
    }

    /**
     * The match starting at the first unit (exact or name prefix), or null: what match gives at those
     * tiers, with usual readings first as there.
     */
    Match matchStart(int id, char[] q, long qLetters) {
        if ((letters[id] & qLetters) != qLetters || !hasPairs(id, q)) {
            return null;
        }
        char[] u = units[id];
        if (u.length == 0) {
            return null;
        }
        char q0 = q[0];
        if (!isQueryLetter(q0) || syllables[id][0] == null ? u[0] != q0 : (initials[id][0] & bit(q0)) == 0) {
            return null;
        }
        boolean twice = polyphones[id] && typesLetters(qLetters);
        if (twice) {
            int end = (usualLetters[id] & qLetters) == qLetters ? matchFrom(id, true, 0, q, 0) : -1;
            if (end >= 0) {
                return new Match(end == u.length ? EXACT : PREFIX, 0, end, false);
            }
        }
        int end = matchFrom(id, false, 0, q, 0);
        return end < 0 ? null : new Match(end == u.length ? EXACT : PREFIX, 0, end, twice);
    }

    /** Whether the text can give every two consecutive letters or digits of the query (see pairBits). */
    private boolean hasPairs(int id, char[] q) {
        int base = id * PAIR_WORDS;
        for (int k = 0; k + 1 < q.length; k++) {
            if (isQueryLetter(q[k]) && isQueryLetter(q[k + 1])) {
                int key = code(q[k]) * 26 + code(q[k + 1]);
                if ((pairBits[base + (key >>> 6)] & (1L << key)) == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Characters [start, end) of the original text for a unit range. */
    int originalStart(int id, int unit) {
        return orig[id][unit];
    }

    int originalEnd(int id, int unitEnd) {
        return orig[id][unitEnd - 1] + 1;
    }

    /** The readings a match may use for unit j: all of them, or only those usual where it stands. */
    private String[] readings(int id, int j, boolean usual) {
        String[] all = syllables[id][j];
        if (!usual || all == null || !polyphones[id]) {
            return all;
        }
        String[][] phrase = phraseReadings[id];
        if (phrase != null && phrase[j] != null) {
            return phrase[j];
        }
        String[] alone = aloneReadings[units[id][j]];
        return alone != null ? alone : all;
    }

    private int matchFrom(int id, boolean usual, int j, char[] q, int k) {
        if (k == q.length) {
            return j;
        }
        char[] u = units[id];
        if (j == u.length || q.length - k > MAX_SYLLABLE * (u.length - j)) {
            return -1;
        }
        char c = q[k];
        String[] syl = readings(id, j, usual);
        if (syl == null || !isQueryLetter(c)) {
            return u[j] == c ? matchFrom(id, usual, j + 1, q, k + 1) : -1;
        }
        for (String s : syl) {
            int m = TextIndex.sharedPrefix(s, q, k);
            if (m == 0) {
                continue;
            }
            if (k + m == q.length) {
                return j + 1; // the query ends inside or at the end of this syllable: typing goes on
            }
            if (m == s.length()) {
                int r = matchFrom(id, usual, j + 1, q, k + m);
                if (r >= 0) {
                    return r;
                }
            }
            // In the middle of a query a syllable is typed whole or as its initial (s or sh for shen).
            if (initialLength(s) == 2 && m >= 2 && s.length() > 2) {
                int r = matchFrom(id, usual, j + 1, q, k + 2);
                if (r >= 0) {
                    return r;
                }
            }
            if (s.length() > 1) {
                int r = matchFrom(id, usual, j + 1, q, k + 1);
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

    /** The index of a letter or digit among the 36 (a–z, 0–9); only for characters with a bit. */
    private static int code(char c) {
        return c >= 'a' ? c - 'a' : 26 + c - '0';
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
            return size == a.length ? a : Arrays.copyOf(a, size);
        }
    }

    /** How many of {@code s}'s first characters the query {@code q} has from {@code k} on. */
    static int sharedPrefix(String s, char[] q, int k) {
        int m = 0;
        int max = Math.min(s.length(), q.length - k);
        while (m < max && s.charAt(m) == q[k + m]) {
            m++;
        }
        return m;
    }
}
