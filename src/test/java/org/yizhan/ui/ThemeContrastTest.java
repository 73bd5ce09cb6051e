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
            for (Pair p : pairs(inMode(rules, elder))) {
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
        for (Pair p : pairs(inMode(parse(Files.readString(CSS)), false))) {
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

    /** The rules that apply in a mode, {@code .root.elder X} as {@code X} in elder mode; the root's own apart. */
    static List<Rule> inMode(List<Rule> rules, boolean elder) {
        List<Rule> applying = new ArrayList<>();
        for (Rule r : rules) {
            if (r.selector().startsWith(".root.elder ")) {
                if (elder) {
                    applying.add(new Rule(r.selector().substring(".root.elder ".length()).trim(), r.declarations()));
                }
            } else if (!r.selector().startsWith(".root")) {
                applying.add(r);
            }
        }
        return applying;
    }

    static List<Pair> pairs(List<Rule> rules) {
        List<Pair> pairs = new ArrayList<>();
        for (Rule r : rules) {
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
                    if (other == r || !restyles(r, other)) {
                        continue;
                    }
                    for (String property : FOREGROUNDS) {
                        List<String> context = r.compounds();
                        if (other.get(property).isPresent() && !overridden(other, property, context, rules)) {
                            pairs.add(new Pair(other.get(property).get(), bg.get(),
                                    other.selector() + " on " + r.selector(), TEXT.contains(property)));
                        }
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
        if (background(fg).filter(c -> !c.equals("transparent")).isPresent()
                || f.size() != b.size() && f.size() != b.size() + 1) {
            return false;
        }
        // The same element in another state (its own foreground), or text inside it.
        return appliesTo(f.subList(0, b.size()), b);
    }

    /**
     * Whether a rule more specific than {@code fg} sets the same {@code property} for the same element inside
     * {@code context} (the compounds of a background rule), e.g. {@code .button.primary .ikonli-font-icon} over
     * {@code .button .ikonli-font-icon} on {@code .button.primary}.
     */
    private static boolean overridden(Rule fg, String property, List<String> context, List<Rule> rules) {
        List<String> f = fg.compounds();
        for (Rule other : rules) {
            List<String> o = other.compounds();
            if (other == fg || other.get(property).isEmpty() || o.size() != f.size()
                    || !o.get(o.size() - 1).equals(f.get(f.size() - 1)) || !appliesWithin(other, context)) {
                continue;
            }
            boolean moreSpecific = false;
            boolean covering = true;
            for (int i = 0; i < o.size(); i++) {
                covering &= covers(o.get(i), f.get(i));
                moreSpecific |= !covers(f.get(i), o.get(i));
            }
            if (covering && moreSpecific) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code r}'s contexts (all compounds but the last) are matched by the element {@code context} names. */
    private static boolean appliesWithin(Rule r, List<String> context) {
        List<String> c = r.compounds().subList(0, r.compounds().size() - 1);
        if (c.isEmpty()) {
            return true;
        }
        String innermost = context.get(context.size() - 1);
        return covers(innermost, c.get(c.size() - 1));
    }

    /**
     * The backgrounds under a rule's foreground, each with the rule it comes from: its own, else those of the
     * elements it stands inside, from the nearest out: the most specific rule that always applies there and those
     * of its states; a transparent one is looked through.
     */
    private static Map<String, String> backgroundsOf(Rule r, List<Rule> rules) {
        Map<String, String> found = new LinkedHashMap<>();
        Optional<String> own = background(r);
        if (own.isPresent() && !own.get().equals("transparent")) {
            found.put(own.get(), r.selector());
            return found;
        }
        List<String> compounds = r.compounds();
        for (int depth = compounds.size() - 1; depth >= 1; depth--) {
            List<String> context = compounds.subList(0, depth);
            Rule base = null;
            for (Rule c : rules) {
                if (background(c).isPresent() && appliesTo(c.compounds(), context)
                        && (base == null || specificity(c) > specificity(base))) {
                    base = c;
                }
            }
            for (Rule c : rules) {
                Optional<String> bg = background(c).filter(b -> !b.equals("transparent"));
                boolean state = !c.compounds().equals(context) && appliesTo(context, c.compounds());
                if (bg.isPresent() && (c == base || state) && !overriddenBackground(r, c, rules)) {
                    found.putIfAbsent(bg.get(), c.selector());
                }
            }
            if (base != null && !background(base).orElseThrow().equals("transparent")) {
                return found;
            }
        }
        // Text with no background of its own stands on the page or on a card.
        found.putIfAbsent("-k-bg", "the page");
        found.putIfAbsent("-k-surface", "a card");
        return found;
    }

    /** Whether a more specific rule sets {@code fg}'s foreground inside the element of background rule {@code bg}. */
    private static boolean overriddenBackground(Rule fg, Rule bg, List<Rule> rules) {
        for (String property : FOREGROUNDS) {
            if (fg.get(property).isPresent() && overridden(fg, property, bg.compounds(), rules)) {
                return true;
            }
        }
        return false;
    }

    /** Whether selector {@code rule} applies to the element {@code element} names: each compound matches it. */
    private static boolean appliesTo(List<String> rule, List<String> element) {
        if (rule.size() != element.size()) {
            return false;
        }
        for (int i = 0; i < rule.size(); i++) {
            if (!covers(element.get(i), rule.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int specificity(Rule r) {
        return r.compounds().stream().mapToInt(c -> classes(c).size()).sum();
    }

    /** The colour drawn last (on top) by a rule's background, if it sets one. */
    private static Optional<String> background(Rule r) {
        return r.get("-fx-background-color").map(v -> {
            String[] layers = v.split(",");
            return layers[layers.length - 1].trim();
        });
    }

    /**
     * Whether compound selector {@code outer} (e.g. {@code .tile.soon:pressed}) names an element, in a state, that
     * {@code inner} (e.g. {@code .tile}) matches: its classes and states include {@code inner}'s.
     */
    private static boolean covers(String outer, String inner) {
        return classes(outer).containsAll(classes(inner));
    }

    private static Set<String> classes(String compound) {
        Set<String> classes = new LinkedHashSet<>();
        Matcher m = Pattern.compile("([.:])([A-Za-z0-9_-]+)").matcher(compound);
        while (m.find()) {
            classes.add(m.group(1) + m.group(2));
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
