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
    private static final ConcurrentHashMap<Character, String[]> ALONE = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Character, String> ALONE_TEXT = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, String[]> IN_PHRASE = new ConcurrentHashMap<>();

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
        String[] inPhrase = inPhrase(prev, c, next);
        return inPhrase != null ? inPhrase : alone(c);
    }

    /** The readings of {@code c} usual on its own (行 → xing): a subset of {@link #of}, all of them for a non-polyphone. */
    static String[] alone(char c) {
        return ALONE.computeIfAbsent(c, x -> {
            String[] all = of(x);
            return polyphone(all) ? subset(all, single(String.valueOf(x))) : all;
        });
    }

    /**
     * The readings a neighbour makes usual when it forms a phrase with {@code c} and reads it otherwise
     * than alone (银行 → hang), or null when the everyday reading stands.
     */
    static String[] inPhrase(char prev, char c, char next) {
        String[] all = of(c);
        return all.length < 2 || !polyphone(all) ? null : inPhraseOfPolyphone(prev, c, next);
    }

    /** Loads the phrase table now (it takes a moment; SearchIndex.build has it loaded on another thread). */
    static void preload() {
        Phrases.PAIRS.get(0);
    }

    /** {@link #inPhrase} for a character known to be a polyphone. */
    static String[] inPhraseOfPolyphone(char prev, char c, char next) {
        return inPhraseOfPolyphone(prev, c, next, of(c), aloneText(c));
    }

    /** The everyday reading of {@code c} as the dictionary spells it (with ü). */
    static String aloneText(char c) {
        return ALONE_TEXT.computeIfAbsent(c, x -> single(String.valueOf(x)));
    }

    /** {@link #inPhrase} with the character's readings and everyday reading at hand. */
    static String[] inPhraseOfPolyphone(char prev, char c, char next, String[] all, String alone) {
        String chosen = null;
        if (prev != 0 && Normalizer.isIdeograph(prev)) {
            String r = pair(prev, c)[1];
            if (r != null && !r.equals(alone)) {
                chosen = r;
            }
        }
        if (chosen == null && next != 0 && Normalizer.isIdeograph(next)) {
            String r = pair(c, next)[0];
            if (r != null && !r.equals(alone)) {
                chosen = r;
            }
        }
        if (chosen == null) {
            return null;
        }
        String key = c + chosen;
        return IN_PHRASE.computeIfAbsent(key, k -> subset(all, k.substring(1)));
    }

    private static String[] subset(String[] all, String reading) {
        Set<String> out = new LinkedHashSet<>();
        add(out, reading.replace('ü', 'v'));
        add(out, reading.replace('ü', 'u'));
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
        String[] two = Phrases.PAIRS.get(a << 16 | b);
        return two == null ? NO_PAIR : two;
    }

    /** int → String[] with open addressing: the phrase table is read for every polyphone of every name. */
    static final class PairTable {
        private int[] keys = new int[1 << 17];
        private String[][] values = new String[1 << 17][];
        private int size;

        String[] get(int key) {
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (values[i] == null) {
                    return null;
                }
                if (keys[i] == key) {
                    return values[i];
                }
            }
        }

        void put(int key, String[] value, boolean replace) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (values[i] == null) {
                    keys[i] = key;
                    values[i] = value;
                    size++;
                    return;
                }
                if (keys[i] == key) {
                    if (replace) {
                        values[i] = value;
                    }
                    return;
                }
            }
        }

        private void grow() {
            int[] k = keys;
            String[][] v = values;
            keys = new int[k.length * 2];
            values = new String[k.length * 2][];
            size = 0;
            for (int i = 0; i < k.length; i++) {
                if (v[i] != null) {
                    put(k[i], v[i], true);
                }
            }
        }

        private static int mix(int x) {
            x *= 0x9E3779B1;
            return x ^ (x >>> 15);
        }
    }

    private static final String[] NO_PAIR = {null, null};

    private static String single(String c) {
        try {
            List<String> raw = PinyinHelper.toPinyinList(c.charAt(0), PinyinStyleEnum.NORMAL);
            return raw.isEmpty() ? "" : raw.get(0).toLowerCase().trim();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * The two-character phrases of the pinyin library's phrase dictionary (the phrases where a polyphone
     * reads otherwise than alone), and the two-character runs of its longer phrases: read straight from
     * the file, once, rather than through the library's segmenter, which costs far more per name.
     */
    private static final class Phrases {
        static final PairTable PAIRS = load();

        private static PairTable load() {
            PairTable pairs = new PairTable();
            java.util.Map<String, String> interned = new java.util.HashMap<>();
            try (java.io.InputStream in = PinyinHelper.class.getResourceAsStream("/pinyin_dict_phrase.txt")) {
                if (in == null) {
                    return pairs;
                }
                java.io.BufferedReader r = new java.io.BufferedReader(
                        new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                String line;
                java.util.List<String> longer = new java.util.ArrayList<>();
                java.util.List<String[]> longerSyl = new java.util.ArrayList<>();
                while ((line = r.readLine()) != null) {
                    int colon = line.indexOf(':');
                    if (colon < 2) {
                        continue;
                    }
                    String[] syl = syllables(line, colon + 1, colon, interned);
                    if (syl == null) {
                        continue;
                    }
                    if (colon == 2) {
                        pairs.put(line.charAt(0) << 16 | line.charAt(1), syl, true);
                    } else {
                        longer.add(line.substring(0, colon));
                        longerSyl.add(syl);
                    }
                }
                for (int w = 0; w < longer.size(); w++) { // a two-character phrase of its own wins over a run of a longer one
                    String word = longer.get(w);
                    String[] syl = longerSyl.get(w);
                    for (int i = 0; i + 1 < word.length(); i++) {
                        pairs.put(word.charAt(i) << 16 | word.charAt(i + 1), new String[] {syl[i], syl[i + 1]}, false);
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // without phrases, every polyphone keeps its everyday reading as the usual one
            }
            return pairs;
        }
    }

    /** The space-separated syllables from {@code from}, toneless, exactly {@code count} of them, or null. */
    private static String[] syllables(String line, int from, int count, java.util.Map<String, String> interned) {
        String[] out = new String[count];
        int n = 0;
        StringBuilder sb = new StringBuilder(8);
        for (int i = from; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : ' ';
            if (c == ' ' || c == '\r') {
                if (sb.length() > 0) {
                    if (n == count) {
                        return null;
                    }
                    String t = sb.toString();
                    out[n++] = interned.computeIfAbsent(t, x -> x);
                    sb.setLength(0);
                }
                continue;
            }
            c = Character.toLowerCase(c);
            int t = TONED.indexOf(c);
            sb.append(t >= 0 ? PLAIN.charAt(t) : c);
        }
        return n == count ? out : null;
    }

    private static final String TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
    private static final String PLAIN = "aaaaeeeeiiiioooouuuuüüüünnnm";

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
