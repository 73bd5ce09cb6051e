package org.yizhan.search;

/**
 * What counts as a unit of text for search: letters, digits and CJK ideographs, folded to half-width
 * lower case. Spaces, punctuation, symbols and emoji are dropped.
 */
final class Normalizer {

    /**
     * 繁體 to 简体, character by character, so that 身份證 finds 身份证 (the catalog is simplified): OpenCC's own
     * character table, shipped in opencc4j. One character for one keeps the highlights where they were; a phrase
     * table is not needed to match, only to write.
     */
    private static final char[] SIMPLIFIED = simplifiedTable();

    private Normalizer() {
    }

    private static char[] simplifiedTable() {
        char[] table = new char[0x10000];
        try (java.io.InputStream in = Normalizer.class.getResourceAsStream("/data/dictionary/TSCharacters.txt")) {
            if (in == null) {
                throw new IllegalStateException("opencc4j's TSCharacters.txt is missing from the class path");
            }
            java.io.BufferedReader lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int tab = line.indexOf('\t');
                if (tab == 1 && line.length() > 2) {
                    char to = line.charAt(2);
                    boolean single = line.length() == 3 || line.charAt(3) == ' ';
                    if (single && !Character.isSurrogate(to)) {
                        table[line.charAt(0)] = to;
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return table;
    }

    /** The character folded for matching, or 0 when it is not a unit (space, punctuation, emoji …). */
    static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') { // full-width ASCII: ＳＦＺ, ０-９
            c = (char) (c - 0xFEE0);
        } else if (c == '\u3000') {
            return 0;
        }
        if (c < 128) {
            if (c >= 'A' && c <= 'Z') {
                return (char) (c + 32);
            }
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : 0;
        }
        if (isIdeograph(c)) {
            char simplified = SIMPLIFIED[c];
            return simplified == 0 ? c : simplified;
        }
        if (Character.isSurrogate(c)) {
            return 0; // emoji and rare ideographs outside the BMP
        }
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
    }

    static boolean isIdeograph(char c) {
        return (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF')
                || c == '\u3007';
    }

    static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** The query as units: trimmed, folded, without spaces, punctuation or emoji. */
    static String normalize(String query) {
        if (query == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(query.length(), 256));
        for (int i = 0; i < query.length(); i++) {
            char f = fold(query.charAt(i));
            if (f != 0) {
                sb.append(f);
            }
        }
        return sb.toString();
    }
}
