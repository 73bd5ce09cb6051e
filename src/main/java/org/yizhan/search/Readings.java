package org.yizhan.search;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every plausible toneless pinyin reading of a character: all the readings the dictionary lists (行 →
 * xing, hang, heng; 重 → zhong, chong), so a polyphone is found whichever reading the phrase takes.
 * ü is indexed as both v (what pinyin keyboards type) and u. Also the reading a polyphone takes in its
 * place in a name ({@link #usual}), so the phrase reading can rank above an unusual one.
 */
final class Readings {

    private static final String[] NONE = new String[0];
    private static final ConcurrentHashMap<Character, String[]> CACHE = new ConcurrentHashMap<>();
    /** (a &lt;&lt; 16 | b) → the two syllables the dictionary reads a·b with, phrase first (银行 → yin, hang). */
    private static final ConcurrentHashMap<Integer, String[]> PAIRS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Character, String> ALONE = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Long, String[]> IN_PLACE = new ConcurrentHashMap<>();

    private Readings() {
    }

    /** Readings of an ideograph, lower-case a–z only; empty when the dictionary does not know it. */
    static String[] of(char c) {
        return CACHE.computeIfAbsent(c, Readings::lookup);
    }

    /**
     * The readings of {@code c} that are usual where it stands, between {@code prev} and {@code next}
     * (0 at either end of a name): the phrase's reading when the dictionary knows c with a neighbour as
     * a phrase (银行 → hang, 行业 → hang, 行政 → xing), else the character's everyday reading. Every
     * reading of a character with only one is usual; the result is a subset of {@link #of}.
     */
    static String[] usual(char prev, char c, char next) {
        String[] all = of(c);
        if (!polyphone(all)) {
            return all;
        }
        return IN_PLACE.computeIfAbsent((long) prev << 32 | (long) c << 16 | next, k -> inPlace(prev, c, next, all));
    }

    private static String[] inPlace(char prev, char c, char next, String[] all) {
        String alone = ALONE.computeIfAbsent(c, x -> single(String.valueOf(x)));
        String chosen = alone;
        if (prev != 0 && Normalizer.isIdeograph(prev)) {
            String r = pair(prev, c)[1];
            if (r != null && !r.equals(alone)) {
                chosen = r;
            }
        }
        if (chosen.equals(alone) && next != 0 && Normalizer.isIdeograph(next)) {
            String r = pair(c, next)[0];
            if (r != null && !r.equals(alone)) {
                chosen = r;
            }
        }
        Set<String> out = new LinkedHashSet<>();
        add(out, chosen.replace('ü', 'v'));
        add(out, chosen.replace('ü', 'u'));
        out.retainAll(List.of(all));
        return out.isEmpty() ? all : out.toArray(NONE);
    }

    /** Whether the readings differ by more than the v/u spelling of ü. */
    static boolean polyphone(String[] readings) {
        for (int i = 1; i < readings.length; i++) {
            if (!readings[i].replace('v', 'u').equals(readings[0].replace('v', 'u'))) {
                return true;
            }
        }
        return false;
    }

    private static String[] pair(char a, char b) {
        return PAIRS.computeIfAbsent(a << 16 | b, k -> {
            String[] two = {null, null};
            try {
                String[] s = PinyinHelper.toPinyin(String.valueOf(a) + b, PinyinStyleEnum.NORMAL).trim().split(" ");
                if (s.length == 2) {
                    two[0] = s[0].toLowerCase();
                    two[1] = s[1].toLowerCase();
                }
            } catch (RuntimeException e) {
                // no phrase reading: the everyday one stands
            }
            return two;
        });
    }

    private static String single(String c) {
        try {
            return PinyinHelper.toPinyin(c, PinyinStyleEnum.NORMAL).trim().toLowerCase();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String[] lookup(Character ch) {
        List<String> raw;
        try {
            raw = PinyinHelper.toPinyinList(ch, PinyinStyleEnum.NORMAL);
        } catch (RuntimeException e) {
            return NONE;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String r : raw) {
            String s = r.toLowerCase().trim();
            if (s.indexOf('ü') >= 0) {
                add(out, s.replace('ü', 'v'));
                add(out, s.replace('ü', 'u'));
            } else {
                add(out, s);
            }
        }
        return out.toArray(NONE);
    }

    private static void add(Set<String> out, String s) {
        if (s.isEmpty()) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 'a' || s.charAt(i) > 'z') {
                return;
            }
        }
        out.add(s);
    }
}
