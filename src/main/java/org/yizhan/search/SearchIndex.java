package org.yizhan.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import org.yizhan.model.Catalog;
import org.yizhan.model.Department;
import org.yizhan.model.Material;
import org.yizhan.model.Service;

/**
 * The kiosk's search over one catalog: Chinese substrings, full pinyin and its prefixes, pinyin
 * initials and mixtures, on service names first, then everyday words of the dictionary, loose matches,
 * keywords, departments and materials.
 *
 * <p>Immutable and safe to read from any thread; build it off the JavaFX thread. The ranking rule is
 * written down in docs/search.md: the literal tiers (exact name &gt; name prefix &gt; whole word or
 * initials &gt; substring), each with an everyday word's rewrite just below it; then a match through an
 * unusual reading, loose matches, keyword, department and material; on ties the shorter name, then
 * catalog order.
 */
public final class SearchIndex {

    /** Scores of the tiers, best first. */
    public static final int EXACT = 700;
    public static final int PREFIX = 600;
    public static final int WORD = 500;
    public static final int SUBSTRING = 400;
    /** A synonym ranks this far below a literal match of the same strength. */
    public static final int SYNONYM_BELOW = 50;
    /** Marks an everyday word found inside a longer query of characters (我要开公司): scored 320–350. */
    private static final int PART_OF_QUERY = -1;
    /** A synonym's wording of several words, all in the name. */
    public static final int SYNONYM_ALL_WORDS = 340;
    /** A match only through an unusual reading (plus the literal tier it would have had, 0–3). */
    public static final int READING = 330;
    /** Loose matches with every typed character: 310–329; with most of them: 201–299. */
    public static final int LOOSE = 329;
    public static final int KEYWORD = 300;
    public static final int DEPARTMENT = 200;
    public static final int MATERIAL = 100;

    private static final int[] TIER_SCORE = {0, 0, 0, 0, SUBSTRING, WORD, PREFIX, EXACT};
    private static final int KINDS = 3; // keyword, department, material
    private static final int[] KIND_SCORE = {KEYWORD, DEPARTMENT, MATERIAL};
    private static final SearchHit.Kind[] KIND_REASON = {SearchHit.Kind.KEYWORD, SearchHit.Kind.DEPARTMENT,
            SearchHit.Kind.MATERIAL};
    private static final int MAX_LOOSE = 16;
    private static final int MAX_LOOSE_EVALUATED = 3_000;
    private static final int MAX_EVERYDAY_HITS = 8;
    /** How many names are looked at for matches through an unusual reading, at most, once the usual ones are in. */
    private static final int MAX_UNUSUAL_EXAMINED = 2_000;
    /**
     * The last few queries no name matched at all, in any reading. A citizen types on: a query that
     * begins with one of them matches no name either (a match of it is a match of its start), so the
     * names are not walked again for it, the slowest case there is.
     */
    private final java.util.concurrent.atomic.AtomicReferenceArray<String> nameless =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(8);
    private final java.util.concurrent.atomic.AtomicInteger namelessNext = new java.util.concurrent.atomic.AtomicInteger();
    /** Per searching thread, a bit mask per service for loose matching, all zero between searches. */
    private final ThreadLocal<int[]> masks = ThreadLocal.withInitial(() -> new int[0]);
    /** Per searching thread, two bit sets of service ids for the names' candidates, all zero between searches. */
    private final ThreadLocal<long[][]> bits = ThreadLocal.withInitial(() -> new long[][] {new long[0], new long[0]});

    /** Services in tie order: fewer units first, then catalog order. Internal ids index this. */
    private final Service[] services;
    private final TextIndex names;
    /** Keywords, department names and material names, each distinct text once. */
    private final TextIndex others;
    /** others id → kind → ascending service ids. */
    private final int[][][] owners;
    /** The dictionary's everyday words, matched like names (社保 by shebao, sb, 社保). */
    private final TextIndex everyday;
    /** everyday id → wordings → words, folded. */
    private final char[][][][] wordings;
    private final Map<String, Integer> everydayIds;
    /** Known whole words of names, folded, for initials; and the longest one's length. */
    private final Set<String> knownWords;
    /** Known words by their initials (hz → 护照, 核准 …) and by the start of them (sf → 身份证 …). */
    private final Map<String, char[][]> byInitials;
    private final int longestKnown;

