package org.yizhan.search;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The texts where a match of a query of three or more letters and digits can start, found from the
 * distinct pairs of adjacent units rather than text by text: a match starting at a unit consumes the
 * query's first letters there (a reading whole, its initial, zh/ch/sh, or the rest of the query) and goes
 * on with a reading of the next unit that starts with the next letter. Each distinct pair is checked once
 * per query; the texts of the pairs that pass are a superset of the texts that match, in any reading.
 * The lists keyed by the first two letters cannot tell 深圳 (shen zhen) from 申领 for {@code shenl}: the
 * pairs can, so a query few names match (yangz) looks at those few and not at a third of the catalog.
 */
final class UnitPairs {

    /** After a text's last unit. */
    static final char END = 0;
    private static final int[] EMPTY = new int[0];

    /** Per group (one per distinct first unit of a pair): the first unit, and its second units (END after a text's last unit). */
    private final char[] firsts;
    private final char[][] seconds;
    /** Per group and pair: the initials the second unit's readings can start with (TextIndex.bit). */
    private final long[][] secondInitials;
    /** Per group and pair: ascending ids of the texts having the pair anywhere, and as their first two units. */
    private final int[][][] anywhere;
    private final int[][][] atStart;
    /** Per letter or digit (TextIndex code): the groups whose first unit's readings (or itself) start with it. */
    private final int[][] byLetter;
    /** Per group: the first unit's readings, or null for a unit that is not an ideograph. */
    private final String[][] readings;

    private UnitPairs(char[] firsts, char[][] seconds, long[][] secondInitials, int[][][] anywhere, int[][][] atStart,
            int[][] byLetter, String[][] readings) {
        this.firsts = firsts;
        this.seconds = seconds;
        this.secondInitials = secondInitials;
        this.anywhere = anywhere;
        this.atStart = atStart;
        this.byLetter = byLetter;
        this.readings = readings;
    }

    /**
     * Sets in {@code bits} (a bit per text id) the texts where a match of {@code q} can start at some unit,
     * or at the first unit when {@code startOnly}. {@code q}: letters a–z and digits only.
     */
    void mark(char[] q, boolean startOnly, long[] bits) {
        int c0 = code(q[0]);
        for (int g : byLetter[c0]) {
            long ends = consume(g, q, 0);
            if (ends == 0) {
                continue;
            }
            boolean endsHere = ends < 0;              // the query ends inside this unit
            boolean tooFar = (ends & (1L << 62)) != 0; // goes on at a letter this mask cannot name
            char[] next = seconds[g];
            long[] init = secondInitials[g];
            int[][] lists = startOnly ? atStart[g] : anywhere[g];
            for (int p = 0; p < next.length; p++) {
                if (lists[p].length == 0) {
                    continue;
                }
                boolean ok = endsHere || tooFar && next[p] != END;
                if (!ok && next[p] != END) {
                    for (long e = ends & ((1L << 62) - 1); e != 0 && !ok; e &= e - 1) {
                        ok = (init[p] & TextIndex.bit(q[Long.numberOfTrailingZeros(e)])) != 0;
                    }
                }
                if (ok) {
                    for (int id : lists[p]) {
                        bits[id >>> 6] |= 1L << id;
                    }
                }
            }
        }
    }

    /**
     * Where the query can go on after the first unit of {@code group} consumed its letters from {@code k}, as matchFrom
     * consumes them: bit e for "at letter e" (bit 62 for any e ≥ 62), the sign bit when the query ends in it.
     */
    private long consume(int group, char[] q, int k) {
        String[] rs = readings[group];
        long out = 0;
        if (rs == null) {
            if (q[k] == firsts[group]) {
                out = k + 1 == q.length ? Long.MIN_VALUE : at(k + 1);
            }
            return out;
        }
        for (String s : rs) {
            int m = TextIndex.sharedPrefix(s, q, k);
            if (m == 0) {
                continue;
            }
            if (k + m == q.length) {
                out |= Long.MIN_VALUE;
                continue;
            }
            if (m == s.length()) {
                out |= at(k + m);
            }
            if (m >= 2 && s.length() > 2 && s.charAt(1) == 'h' && (s.charAt(0) == 'z' || s.charAt(0) == 'c' || s.charAt(0) == 's')) {
                out |= at(k + 2);
            }
            if (s.length() > 1) {
                out |= at(k + 1);
            }
        }
        return out;
    }

    private static long at(int e) {
        return 1L << Math.min(e, 62);
    }

    private static int code(char c) {
        return c >= 'a' ? c - 'a' : 26 + c - '0';
    }

