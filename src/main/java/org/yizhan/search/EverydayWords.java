package org.yizhan.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The words citizens type for services and documents, and the wording catalogs use for them: 社保 →
 * 社会保险, 户口本 → 居民户口簿, 开公司 → 公司 + 设立登记. Read from a plain text file a hall can review
 * and extend (format in docs/search.md); a bad line is reported and skipped, the others are used.
 *
 * <pre>
 * 社保, 社保卡 = 社会保险 | 社会保障        everyday words = a wording | another wording
 * 开公司 = 公司 设立登记                    a wording of several words: a name holding all of them
 * 结婚证 护照 监护 指引                     a line without = : known words of service names
 * </pre>
 */
public final class EverydayWords {

    /** The dictionary shipped in the jar. */
    public static final String BUILT_IN = "/assets/search/everyday-words.txt";
    static final int MAX_WORD = 12;
    static final int MAX_WORDS_PER_WORDING = 4;

    /**
     * One entry: what citizens type, and the wordings that mean it; a wording is one or more words that
     * a name must all contain.
     */
    public record Entry(String everyday, List<List<String>> wordings, String source, int line) {
        public Entry {
            Objects.requireNonNull(everyday, "everyday");
            wordings = wordings.stream().map(List::copyOf).toList();
        }

        /** A wording as written in the file: 公司 设立登记. */
        static String spell(List<String> wording) {
            return String.join(" ", wording);
        }
    }

    /** A line that was skipped, and why. */
    public record Problem(String source, int line, String message) {
        @Override
        public String toString() {
            return source + " line " + line + ": " + message;
        }
    }

    private static final EverydayWords NONE = new EverydayWords(List.of(), Set.of(), List.of());
    private static volatile EverydayWords builtIn;

    private final List<Entry> entries;
    /** The words of the lines without =, as the file lists them (kept apart for {@link #plus}). */
    private final Set<String> listedWords;
    /** Those, every everyday word and every word of a wording. */
    private final Set<String> knownWords;
    private final List<Problem> problems;
    private volatile Map<String, Integer> mentions;

    private EverydayWords(List<Entry> entries, Set<String> knownWords, List<Problem> problems) {
        this.entries = List.copyOf(entries);
        this.listedWords = Collections.unmodifiableSet(new LinkedHashSet<>(knownWords));
        Set<String> all = new LinkedHashSet<>(knownWords);
        for (Entry e : this.entries) {
            all.add(e.everyday());
            e.wordings().forEach(all::addAll);
        }
        this.knownWords = Collections.unmodifiableSet(all);
        this.problems = List.copyOf(problems);
    }

    /** No entries at all: literal search only. */
    public static EverydayWords none() {
        return NONE;
    }

