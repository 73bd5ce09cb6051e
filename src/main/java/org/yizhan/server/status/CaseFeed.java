package org.yizhan.server.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yizhan.status.CaseAnswer;
import org.yizhan.status.CaseStep;

/**
 * One record of the case system's feed (docs/status.md, "Feed") checked, masked and made ready to store. The full
 * name, the phone and the ID number are read here only to mask the name and to cut the check from them; they go
 * no further than this method.
 */
final class CaseFeed {
    private static final Set<String> FIELDS = Set.of("number", "serviceId", "serviceName", "department", "applicant",
            "applicantKind", "checkKind", "phone", "idNumber", "check", "submittedAt", "promisedBy", "steps", "result",
            "resultNote", "collectWhere", "collectWhen", "materialsToAdd", "finished");
    private static final Set<String> STEP_FIELDS = Set.of("name", "at", "office", "note");
    private static final Map<String, String> RESULTS = Map.of("approved", CaseAnswer.APPROVED, "准予", CaseAnswer.APPROVED,
            "refused", CaseAnswer.REFUSED, "不予", CaseAnswer.REFUSED, "supplement", CaseAnswer.SUPPLEMENT,
            "补正", CaseAnswer.SUPPLEMENT);
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{7,15}");
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9X]|[0-9]{15}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final int SHORT = 200;
    private static final int LONG = 1000;
    private static final int MAX_STEPS = 50;
    private static final int MAX_MATERIALS = 50;

    private CaseFeed() {
    }

    static IncomingCase read(JsonNode node) throws FeedProblem {
        if (node == null || !node.isObject()) {
            throw new FeedProblem("a case must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new FeedProblem("unknown field " + quoted(name) + "; the fields are in docs/status.md");
            }
        }
        String number = CaseNumbers.number(text(node, "number", 64, true))
                .orElseThrow(() -> new FeedProblem("number must be 6 to 40 letters, digits or hyphens"));
        String kind = text(node, "applicantKind", 16, false);
        if (kind == null) {
            kind = ApplicantMask.PERSON;
        } else if (!kind.equals(ApplicantMask.PERSON) && !kind.equals(ApplicantMask.COMPANY)) {
            throw new FeedProblem("applicantKind must be person or company");
        }
        String applicant = ApplicantMask.mask(text(node, "applicant", SHORT, true), kind);
        String checkKind = text(node, "checkKind", 16, true);
        if (!CaseNumbers.isKind(checkKind)) {
            throw new FeedProblem("checkKind must be phone4 or id6");
        }
        String check = check(node, checkKind);
        OffsetDateTime submitted = time(node, "submittedAt");
        String promised = text(node, "promisedBy", 10, false);
        if (promised != null) {
            try {
                LocalDate.parse(promised);
            } catch (DateTimeParseException e) {
                throw new FeedProblem("promisedBy must be a date yyyy-MM-dd");
            }
        }
        boolean finished = bool(node, "finished");
        List<CaseStep> steps = steps(node, finished);
        Instant lastStepAt = OffsetDateTime.parse(steps.get(steps.size() - 1).at(), TIME).toInstant();
        String result = text(node, "result", 16, false);
        if (result != null) {
            result = RESULTS.get(result);
            if (result == null) {
                throw new FeedProblem("result must be approved (准予), refused (不予) or supplement (补正), or absent");
            }
        }
        CaseAnswer answer = new CaseAnswer(number, text(node, "serviceId", 64, true), text(node, "serviceName", SHORT, true),
                text(node, "department", SHORT, true), applicant, submitted.format(TIME), promised, steps, result,
                text(node, "resultNote", LONG, false), text(node, "collectWhere", SHORT, false),
                text(node, "collectWhen", SHORT, false), materials(node), finished);
        return new IncomingCase(answer, checkKind, check,
                new IncomingCase.Progress(lastStepAt, steps.size()), finished ? lastStepAt : null);
    }

    /** The last 4 digits of the phone or the last 6 characters of the ID number, or the check as sent. */
    private static String check(JsonNode node, String kind) throws FeedProblem {
        String given = text(node, "check", 16, false);
        String source = kind.equals(CaseNumbers.PHONE4) ? "phone" : "idNumber";
        String full = text(node, source, 32, false);
        if ((given == null) == (full == null)) {
            throw new FeedProblem("give either " + source + " or check for checkKind " + kind + ", exactly one");
        }
        String value;
        if (given != null) {
            value = CaseNumbers.check(given).filter(c -> CaseNumbers.fits(c, kind)).orElseThrow(() -> new FeedProblem(
                    "check must be " + (kind.equals(CaseNumbers.PHONE4) ? "4 digits" : "5 digits and a digit or X")));
        } else if (kind.equals(CaseNumbers.PHONE4)) {
            String digits = full.replaceAll("[\\s-]", "");
            if (!PHONE.matcher(digits).matches()) {
                throw new FeedProblem("phone must be 7 to 15 digits");
            }
            value = digits.substring(digits.length() - 4);
        } else {
            String id = full.strip().toUpperCase(java.util.Locale.ROOT);
            if (!ID_NUMBER.matcher(id).matches()) {
                throw new FeedProblem("idNumber must be 18 characters (17 digits and a digit or X) or 15 digits");
            }
            value = id.substring(id.length() - 6);
        }
        return value;
    }

    private static List<CaseStep> steps(JsonNode node, boolean finished) throws FeedProblem {
        JsonNode array = node.get("steps");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new FeedProblem("steps must be a list of at least one step (受理)");
        }
        if (array.size() > MAX_STEPS) {
            throw new FeedProblem("steps has more than " + MAX_STEPS + " steps");
        }
        List<CaseStep> steps = new ArrayList<>();
        OffsetDateTime previous = null;
        for (int i = 0; i < array.size(); i++) {
            JsonNode step = array.get(i);
            String where = "steps[" + (i + 1) + "]";
            if (!step.isObject()) {
                throw new FeedProblem(where + " must be an object with name, at, office and note");
            }
            for (Iterator<String> names = step.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!STEP_FIELDS.contains(name)) {
                    throw new FeedProblem(where + " has an unknown field " + quoted(name));
                }
            }
            OffsetDateTime at;
            try {
                at = time(step, "at");
            } catch (FeedProblem e) {
                throw new FeedProblem(where + "." + e.getMessage());
            }
            if (previous != null && at.isBefore(previous)) {
                throw new FeedProblem(where + ".at is earlier than the step before it; steps go in time order");
            }
            previous = at;
            boolean current = !finished && i == array.size() - 1;
            steps.add(new CaseStep(text(step, "name", SHORT, true, where), at.format(TIME),
                    text(step, "office", SHORT, true, where), text(step, "note", LONG, false, where), current));
        }
        return steps;
    }

    private static List<String> materials(JsonNode node) throws FeedProblem {
        JsonNode array = node.get("materialsToAdd");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray() || array.size() > MAX_MATERIALS) {
            throw new FeedProblem("materialsToAdd must be a list of at most " + MAX_MATERIALS + " texts");
        }
        List<String> materials = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > SHORT || hasControl(item.asText())) {
                throw new FeedProblem("materialsToAdd must hold texts of 1 to " + SHORT + " characters");
            }
            materials.add(item.asText().strip());
        }
        return materials;
    }

    private static OffsetDateTime time(JsonNode node, String field) throws FeedProblem {
        String value = text(node, field, 40, true);
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new FeedProblem(field + " must be a time with offset, e.g. 2026-11-23T09:12:00+08:00");
        }
    }

    private static boolean bool(JsonNode node, String field) throws FeedProblem {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new FeedProblem(field + " must be true or false");
        }
        return value.asBoolean();
    }

    private static String text(JsonNode node, String field, int max, boolean required) throws FeedProblem {
        return text(node, field, max, required, null);
    }

    private static String text(JsonNode node, String field, int max, boolean required, String where)
            throws FeedProblem {
        String name = where == null ? field : where + "." + field;
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            if (required) {
                throw new FeedProblem(name + " is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new FeedProblem(name + " must be text");
        }
        String text = value.asText().strip();
        if (text.length() > max) {
            throw new FeedProblem(name + " is longer than " + max + " characters");
        }
        if (hasControl(text)) {
            throw new FeedProblem(name + " holds control characters");
        }
        return text;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** A field name the feed sent, cut and cleaned: it is the feed's word, but still goes into a report. */
    private static String quoted(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_.-]", "?");
        return "\"" + (cleaned.length() > 32 ? cleaned.substring(0, 32) + "…" : cleaned) + "\"";
    }
}
