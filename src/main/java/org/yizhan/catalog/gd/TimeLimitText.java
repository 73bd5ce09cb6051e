package org.yizhan.catalog.gd;

import java.text.Normalizer;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yizhan.model.TimeLimit;
import org.yizhan.model.TimeUnit;

/** Time limits as provincial portals write them: "30个工作日", "20个自然日", "1小时", "即办". */
final class TimeLimitText {
    // A bare "日" or "天" is not read: under 行政许可法 it usually means working days, elsewhere natural days.
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,6})个?(工作日|自然日|小时)");
    private static final Set<String> IMMEDIATE = Set.of("即办", "即办件", "即来即办", "即时办结", "当场办结",
            "当场办理", "立即办结", "立即办理");

    private TimeLimitText() {
    }

    /** The time limit {@code text} states, or empty if it is not written in a way this understands. */
    static Optional<TimeLimit> parse(String text) {
        String compact = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .replaceAll("[。.]$", "");
        if (IMMEDIATE.contains(compact)) {
            return Optional.of(new TimeLimit(0, TimeUnit.WORKING_DAYS));
        }
        Matcher amount = AMOUNT.matcher(compact);
        if (!amount.matches()) {
            return Optional.empty();
        }
        TimeUnit unit = switch (amount.group(2)) {
            case "工作日" -> TimeUnit.WORKING_DAYS;
            case "自然日" -> TimeUnit.NATURAL_DAYS;
            default -> TimeUnit.HOURS;
        };
        return Optional.of(new TimeLimit(Integer.parseInt(amount.group(1)), unit));
    }
}
