package org.yizhan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every foreground the theme paints (text, icons) against every background it can stand on, by WCAG 2's
 * contrast ratio: at least 4.5:1, and 7:1 for text in elder mode. The pairs come from kiosk.css itself: its colour
 * tokens on {@code .root} (and {@code .root.elder}), and each rule's {@code -fx-text-fill}, {@code -fx-fill} or
 * {@code -fx-icon-color} against its own {@code -fx-background-color}, or else the backgrounds of the rules it
 * stands inside ({@code .top-bar .label} on {@code .top-bar}; {@code .tile .tile-label} on {@code .tile},
 * {@code .tile:pressed} and {@code .tile.soon}), or else the page and the cards. A background rule without a
 * foreground of its own ({@code .button:pressed}) is paired with the foregrounds of the element it restyles.
 */
class ThemeContrastTest {

    private static final Path CSS = Path.of("src/main/resources/org/yizhan/ui/kiosk.css");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");
    private static final Set<String> FOREGROUNDS = Set.of("-fx-text-fill", "-fx-fill", "-fx-icon-color", "-fx-prompt-text-fill");
    private static final Set<String> TEXT = Set.of("-fx-text-fill", "-fx-fill", "-fx-prompt-text-fill");

    /** One selector of a rule (a rule with "a, b" is two) and its declarations. */
    record Rule(String selector, Map<String, String> declarations) {
        List<String> compounds() {
            return List.of(selector.trim().split("\\s+"));
        }

        Optional<String> get(String property) {
            return Optional.ofNullable(declarations.get(property));
        }
    }

    /** A foreground on a background, the rules they come from, and whether the foreground is text. */
    record Pair(String foreground, String background, String from, boolean text) {
    }

    @Test
    void everyForegroundStandsOutFromEveryBackgroundItIsPaintedOn() throws IOException {
        List<Rule> rules = parse(Files.readString(CSS));
        List<String> failures = new ArrayList<>();
        for (boolean elder : List.of(false, true)) {
            Map<String, String> tokens = tokens(rules, elder);
            for (Pair p : pairs(rules)) {
                Optional<double[]> fg = colour(p.foreground(), tokens);
                Optional<double[]> bg = colour(p.background(), tokens);
                if (fg.isEmpty() || bg.isEmpty()) {
                    continue; // transparent: the background below is paired instead
                }
                double ratio = ratio(fg.get(), bg.get());
                double needed = elder && p.text() ? 7 : 4.5;
                if (ratio < needed) {
                    failures.add(String.format(Locale.ROOT, "%s: %s on %s is %.2f:1, under %.1f:1 (%s)",
                            elder ? "elder" : "standard", p.foreground(), p.background(), ratio, needed, p.from()));
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " pairs:\n" + String.join("\n", new TreeSet<>(failures)));
    }

    @Test
    void theRatioIsWcags() {
        assertEquals(21, ratio(rgb("#000000"), rgb("#FFFFFF")), 1e-9);
        assertEquals(1, ratio(rgb("#0B4FA3"), rgb("#0B4FA3")), 1e-9);
        assertEquals(4.54, ratio(rgb("#767676"), rgb("#FFFFFF")), 0.01, "the grey that just passes 4.5:1");
    }

    @Test
    void thePairsIncludeTheBarsTheButtonsAndTheirPressedStates() throws IOException {
        Set<String> pairs = new LinkedHashSet<>();
        for (Pair p : pairs(parse(Files.readString(CSS)))) {
            pairs.add(p.foreground() + " on " + p.background());
        }
        assertTrue(pairs.contains("-k-primary-text on -k-primary"), "the top bar's text: " + pairs);
        assertTrue(pairs.contains("-k-primary on -k-chip"), "a pressed button's text");
        assertTrue(pairs.contains("-k-primary-text on -k-primary-pressed"), "a pressed primary button's text");
        assertTrue(pairs.contains("-k-text-2 on -k-surface"), "secondary text on a card");
        assertTrue(pairs.contains("-k-warn on #FFF4E0") || pairs.contains("-k-text on #FFF4E0"), "the notice");
    }

    static List<Rule> parse(String css) {
        String plain = css.replaceAll("(?s)/\\*.*?\\*/", "");
        List<Rule> rules = new ArrayList<>();
        Matcher m = RULE.matcher(plain);
        while (m.find()) {
            Map<String, String> declarations = new LinkedHashMap<>();
            for (String d : m.group(2).split(";")) {
                int colon = d.indexOf(':');
                if (colon > 0) {
                    declarations.put(d.substring(0, colon).trim(), d.substring(colon + 1).trim());
                }
            }
            for (String selector : m.group(1).split(",")) {
                rules.add(new Rule(selector.trim(), declarations));
            }
        }
        return rules;
    }

    /** The looked-up colours of {@code .root}, with those of {@code .root.elder} over them in elder mode. */
    static Map<String, String> tokens(List<Rule> rules, boolean elder) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (r.selector().equals(".root") || elder && r.selector().equals(".root.elder")) {
                r.declarations().forEach((k, v) -> {
                    if (k.startsWith("-k-")) {
                        tokens.put(k, v);
                    }
                });
            }
        }
        return tokens;
    }