    /** The dictionary shipped with the kiosk (read once). */
    public static EverydayWords builtIn() {
        EverydayWords b = builtIn;
        if (b == null) {
            try (InputStream in = EverydayWords.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException(BUILT_IN + " is missing from the jar");
                }
                b = parse("everyday-words.txt", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtIn = b;
        }
        return b;
    }

    /** Reads a hall's file (UTF-8). A file that is not UTF-8 is one problem and no entries. */
    public static EverydayWords read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String source = String.valueOf(file.getFileName());
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return parse(source, text);
        } catch (CharacterCodingException e) {
            return new EverydayWords(List.of(), Set.of(),
                    List.of(new Problem(source, 0, "not UTF-8 text (saved as GBK?); save it as UTF-8")));
        }
    }

    /** Parses the text of a dictionary; {@code source} names it in problems. */
    public static EverydayWords parse(String source, String text) {
        List<Entry> entries = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.replace('\u3000', ' ').strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            int eq = line.indexOf('=');
            if (eq < 0) {
                line = line.replace('＝', '=');
                eq = line.indexOf('=');
            }
            if (eq < 0) {
                for (String w : line.split("\\s+")) {
                    String problem = everydayProblem(w);
                    if (problem != null) {
                        problems.add(new Problem(source, lineNo, "known word \"" + w + "\": " + problem));
                    } else {
                        known.add(Normalizer.normalize(w));
                    }
                }
                continue;
            }
            parseEntry(source, lineNo, line.substring(0, eq), line.substring(eq + 1), entries, problems);
        }
        return new EverydayWords(entries, known, problems);
    }

    private static void parseEntry(String source, int lineNo, String left, String right, List<Entry> entries,
            List<Problem> problems) {
        List<List<String>> wordings = new ArrayList<>();
        for (String alt : right.replace('｜', '|').split("\\|", -1)) {
            List<String> words = new ArrayList<>();
            for (String w : alt.strip().split("\\s+")) {
                String folded = Normalizer.normalize(w);
                if (!folded.isEmpty()) {
                    words.add(folded);
                }
            }
            if (words.isEmpty()) {
                problems.add(new Problem(source, lineNo, "an empty wording after = or between |; write the catalog's words"));
                return;
            }
            if (words.size() > MAX_WORDS_PER_WORDING || words.stream().anyMatch(w -> w.length() > MAX_WORD)) {
                problems.add(new Problem(source, lineNo, "the wording \"" + alt.strip() + "\" is too long: at most "
                        + MAX_WORDS_PER_WORDING + " words of at most " + MAX_WORD + " characters"));
                return;
            }
            wordings.add(words);
        }
        String[] everyday = left.replace('，', ',').replace('、', ',').split(",", -1);
        List<String> kept = new ArrayList<>();
        for (String e : everyday) {
            String w = e.strip();
            String problem = everydayProblem(w);
            if (problem != null) {
                problems.add(new Problem(source, lineNo, "everyday word \"" + w + "\": " + problem));
                continue;
            }
            kept.add(Normalizer.normalize(w));
        }
        for (String w : kept) {
            List<List<String>> others = wordings.stream().filter(x -> !(x.size() == 1 && x.get(0).equals(w))).toList();
            if (others.isEmpty()) {
                problems.add(new Problem(source, lineNo, "\"" + w + "\" only means itself; literal text is always found"));
            } else {
                entries.add(new Entry(w, others, source, lineNo));
            }
        }
    }

    /** Why a word cannot be an everyday word, or null: two to twelve Chinese characters, nothing else. */
    private static String everydayProblem(String w) {
        if (w.isEmpty()) {
            return "empty; separate words with one comma";
        }
        String folded = Normalizer.normalize(w);
        for (int i = 0; i < folded.length(); i++) {
            if (!Normalizer.isIdeograph(folded.charAt(i))) {
                return "write it in Chinese characters only (pinyin and initials are matched by themselves)";
            }
        }
        if (folded.length() < 2 || folded.length() > MAX_WORD) {
            return "2 to " + MAX_WORD + " Chinese characters";
        }
        return null;
    }

    /**
     * This dictionary and then {@code more} (a hall's own file): an everyday word in both keeps the
     * wordings of both, this one's first.
     */
    public EverydayWords plus(EverydayWords more) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(more.entries);
        Set<String> known = new LinkedHashSet<>(listedWords);
        known.addAll(more.listedWords);
        List<Problem> p = new ArrayList<>(problems);
        p.addAll(more.problems);
        return new EverydayWords(all, known, p);
    }

    /** Entries in file order; one everyday word may have several (merged by {@link #byEveryday}). */
    public List<Entry> entries() {
        return entries;
    }

    /** Every everyday word with all its wordings, first-seen order, duplicates dropped. */
    Map<String, List<List<String>>> byEveryday() {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            List<List<String>> list = out.computeIfAbsent(e.everyday(), k -> new ArrayList<>());
            for (List<String> w : e.wordings()) {
                if (!list.contains(w)) {
                    list.add(w);
                }
            }
        }
        return out;
    }

    /**
     * Words known to be whole words of service names: the known-word lines, every everyday word and
     * every word of a wording.
     */
    public Set<String> knownWords() {
        return knownWords;
    }

    /**
     * How many entries mention each known word, on either side (护照 in 办护照, 换护照, 补护照, 出国 = 护照 …):
     * what citizens ask about most, computed once.
     */
    Map<String, Integer> mentions() {
        Map<String, Integer> m = mentions;
        if (m == null) {
            List<String> texts = new ArrayList<>();
            for (Entry e : entries) {
                texts.add(e.everyday());
                e.wordings().forEach(texts::addAll);
            }
            Set<String> known = knownWords();
            int longest = known.stream().mapToInt(String::length).max().orElse(0);
            m = new java.util.HashMap<>();
            for (String t : texts) {
                Set<String> inText = new java.util.HashSet<>();
                for (int i = 0; i < t.length(); i++) {
                    for (int len = 2; len <= longest && i + len <= t.length(); len++) {
                        String w = t.substring(i, i + len);
                        if (known.contains(w)) {
                            inText.add(w);
                        }
                    }
                }
                for (String w : inText) {
                    m.merge(w, 1, Integer::sum);
                }
            }
            mentions = m;
        }
        return m;
    }

    /** Lines that were skipped. */
    public List<Problem> problems() {
        return problems;
    }

    public int size() {
        return entries.size();
    }
}