    /** Collects the pairs of each text in id order. */
    static final class Builder {
        private final IntFunction<String[]> readings;
        /** Open addressing: pair key (first << 16 | second) + 1, 0 when free. */
        private int[] keys = new int[1 << 12];
        private int[] slot = new int[1 << 12];
        private int used;
        private TextIndex.IntList[] any = new TextIndex.IntList[1 << 10];
        private TextIndex.IntList[] start = new TextIndex.IntList[1 << 10];
        private int[] pairKey = new int[1 << 10];

        /** {@code readings}: a unit's readings, or null for a unit that is not an ideograph. */
        Builder(IntFunction<String[]> readings) {
            this.readings = readings;
        }

        /** Adds text {@code id} (ids ascending) with its folded units. */
        void add(int id, char[] u) {
            for (int j = 0; j < u.length; j++) {
                int s = slotOf(u[j] << 16 | (j + 1 < u.length ? u[j + 1] : END));
                TextIndex.IntList l = any[s];
                if (l.last() != id) {
                    l.add(id);
                }
                if (j == 0) {
                    start[s].add(id);
                }
            }
        }

        private int slotOf(int key) {
            int mask = keys.length - 1;
            int h = (key * 0x9E3779B9) >>> 1 & mask;
            while (keys[h] != 0) {
                if (keys[h] == key + 1) {
                    return slot[h];
                }
                h = (h + 1) & mask;
            }
            if (used == any.length) {
                any = Arrays.copyOf(any, used * 2);
                start = Arrays.copyOf(start, used * 2);
                pairKey = Arrays.copyOf(pairKey, used * 2);
            }
            keys[h] = key + 1;
            slot[h] = used;
            any[used] = new TextIndex.IntList();
            start[used] = new TextIndex.IntList();
            pairKey[used] = key;
            used++;
            if (used * 2 > keys.length) {
                rehash();
            }
            return used - 1;
        }

        private void rehash() {
            int[] oldKeys = keys;
            int[] oldSlot = slot;
            keys = new int[oldKeys.length * 2];
            slot = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int h = ((oldKeys[i] - 1) * 0x9E3779B9) >>> 1 & mask;
                    while (keys[h] != 0) {
                        h = (h + 1) & mask;
                    }
                    keys[h] = oldKeys[i];
                    slot[h] = oldSlot[i];
                }
            }
        }

        UnitPairs build() {
            // one group per distinct first unit, numbered in the order of the units
            int[] groupOf = new int[65536];
            int[] count = new int[65536];
            for (int s = 0; s < used; s++) {
                count[pairKey[s] >>> 16]++;
            }
            int groups = 0;
            for (int c = 0; c < 65536; c++) {
                groupOf[c] = count[c] > 0 ? groups++ : -1;
            }
            char[] firsts = new char[groups];
            char[][] seconds = new char[groups][];
            long[][] secondInitials = new long[groups][];
            int[][][] anywhere = new int[groups][][];
            int[][][] atStart = new int[groups][][];
            String[][] unitReadings = new String[groups][];
            int[] letterCount = new int[36];
            for (int c = 0; c < 65536; c++) {
                int g = groupOf[c];
                if (g >= 0) {
                    firsts[g] = (char) c;
                    seconds[g] = new char[count[c]];
                    secondInitials[g] = new long[count[c]];
                    anywhere[g] = new int[count[c]][];
                    atStart[g] = new int[count[c]][];
                    unitReadings[g] = readings.apply(c);
                    for (long b = firstLetters((char) c); b != 0; b &= b - 1) {
                        letterCount[Long.numberOfTrailingZeros(b)]++;
                    }
                }
            }
            int[] fill = new int[groups];
            for (int s = 0; s < used; s++) {
                int g = groupOf[pairKey[s] >>> 16];
                int p = fill[g]++;
                char second = (char) (pairKey[s] & 0xFFFF);
                seconds[g][p] = second;
                secondInitials[g][p] = second == END ? 0 : firstLetters(second);
                anywhere[g][p] = any[s].toArray();
                atStart[g][p] = start[s].last() < 0 ? EMPTY : start[s].toArray();
            }
            int[][] byLetter = new int[36][];
            for (int x = 0; x < 36; x++) {
                byLetter[x] = new int[letterCount[x]];
                letterCount[x] = 0;
            }
            for (int g = 0; g < groups; g++) {
                for (long b = firstLetters(firsts[g]); b != 0; b &= b - 1) {
                    int x = Long.numberOfTrailingZeros(b);
                    byLetter[x][letterCount[x]++] = g;
                }
            }
            return new UnitPairs(firsts, seconds, secondInitials, anywhere, atStart, byLetter, unitReadings);
        }

        /** The letters or digits a unit's readings (or the unit itself) can start with. */
        private long firstLetters(char c) {
            String[] rs = readings.apply(c);
            if (rs == null) {
                return TextIndex.bit(c);
            }
            long b = 0;
            for (String r : rs) {
                b |= TextIndex.bit(r.charAt(0));
            }
            return b;
        }
    }
}
