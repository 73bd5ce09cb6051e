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
 * ü is indexed as both v (what pinyin keyboards type) and u.
 */
final class Readings {

    private static final String[] NONE = new String[0];
    private static final ConcurrentHashMap<Character, String[]> CACHE = new ConcurrentHashMap<>();

    private Readings() {
    }

    /** Readings of an ideograph, lower-case a–z only; empty when the dictionary does not know it. */
    static String[] of(char c) {
        return CACHE.computeIfAbsent(c, Readings::lookup);
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
