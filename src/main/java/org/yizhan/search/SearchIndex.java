package org.yizhan.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import org.yizhan.model.Catalog;
import org.yizhan.model.Department;
import org.yizhan.model.Material;
import org.yizhan.model.Service;

/**
 * The kiosk's search over one catalog: Chinese substrings, full pinyin and its prefixes, pinyin
 * initials and mixtures, on service names first, then keywords, departments and materials.
 *
 * <p>Immutable and safe to read from any thread; build it off the JavaFX thread. The ranking rule is
 * written down in docs/search.md: exact name &gt; name prefix &gt; whole word or initials &gt; substring
 * &gt; keyword &gt; department &gt; material; on ties the shorter name, then catalog order.
 */
public final class SearchIndex {

    /** Scores of the tiers, best first. */
    public static final int EXACT = 700;
    public static final int PREFIX = 600;
    public static final int WORD = 500;
    public static final int SUBSTRING = 400;
    public static final int KEYWORD = 300;
    public static final int DEPARTMENT = 200;
    public static final int MATERIAL = 100;

    private static final int[] TIER_SCORE = {0, 0, 0, 0, SUBSTRING, WORD, PREFIX, EXACT};
    private static final int KINDS = 3; // keyword, department, material
    private static final int[] KIND_SCORE = {KEYWORD, DEPARTMENT, MATERIAL};

    /** Services in tie order: fewer units first, then catalog order. Internal ids index this. */
    private final Service[] services;
    private final TextIndex names;
    /** Keywords, department names and material names, each distinct text once. */
    private final TextIndex others;
    /** others id → kind → ascending service ids. */
    private final int[][][] owners;

    private SearchIndex(Service[] services, TextIndex names, TextIndex others, int[][][] owners) {
        this.services = services;
        this.names = names;
        this.others = others;
        this.owners = owners;
    }

    /** Indexes every service of the catalog. Takes a moment for a large catalog: not on the JavaFX thread. */
    public static SearchIndex build(Catalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
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
        return new SearchIndex(sorted, names, new TextIndex(otherTexts), owners);
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
        long qLetters = TextIndex.letterMask(q);

        // 1. Names. Candidates come in tie order, so once `limit` names start with the query and no
        //    later (longer) name can equal it, the rest cannot get in.
        List<long[]> found = new ArrayList<>(); // {tier, id, start, end}
        if (TextIndex.keyable(q)) {
            namesByTier(q, qLetters, limit, found);
        } else {
            int good = 0;
            for (int id : names.candidates(q)) {
                if (good >= limit && names.length(id) > q.length) {
                    break;
                }
                TextIndex.Match m = names.match(id, q, qLetters);
                if (m != null) {
                    found.add(new long[] {m.tier(), id, m.start(), m.end()});
                    if (m.tier() >= TextIndex.PREFIX) {
                        good++;
                    }
                }
            }
        }
        found.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
        List<SearchHit> hits = new ArrayList<>(Math.min(limit, found.size() + 1));
        for (int i = 0; i < found.size() && hits.size() < limit; i++) {
            long[] f = found.get(i);
            int id = (int) f[1];
            int start = names.originalStart(id, (int) f[2]);
            int end = names.originalEnd(id, (int) f[3]);
            hits.add(hit(id, TIER_SCORE[(int) f[0]], List.of(new SearchHit.Highlight(start, end))));
        }
        if (hits.size() >= limit) {
            return List.copyOf(hits);
        }

        // 2. Keywords, then departments, then materials: services not yet found, in tie order.
        java.util.BitSet taken = new java.util.BitSet(services.length);
        for (long[] f : found) {
            taken.set((int) f[1]);
        }
        List<Integer> matchedTexts = new ArrayList<>();
        for (int t : others.candidates(q)) {
            if (others.match(t, q, qLetters) != null) {
                matchedTexts.add(t);
            }
        }
        for (int kind = 0; kind < KINDS && hits.size() < limit; kind++) {
            PriorityQueue<int[]> heads = new PriorityQueue<>(Comparator.comparingInt(h -> owners[h[0]][h[2]][h[1]]));
            for (int t : matchedTexts) {
                if (owners[t][kind].length > 0) {
                    heads.add(new int[] {t, 0, kind});
                }
            }
            while (!heads.isEmpty() && hits.size() < limit) {
                int[] h = heads.poll();
                int id = owners[h[0]][kind][h[1]];
                if (!taken.get(id)) {
                    taken.set(id);
                    hits.add(hit(id, KIND_SCORE[kind], List.of()));
                }
                if (++h[1] < owners[h[0]][kind].length) {
                    heads.add(h);
                }
            }
        }
        return List.copyOf(hits);
    }

    /**
     * Name matches of a query of letters and digits, tier by tier: names the match can start (exact and
     * prefix), then names where it can start a word or cover initials, then any name. Each later tier
     * is walked in tie order and stops once `limit` matches are in hand, so only the first few names of
     * the common substring tier are matched. When fewer than `limit` match, every match is found.
     */
    private void namesByTier(char[] q, long qLetters, int limit, List<long[]> found) {
        int good = 0;
        for (int id : names.startCandidates(q)) {
            if (good >= limit && names.length(id) > q.length) {
                break;
            }
            TextIndex.Match m = names.matchStart(id, q, qLetters);
            if (m != null) {
                found.add(new long[] {m.tier(), id, m.start(), m.end()});
                good++;
            }
        }
        if (found.size() >= limit) {
            return;
        }
        for (int id : names.wordCandidates(q)) {
            TextIndex.Match m = names.match(id, q, qLetters);
            if (m != null && m.tier() == TextIndex.WORD) {
                found.add(new long[] {m.tier(), id, m.start(), m.end()});
                if (found.size() >= limit) {
                    return;
                }
            }
        }
        for (int id : names.candidates(q)) {
            TextIndex.Match m = names.match(id, q, qLetters);
            if (m != null && m.tier() == TextIndex.SUBSTRING) {
                found.add(new long[] {m.tier(), id, m.start(), m.end()});
                if (found.size() >= limit) {
                    return;
                }
            }
        }
    }

    private SearchHit hit(int id, int score, List<SearchHit.Highlight> highlights) {
        Service s = services[id];
        return new SearchHit(s.id(), s.name(), score, highlights);
    }
}