    private SearchIndex(Service[] services, TextIndex names, TextIndex others, int[][][] owners, EverydayWords words) {
        this.services = services;
        this.names = names;
        this.others = others;
        this.owners = owners;
        Map<String, List<List<String>>> by = words.byEveryday();
        List<String> keys = new ArrayList<>(by.keySet());
        this.everyday = new TextIndex(keys);
        this.wordings = new char[keys.size()][][][];
        this.everydayIds = new HashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            List<List<String>> alts = by.get(keys.get(k));
            wordings[k] = new char[alts.size()][][];
            for (int a = 0; a < alts.size(); a++) {
                wordings[k][a] = alts.get(a).stream().map(String::toCharArray).toArray(char[][]::new);
            }
            everydayIds.put(keys.get(k), k);
        }
        this.knownWords = Set.copyOf(words.knownWords());
        this.byInitials = byInitials(knownWords, words.mentions());
        this.longestKnown = knownWords.stream().mapToInt(String::length).max().orElse(0);
    }

    /**
     * Loads what every index needs whatever the catalog: the pinyin library's dictionaries, the phrase table and the
     * dictionary's derived sets. Then a {@link #build} that follows does not wait for them: the kiosk calls this while
     * it reads the catalog from its cache. Not on the JavaFX thread.
     */
    public static void preload(EverydayWords words) {
        Readings.of('一');
        Readings.preload();
        words.mentions();
    }

    /** Indexes every service of the catalog with the shipped dictionary. Not on the JavaFX thread. */
    public static SearchIndex build(Catalog catalog) {
        return build(catalog, EverydayWords.builtIn());
    }

    /** Indexes every service of the catalog with a dictionary of everyday words. Not on the JavaFX thread. */
    public static SearchIndex build(Catalog catalog, EverydayWords words) {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(words, "words");
        // The phrase table and the dictionary's derived sets load beside the names' index, not after it.
        java.util.concurrent.CompletableFuture<Void> side = java.util.concurrent.CompletableFuture.runAsync(() -> {
            Readings.preload();
            words.mentions();
        });
        List<Service> list = catalog.services();
        int n = list.size();
        int[] unitCount = new int[n];
        for (int i = 0; i < n; i++) {
            unitCount[i] = Normalizer.normalize(list.get(i).name()).length();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> unitCount[i]).thenComparingInt(i -> i));
        Service[] sorted = new Service[n];
        List<String> nameTexts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sorted[i] = list.get(order[i]);
            nameTexts.add(sorted[i].name());
        }
        TextIndex names = new TextIndex(nameTexts);

        Map<String, String> departmentNames = new HashMap<>();
        for (Department d : catalog.departments()) {
            departmentNames.put(d.id(), d.name());
        }
        Map<String, TextIndex.IntList[]> byText = new LinkedHashMap<>();
        for (int id = 0; id < n; id++) {
            Service s = sorted[id];
            for (String k : s.keywords()) {
                own(byText, k, 0, id);
            }
            // A visitor reading English types English: the catalog's own English name is one more way in.
            String english = catalog.translations().text(org.yizhan.model.Translations.key("services", s.id(), "name"), "en")
                    .orElse(null);
            own(byText, english, 0, id);
            own(byText, departmentNames.get(s.departmentId()), 1, id);
            for (Material m : s.materials()) {
                own(byText, m.name(), 2, id);
            }
        }
        List<String> otherTexts = new ArrayList<>(byText.keySet());
        int[][][] owners = new int[otherTexts.size()][][];
        int t = 0;
        for (TextIndex.IntList[] lists : byText.values()) {
            int[][] kinds = new int[KINDS][];
            for (int k = 0; k < KINDS; k++) {
                kinds[k] = lists[k] == null ? new int[0] : lists[k].toArray();
            }
            owners[t++] = kinds;
        }
        side.join();
        return new SearchIndex(sorted, names, new TextIndex(otherTexts), owners, words);
    }

    private static void own(Map<String, TextIndex.IntList[]> byText, String text, int kind, int id) {
        if (text == null || Normalizer.normalize(text).isEmpty()) {
            return;
        }
        TextIndex.IntList[] lists = byText.computeIfAbsent(text, x -> new TextIndex.IntList[KINDS]);
        if (lists[kind] == null) {
            lists[kind] = new TextIndex.IntList();
        }
        if (lists[kind].last() != id) {
            lists[kind].add(id);
        }
    }

    /** How many services are indexed. */
    public int size() {
        return services.length;
    }

    /** One service's best way of matching so far: score, reason and the unit ranges of its name to mark. */
    private record Found(int id, int score, SearchHit.Reason reason, int[] ranges) {
    }

    /** Higher scores first, then tie order (internal ids); a total order. */
    private static final Comparator<Found> RANKED = (a, b) -> a.score() != b.score()
            ? Integer.compare(b.score(), a.score()) : Integer.compare(a.id(), b.id());

    /** The best way each service matched, by internal id (an open-addressing table: no boxing per look-up). */
    private static final class Best {
        private int[] keys = new int[64]; // id + 1, 0 when free
        private Found[] values = new Found[64];
        private int size;

        void offer(Found f) {
            int h = slot(f.id());
            if (keys[h] == 0) {
                keys[h] = f.id() + 1;
                values[h] = f;
                if (++size * 2 > keys.length) {
                    grow();
                }
            } else if (f.score() > values[h].score()) {
                values[h] = f;
            }
        }

        boolean has(int id) {
            return keys[slot(id)] != 0;
        }

        int size() {
            return size;
        }

        List<Found> all() {
            List<Found> out = new ArrayList<>(size);
            for (Found f : values) {
                if (f != null) {
                    out.add(f);
                }
            }
            return out;
        }

        private int slot(int id) {
            int mask = keys.length - 1;
            int h = (id * 0x9E3779B9) >>> 1 & mask;
            while (keys[h] != 0 && keys[h] != id + 1) {
                h = (h + 1) & mask;
            }
            return h;
        }

        private void grow() {
            Found[] old = values;
            keys = new int[keys.length * 2];
            values = new Found[keys.length];
            size = 0;
            for (Found f : old) {
                if (f != null) {
                    offer(f);
                }
            }
        }
    }

    /**
     * The best {@code limit} services for what was typed, best first; empty when nothing was typed or
     * nothing matches.
     */
    public List<SearchHit> search(String query, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        char[] q = Normalizer.normalize(query).toCharArray();
        if (q.length == 0) {
            return List.of();
        }
        Best best = new Best();
        // 1. The names, literally: what was typed, in characters or usual readings. Unusual readings
        //    come along, ranked lower.
        List<long[]> strict = new ArrayList<>();
        List<long[]> odd = new ArrayList<>();
        String typed = new String(q);
        if (!extendsANameless(typed)) {
            names(q, limit, strict, odd);
            if (strict.isEmpty() && odd.isEmpty()) {
                nameless.set(Math.floorMod(namelessNext.getAndIncrement(), nameless.length()), typed);
            }
        }
        for (long[] f : strict) {
            best.offer(new Found((int) f[1], TIER_SCORE[(int) f[0]], SearchHit.Reason.LITERAL, range(f)));
        }
        for (long[] f : odd) {
            int id = (int) f[1];
            String part = new String(names.units[id], (int) f[2], (int) (f[3] - f[2]));
            best.offer(new Found(id, READING + (int) f[0] - TextIndex.SUBSTRING,
                    new SearchHit.Reason(SearchHit.Kind.READING, "", part), range(f)));
        }
        if (q.length >= 2 && allLetters(q)) {
            initialsOfKnownWords(q, limit, best);
        }
        // 2. Everyday words: 社保 → 社会保险, each just below the literal tier it reaches.
        everydayWords(q, limit, best);
        // 3. Loose: the typed characters in order with gaps, or most of them, when the above left places.
        //    Only the characters count there: 2019年…技术 typed with a character wrong is found by its characters.
        char[] han = ideographs(q);
        if (best.size() < limit && han.length >= 2) {
            loose(han, limit, best);
        }
        // 4. Keywords, then departments, then materials: services not yet found, in tie order.
        if (best.size() < limit) {
            others(q, limit, best);
        }
        List<SearchHit> hits = new ArrayList<>(Math.min(limit, best.size()));
        for (Found f : TopK.of(best.all(), limit, RANKED)) {
            hits.add(hit(f));
        }
        return List.copyOf(hits);
    }

    private boolean extendsANameless(String typed) {
        for (int i = 0; i < nameless.length(); i++) {
            String n = nameless.get(i);
            if (n != null && typed.startsWith(n)) {
                return true;
            }
        }
        return false;
    }

    private static int[] range(long[] f) {
        return new int[] {(int) f[2], (int) f[3]};
    }

    /**
     * Name matches of a query: those with the readings usual in place into {@code strict} as {tier, id,
     * start, end}, the tier lowered to substring for initials that cut through a known word; those only
     * through an unusual reading into {@code odd} (at most {@code limit}).
     */
    private void names(char[] q, int limit, List<long[]> strict, List<long[]> odd) {
        long qLetters = TextIndex.letterMask(q);
        if (TextIndex.keyable(q)) {
            namesByTier(q, qLetters, limit, strict, odd);
            return;
        }
        int good = 0;
        for (int id : names.candidates(q)) {
            if (good >= limit && names.length(id) > q.length) {
                break;
            }
            TextIndex.Match m = names.match(id, q, qLetters);
            if (m == null) {
                continue;
            }
            if (m.unusual()) {
                if (odd.size() < limit) {
                    odd.add(new long[] {m.tier(), id, m.start(), m.end()});
                }
            } else {
                int tier = tier(id, q, m);
                strict.add(new long[] {tier, id, m.start(), m.end()});
                if (tier >= TextIndex.PREFIX) {
                    good++;
                }
            }
        }
    }

    /**
     * Name matches of a query of letters and digits (or starting with an ideograph), tier by tier: names
     * the match can start (exact and prefix), then names where it can start a word or cover initials,
     * then any name. Each later tier is walked in tie order and stops once `limit` matches are in hand,
     * so only the first few names of the common substring tier are matched. When fewer than `limit`
     * match, every match is found.
     */
    private void namesByTier(char[] q, long qLetters, int limit, List<long[]> strict, List<long[]> odd) {
        if (!TextIndex.pairable(q)) {
            namesByTier(q, qLetters, limit, strict, odd, null);
            return;
        }
        long[][] b = bits.get();
        if (b[0].length * 64 < services.length) {
            b = new long[][] {new long[(services.length + 63) / 64], new long[(services.length + 63) / 64]};
            bits.set(b);
        }
        try {
            namesByTier(q, qLetters, limit, strict, odd, b);
        } finally {
            Arrays.fill(b[0], 0L);
            Arrays.fill(b[1], 0L);
        }
    }

    /**
     * {@link #namesByTier}; with {@code bits} (all zero), for a query of three or more letters and digits: the
     * names the pairs of adjacent units let it start in (bits[0]) or start anywhere in (bits[1]) are the only
     * ones matched, the same matches in the same order.
     */
    private void namesByTier(char[] q, long qLetters, int limit, List<long[]> strict, List<long[]> odd, long[][] bits) {
        long[] startBits = null;
        if (bits != null) {
            startBits = bits[0];
            names.markStarts(q, true, startBits);
        }
        int good = 0;
        for (int id : names.startCandidates(q)) {
            if (good >= limit && names.length(id) > q.length) {
                break;
            }
            if (startBits != null && (startBits[id >>> 6] & 1L << id) == 0) {
                continue;
            }
            TextIndex.Match m = names.matchStart(id, q, qLetters);
            if (m == null) {
                continue;
            }
            if (m.unusual()) {
                if (odd.size() < limit) {
                    TextIndex.Match elsewhere = names.match(id, q, qLetters);
                    if (elsewhere != null && elsewhere.unusual()) {
                        odd.add(new long[] {m.tier(), id, m.start(), m.end()});
                    }
                }
                continue; // a usual reading further on is found by the tiers below
            }
            int tier = tier(id, q, m);
            strict.add(new long[] {tier, id, m.start(), m.end()});
            if (tier >= TextIndex.WORD) {
                good++;
            }
        }
        int counted = good;
        if (counted >= limit) {
            return;
        }
        long[] anyBits = null;
        if (bits != null) {
            anyBits = bits[1];
            names.markStarts(q, false, anyBits);
        }
        for (int id : names.usualWordCandidates(q)) {
            if (anyBits != null && (anyBits[id >>> 6] & 1L << id) == 0) {
                continue;
            }
            TextIndex.Match m = names.match(id, q, qLetters, false);
            if (m == null || m.tier() != TextIndex.WORD) {
                continue;
            }
            strict.add(new long[] {tier(id, q, m), id, m.start(), m.end()});
            if (++counted >= limit) {
                return;
            }
        }
        if (anyBits == null) {
            for (int id : names.usualAnyCandidates(q)) {
                if (substring(id, q, qLetters, strict) && ++counted >= limit) {
                    return;
                }
            }
        } else {
            for (int w = 0; w < anyBits.length; w++) {
                for (long x = anyBits[w]; x != 0; x &= x - 1) {
                    if (substring(w << 6 | Long.numberOfTrailingZeros(x), q, qLetters, strict) && ++counted >= limit) {
                        return;
                    }
                }
            }
        }
        // Fewer than `limit` in usual readings: matches through another reading fill in below them, from
        // the first names that have one (a fallback, so the walk for them is bounded).
        int examined = 0;
        for (int id : names.anyCandidates(q, MAX_UNUSUAL_EXAMINED)) {
            if (odd.size() >= limit || ++examined > MAX_UNUSUAL_EXAMINED) {
                break;
            }
            if (anyBits != null && (anyBits[id >>> 6] & 1L << id) == 0) {
                continue;
            }
            TextIndex.Match m = names.match(id, q, qLetters, true);
            if (m != null && m.unusual() && odd.stream().noneMatch(f -> f[1] == id)) {
                odd.add(new long[] {m.tier(), id, m.start(), m.end()});
            }
        }
    }

    /** Whether the name has a substring match of the query in usual readings, then added to {@code strict}. */
    private boolean substring(int id, char[] q, long qLetters, List<long[]> strict) {
        TextIndex.Match m = names.match(id, q, qLetters, false);
        if (m == null || m.tier() != TextIndex.SUBSTRING) {
            return false;
        }
        strict.add(new long[] {tier(id, q, m), id, m.start(), m.end()});
        return true;
    }

    private static boolean allLetters(char[] q) {
        for (char c : q) {
            if (!Normalizer.isAsciiLetter(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The tier a match earns: its own, except for initials (sfz), where what matters is the word and not
     * where it stands. Initials starting inside a known word of the name (hz on 核准 in 审核准予 starts in
     * 审核) rank as a substring, others as a word, even at the start of the name; initials spelling a
     * known word (护照 for hz, anywhere in the name) are looked up by {@link #initialsOfKnownWords} and
     * rank with the name prefixes there.
     */
    private int tier(int id, char[] q, TextIndex.Match m) {
        if (m.tier() < TextIndex.WORD || m.tier() == TextIndex.EXACT || longestKnown == 0
                || !TextIndex.initialsOnly(q, m.start(), m.end())) {
            return m.tier();
        }
        return startsInsideWord(names.units[id], m.start(), m.end()) ? TextIndex.SUBSTRING : TextIndex.WORD;
    }

    /**
     * Names holding a known word whose initials are what was typed (hz: 护照, 核准), or begin with it (sf:
     * 身份证): ranked with the name prefixes, wherever the word stands.
     */
    private void initialsOfKnownWords(char[] q, int limit, Best best) {
        char[][] words = byInitials.get(new String(q));
        if (words == null) {
            return;
        }
        int found = 0;
        for (int rank = 0; rank < words.length && found < limit; rank++) { // later words rank lower: enough is enough
            char[] w = words[rank];
            List<long[]> strict = new ArrayList<>();
            names(w, limit, strict, new ArrayList<>());
            String note = "initials of " + new String(w);
            for (long[] f : strict) {
                int id = (int) f[1];
                if (f[0] >= TextIndex.SUBSTRING && !startsInsideWord(names.units[id], (int) f[2], (int) f[3])) {
                    int score = f[0] == TextIndex.EXACT ? EXACT : PREFIX - rank;
                    best.offer(new Found(id, score, new SearchHit.Reason(SearchHit.Kind.LITERAL, "", note), range(f)));
                    found++;
                }
            }
        }
    }

    /**
     * Known words by their initials in the usual readings (and by the first two or more of them), at most
     * 8 each, those the dictionary's entries mention most first (hz: 护照 before 核准).
     */
    private static Map<String, char[][]> byInitials(Set<String> known, Map<String, Integer> mentions) {
        Map<String, List<String>> exact = new HashMap<>();
        Map<String, List<String>> starts = new HashMap<>();
        for (String w : known) {
            if (!allIdeographs(w.toCharArray()) || w.length() > 6) {
                continue;
            }
            List<String> spellings = List.of("");
            for (int i = 0; i < w.length(); i++) {
                String[] r = Readings.usual(i > 0 ? w.charAt(i - 1) : 0, w.charAt(i), i + 1 < w.length() ? w.charAt(i + 1) : 0);
                Set<Character> firsts = new java.util.TreeSet<>();
                for (String x : r) {
                    firsts.add(x.charAt(0));
                }
                List<String> next = new ArrayList<>();
                for (String sp : spellings) {
                    for (char f : firsts) {
                        if (next.size() < 8) {
                            next.add(sp + f);
                        }
                    }
                }
                spellings = next;
            }
            for (String sp : spellings) {
                if (sp.length() == w.length()) {
                    exact.computeIfAbsent(sp, k -> new ArrayList<>()).add(w);
                    for (int len = 2; len < sp.length(); len++) {
                        starts.computeIfAbsent(sp.substring(0, len), k -> new ArrayList<>()).add(w);
                    }
                }
            }
        }
        Map<String, char[][]> out = new HashMap<>();
        Set<String> keys = new HashSet<>(exact.keySet());
        keys.addAll(starts.keySet());
        for (String k : keys) {
            List<String> list = new ArrayList<>(exact.getOrDefault(k, List.of()));
            list.sort(Comparator.comparingInt((String w) -> -mentions.getOrDefault(w, 0)).thenComparing(w -> w));
            List<String> longer = new ArrayList<>(starts.getOrDefault(k, List.of()));
            longer.sort(Comparator.comparingInt((String w) -> -mentions.getOrDefault(w, 0)).thenComparing(w -> w));
            for (String w : longer) {
                if (!list.contains(w)) {
                    list.add(w);
                }
            }
            out.put(k, list.stream().limit(8).map(String::toCharArray).toArray(char[][]::new));
        }
        return out;
    }

    /**
     * Whether the match [start, end) starts inside a known word that ends inside the match (审核 for 核准
     * in 审核准予); a known word holding the whole match (普通护照 for 护照) does not count.
     */
    private boolean startsInsideWord(char[] u, int start, int end) {
        if (start <= 0) {
            return false;
        }
        for (int a = Math.max(0, start - longestKnown + 1); a < start; a++) {
            for (int b = start + 1; b < end && b - a <= longestKnown; b++) {
                if (knownWords.contains(new String(u, a, b - a))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Everyday words the query is (社保, shebao, sb, or the start of one as it is being typed: kaigong
     * for 开公司), or that a query of characters holds (我要开公司): each wording's matches, just below the
     * literal tier they reach (a wording of several words: names holding them all).
     */
    private void everydayWords(char[] q, int limit, Best best) {
        if (wordings.length == 0) {
            return;
        }
        List<int[]> hits = new ArrayList<>(); // {everyday id, penalty}
        long qLetters = TextIndex.letterMask(q);
        for (int k : everyday.candidates(q)) {
            TextIndex.Match m = everyday.match(k, q, qLetters);
            // initials must spell the whole everyday word (sb for 社保); full pinyin may stop one syllable short
            boolean whole = m != null && m.tier() == TextIndex.EXACT;
            boolean typing = m != null && !TextIndex.initialsOnly(q, m.start(), m.end()) && m.end() >= 2
                    && m.end() >= everyday.length(k) - 1;
            if (m != null && !m.unusual() && m.start() == 0 && (whole || typing)) {
                // the everyday word typed whole outranks one it only begins (医保 before 医保卡)
                hits.add(new int[] {k, whole ? SYNONYM_BELOW : SYNONYM_BELOW + SYNONYM_BELOW / 5});
                if (hits.size() >= MAX_EVERYDAY_HITS) {
                    break;
                }
            }
        }
        if (hits.isEmpty() && allIdeographs(q)) {
            for (int i = 0; i < q.length && hits.size() < MAX_EVERYDAY_HITS; i++) {
                for (int len = Math.min(EverydayWords.MAX_WORD, q.length - i); len >= 2; len--) {
                    Integer k = everydayIds.get(new String(q, i, len));
                    if (k != null) {
                        hits.add(new int[] {k, PART_OF_QUERY});
                        i += len - 1;
                        break;
                    }
                }
            }
        }
        for (int[] h : hits) {
            String word = everyday.originals[h[0]];
            for (char[][] wording : wordings[h[0]]) {
                SearchHit.Reason why = new SearchHit.Reason(SearchHit.Kind.SYNONYM, word, spell(wording));
                if (wording.length == 1) {
                    List<long[]> strict = new ArrayList<>();
                    names(wording[0], limit, strict, new ArrayList<>());
                    for (long[] f : strict) {
                        int tier = TIER_SCORE[(int) f[0]];
                        // an everyday word that is only part of what was typed stays below every literal match of it all
                        int score = h[1] == PART_OF_QUERY ? SYNONYM_ALL_WORDS + 10 - (EXACT - tier) / 10 : tier - h[1];
                        best.offer(new Found((int) f[1], score, why, range(f)));
                    }
                } else {
                    allWords(wording, limit, h[1] == PART_OF_QUERY ? SYNONYM_ALL_WORDS - 20 : SYNONYM_ALL_WORDS - (h[1] - SYNONYM_BELOW),
                            why, best);
                }
            }
        }
    }

    private static String spell(char[][] wording) {
        StringBuilder sb = new StringBuilder();
        for (char[] w : wording) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w);
        }
        return sb.toString();
    }

    /** Names holding every word of a wording (words of characters), in tie order, at most `limit`. */
    private void allWords(char[][] words, int limit, int score, SearchHit.Reason why, Best best) {
        // the rarest character of each word: names holding them all are the only candidates
        int[][] lists = new int[words.length][];
        for (int w = 0; w < words.length; w++) {
            for (char c : words[w]) {
                int[] l = Normalizer.isIdeograph(c) ? names.withIdeograph(c) : null;
                if (l != null && (lists[w] == null || l.length < lists[w].length)) {
                    lists[w] = l;
                }
            }
            if (lists[w] == null) {
                return;
            }
        }
        Arrays.sort(lists, Comparator.comparingInt(l -> l.length));
        int[] at = new int[lists.length];
        int found = 0;
        candidates:
        for (int id : lists[0]) {
            for (int l = 1; l < lists.length; l++) {
                int i = Arrays.binarySearch(lists[l], at[l], lists[l].length, id);
                if (i < 0) {
                    at[l] = -i - 1;
                    continue candidates;
                }
                at[l] = i;
            }
            char[] u = names.units[id];
            int[] ranges = new int[words.length * 2];
            for (int w = 0; w < words.length; w++) {
                int x = indexOf(u, words[w]);
                if (x < 0) {
                    continue candidates;
                }
                ranges[2 * w] = x;
                ranges[2 * w + 1] = x + words[w].length;
            }
            best.offer(new Found(id, score, why, ranges));
            if (++found >= limit) {
                return;
            }
        }
    }

    private static int indexOf(char[] u, char[] w) {
        outer:
        for (int i = 0; i + w.length <= u.length; i++) {
            for (int j = 0; j < w.length; j++) {
                if (u[i + j] != w[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static char[] ideographs(char[] q) {
        StringBuilder sb = new StringBuilder(q.length);
        for (char c : q) {
            if (Normalizer.isIdeograph(c)) {
                sb.append(c);
            }
        }
        return sb.length() == q.length ? q : sb.toString().toCharArray();
    }

    private static boolean allIdeographs(char[] q) {
        for (char c : q) {
            if (!Normalizer.isIdeograph(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Names holding the typed characters in order with gaps (学历证明 in 学历鉴定证明), or most of them with
     * two side by side (狂犬疫苗 → 狂犬病…): ranked by how many, then in how few pieces.
     */
    private void loose(char[] typed, int limit, Best best) {
        char[] q = typed.length > MAX_LOOSE ? Arrays.copyOf(typed, MAX_LOOSE) : typed;
        int n = q.length;
        int need = n == 2 ? 2 : Math.max(2, (n + 1) / 2);
        int[] mask = masks.get();
        if (mask.length < services.length) {
            mask = new int[services.length];
            masks.set(mask);
        }
        // A rare character says more than a common one: 狂犬 in 狂犬疫苗 more than 疫苗.
        Map<Character, Double> weight = new HashMap<>();
        double total = 0;
        int[][] lists = new int[n][];
        for (int k = 0; k < n; k++) {
            lists[k] = names.withIdeograph(q[k]);
            double w = Math.log((services.length + 1.0) / (lists[k].length + 1.0)) + 0.1;
            weight.put(q[k], w);
            total += w;
        }
        for (int k = 0; k < n; k++) {
            for (int id : lists[k]) {
                mask[id] |= 1 << k;
            }
        }
        // The ids with enough of the characters, by how many, each with its bits; the mask is left all zero.
        long[][] byCount = new long[n + 1][];
        int[] counts = new int[n + 1];
        for (int k = 0; k < n; k++) {
            for (int id : lists[k]) {
                int bits = mask[id];
                if (bits == 0) {
                    continue; // seen already
                }
                mask[id] = 0;
                int c = Integer.bitCount(bits);
                if (c >= need && !best.has(id)) {
                    if (byCount[c] == null) {
                        byCount[c] = new long[16];
                    } else if (counts[c] == byCount[c].length) {
                        byCount[c] = Arrays.copyOf(byCount[c], counts[c] * 2);
                    }
                    byCount[c][counts[c]++] = (long) id << 32 | (bits & 0xFFFFFFFFL);
                }
            }
        }
        int found = 0;
        int evaluated = 0;
        // Most characters first; within as many, shorter names first; enough in hand ends it.
        for (int c = n; c >= need && found < limit && evaluated < MAX_LOOSE_EVALUATED; c--) {
            if (byCount[c] == null) {
                continue;
            }
            long[] bucket = Arrays.copyOf(byCount[c], counts[c]);
            Arrays.sort(bucket); // tie order
            for (long entry : bucket) {
                int id = (int) (entry >>> 32);
                if (c < n && !twoSideBySide(q, (int) entry, names.units[id])) {
                    continue; // most but not all of them: only with two of them side by side, as typed
                }
                if (++evaluated > MAX_LOOSE_EVALUATED || found >= 3 * limit) {
                    break;
                }
                int[] ranges = Alignment.of(q, names.units[id]);
                int matched = 0;
                int longest = 0;
                double got = 0;
                for (int r = 0; r < ranges.length; r += 2) {
                    matched += ranges[r + 1] - ranges[r];
                    longest = Math.max(longest, ranges[r + 1] - ranges[r]);
                    for (int x = ranges[r]; x < ranges[r + 1]; x++) {
                        got += weight.getOrDefault(names.units[id][x], 0.0);
                    }
                }
                int pieces = ranges.length / 2;
                if (matched < need || matched < n && longest < 2) {
                    continue;
                }
                int score = matched == n
                        ? Math.max(310, LOOSE + 5 - 5 * pieces)
                        : Math.max(201, 200 + (int) (90 * Math.min(1.0, got / total)) - Math.min(9, pieces - 1));
                StringBuilder via = new StringBuilder();
                for (int r = 0; r < ranges.length; r += 2) {
                    via.append(r == 0 ? "" : "…").append(names.units[id], ranges[r], ranges[r + 1] - ranges[r]);
                }
                best.offer(new Found(id, score, new SearchHit.Reason(SearchHit.Kind.LOOSE, "", via.toString()), ranges));
                found++;
            }
        }
    }

    /** Whether the name holds two characters side by side that the query has side by side. */
    private static boolean twoSideBySide(char[] q, int mask, char[] u) {
        for (int k = 0; k + 1 < q.length; k++) {
            if ((mask >>> k & 3) == 3) {
                for (int i = 0; i + 1 < u.length; i++) {
                    if (u[i] == q[k] && u[i + 1] == q[k + 1]) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Keywords, then departments, then materials: services not yet found, in tie order. */
    private void others(char[] q, int limit, Best best) {
        long qLetters = TextIndex.letterMask(q);
        List<Integer> matchedTexts = new ArrayList<>();
        for (int t : others.candidates(q)) {
            TextIndex.Match m = others.match(t, q, qLetters);
            if (m != null) {
                matchedTexts.add(t);
            }
        }
        int room = limit - best.size();
        for (int kind = 0; kind < KINDS && room > 0; kind++) {
            final int k = kind;
            PriorityQueue<int[]> heads = new PriorityQueue<>(Comparator.comparingInt(h -> owners[h[0]][k][h[1]]));
            for (int t : matchedTexts) {
                if (owners[t][kind].length > 0) {
                    heads.add(new int[] {t, 0});
                }
            }
            while (!heads.isEmpty() && room > 0) {
                int[] h = heads.poll();
                int id = owners[h[0]][kind][h[1]];
                boolean isNew = !best.has(id);
                best.offer(new Found(id, KIND_SCORE[kind],
                        new SearchHit.Reason(KIND_REASON[kind], "", others.originals[h[0]]), new int[0]));
                if (isNew) {
                    room--;
                }
                if (++h[1] < owners[h[0]][kind].length) {
                    heads.add(h);
                }
            }
        }
    }

    private SearchHit hit(Found f) {
        Service s = services[f.id()];
        List<SearchHit.Highlight> marks = new ArrayList<>();
        int[] r = f.ranges();
        for (int i = 0; i + 1 < r.length; i += 2) {
            if (r[i] >= 0 && r[i + 1] > r[i]) {
                marks.add(new SearchHit.Highlight(names.originalStart(f.id(), r[i]), names.originalEnd(f.id(), r[i + 1])));
            }
        }
        marks.sort(Comparator.comparingInt(SearchHit.Highlight::start));
        return new SearchHit(s.id(), s.name(), f.score(), marks, f.reason());
    }
}