    static List<Pair> pairs(List<Rule> rules) {
        List<Pair> pairs = new ArrayList<>();
        for (Rule r : rules) {
            if (r.selector().startsWith(".root")) {
                continue;
            }
            for (String property : FOREGROUNDS) {
                Optional<String> fg = r.get(property);
                if (fg.isEmpty()) {
                    continue;
                }
                boolean text = TEXT.contains(property);
                for (Map.Entry<String, String> bg : backgroundsOf(r, rules).entrySet()) {
                    pairs.add(new Pair(fg.get(), bg.getKey(), r.selector() + " on " + bg.getValue(), text));
                }
            }
            // A background that restyles an element (.button:pressed, .tile.soon): its element's foregrounds on it.
            Optional<String> bg = background(r);
            if (bg.isPresent() && FOREGROUNDS.stream().noneMatch(f -> r.declarations().containsKey(f))) {
                for (Rule other : rules) {
                    if (other == r || other.selector().startsWith(".root") || !restyles(r, other)) {
                        continue;
                    }
                    for (String property : FOREGROUNDS) {
                        other.get(property).ifPresent(fg -> pairs.add(new Pair(fg, bg.get(),
                                other.selector() + " on " + r.selector(), TEXT.contains(property))));
                    }
                }
            }
        }
        return pairs;
    }

    /** Whether {@code bg}'s background lies under {@code fg}: the same element, or one it stands inside. */
    private static boolean restyles(Rule bg, Rule fg) {
        List<String> b = bg.compounds();
        List<String> f = fg.compounds();
        String last = b.get(b.size() - 1);
        if (f.size() == b.size()) {
            // The same element in another state: its own foreground, unless it sets one in that state.
            return covers(last, f.get(f.size() - 1)) && f.subList(0, f.size() - 1).equals(b.subList(0, b.size() - 1))
                    && background(fg).isEmpty();
        }
        // Text inside it, unless that text has a background of its own.
        return f.size() == b.size() + 1 && covers(last, f.get(b.size() - 1)) && background(fg).isEmpty();
    }

    /** The backgrounds under a rule's foreground, each with the rule it comes from. */
    private static Map<String, String> backgroundsOf(Rule r, List<Rule> rules) {
        Map<String, String> found = new LinkedHashMap<>();
        Optional<String> own = background(r);
        if (own.isPresent() && !own.get().equals("transparent")) {
            found.put(own.get(), r.selector());
            return found;
        }
        List<String> compounds = r.compounds();
        for (int depth = compounds.size() - 1; depth >= 1 && found.isEmpty(); depth--) {
            String context = compounds.get(depth - 1);
            for (Rule c : rules) {
                if (c.compounds().size() == 1 && covers(c.selector(), context)) {
                    background(c).filter(b -> !b.equals("transparent")).ifPresent(b -> found.putIfAbsent(b, c.selector()));
                }
            }
        }
        if (found.isEmpty()) {
            // Text with no background of its own stands on the page or on a card.
            found.put("-k-bg", "the page");
            found.put("-k-surface", "a card");
        }
        return found;
    }

    /** The colour drawn last (on top) by a rule's background, if it sets one. */
    private static Optional<String> background(Rule r) {
        return r.get("-fx-background-color").map(v -> {
            String[] layers = v.split(",");
            return layers[layers.length - 1].trim();
        });
    }

    /** Whether compound selector {@code outer} (e.g. {@code .tile.soon:pressed}) is an element {@code inner} matches. */
    private static boolean covers(String outer, String inner) {
        return classes(outer).containsAll(classes(inner));
    }

    private static Set<String> classes(String compound) {
        Set<String> classes = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\.([A-Za-z0-9_-]+)").matcher(compound.replaceAll(":[A-Za-z-]+", ""));
        while (m.find()) {
            classes.add(m.group(1));
        }
        return classes;
    }

    /** A value resolved through the tokens to RGB in 0–1, empty for transparent or what is no plain colour. */
    private static Optional<double[]> colour(String value, Map<String, String> tokens) {
        String v = value.trim();
        for (int i = 0; i < 5 && tokens.containsKey(v); i++) {
            v = tokens.get(v).trim();
        }
        Matcher hex = HEX.matcher(v);
        return hex.matches() ? Optional.of(rgb(v)) : Optional.empty();
    }

    private static double[] rgb(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        int n = Integer.parseInt(h, 16);
        return new double[] {(n >> 16 & 0xFF) / 255.0, (n >> 8 & 0xFF) / 255.0, (n & 0xFF) / 255.0};
    }

    /** WCAG 2: (L1 + 0.05) / (L2 + 0.05) of the relative luminances, the lighter over the darker. */
    static double ratio(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] c) {
        double[] l = new double[3];
        for (int i = 0; i < 3; i++) {
            l[i] = c[i] <= 0.04045 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }
}
