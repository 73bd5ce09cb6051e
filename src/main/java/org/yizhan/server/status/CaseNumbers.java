package org.yizhan.server.status;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The normalisation both the kiosk and the server apply to what a citizen types (/work/spec-status.md): trimmed,
 * full-width forms made half-width, upper case. A number is 6 to 40 of {@code A-Z 0-9 -}; a check is 4 digits
 * ({@link #PHONE4}) or 5 digits and a digit or X ({@link #ID6}).
 */
public final class CaseNumbers {
    public static final String PHONE4 = "phone4";
    public static final String ID6 = "id6";

    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9-]{6,40}");
    private static final Pattern PHONE4_CHECK = Pattern.compile("[0-9]{4}");
    private static final Pattern ID6_CHECK = Pattern.compile("[0-9]{5}[0-9X]");
    /** Longer input is refused before it is looked at any further. */
    private static final int MAX_INPUT = 64;

    private CaseNumbers() {
    }

    /** The number as stored, or empty when it cannot be one. */
    public static Optional<String> number(String typed) {
        return normalised(typed).filter(n -> NUMBER.matcher(n).matches());
    }

    /** The check as compared, or empty when it fits neither kind. */
    public static Optional<String> check(String typed) {
        return normalised(typed).filter(c -> PHONE4_CHECK.matcher(c).matches() || ID6_CHECK.matcher(c).matches());
    }

    /** Whether {@code check} (normalised) has the shape of {@code kind}. */
    public static boolean fits(String check, String kind) {
        return switch (kind) {
            case PHONE4 -> PHONE4_CHECK.matcher(check).matches();
            case ID6 -> ID6_CHECK.matcher(check).matches();
            default -> false;
        };
    }

    public static boolean isKind(String kind) {
        return PHONE4.equals(kind) || ID6.equals(kind);
    }

    private static Optional<String> normalised(String typed) {
        if (typed == null || typed.length() > MAX_INPUT) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            out.append(c);
        }
        return Optional.of(out.toString().strip().toUpperCase(Locale.ROOT));
    }
}
