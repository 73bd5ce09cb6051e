package org.yizhan.catalog;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yizhan.model.Audience;
import org.yizhan.model.Catalog;
import org.yizhan.model.MaterialForm;
import org.yizhan.model.MaterialSource;
import org.yizhan.model.Necessity;
import org.yizhan.model.TimeUnit;

/**
 * Checks a parsed catalog against every rule of {@code docs/catalog-format.md}. It reports all problems
 * it finds (up to {@link #MAX_PROBLEMS}) so that a publisher can fix a file in one go, each naming the
 * record ({@code services[12] (id=gaj-sfz-hl 居民身份证换领)}) and the field ({@code materials[3].originals}).
 */
public final class CatalogValidator {
    public static final int MAX_PROBLEMS = 100;

    private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://[^\\s/?#@]+([/?#]\\S*)?");
    private static final int NAME_SHOWN = 40;
    private static final int VALUE_SHOWN = 60;

    private static final Set<String> CATALOG_FIELDS = Set.of(
            "format", "version", "generatedAt", "title", "sample", "notice", "themes", "departments", "services",
            "translations");
    private static final Set<String> THEME_FIELDS = Set.of("id", "code", "audience", "name", "translations");
    private static final Set<String> DEPARTMENT_FIELDS = Set.of("id", "name", "translations");
    private static final Set<String> SERVICE_FIELDS = Set.of(
            "id", "code", "name", "type", "departmentId", "level", "audiences", "themeIds", "keywords",
            "acceptConditions", "variants", "materials", "steps", "legalTimeLimit", "promisedTimeLimit", "fee",
            "location", "consultPhone", "complaintPhone", "legalBasis", "visits", "onlineApply", "booking",
            "courierDelivery", "onlineUrl", "faq", "translations");
    private static final Set<String> VARIANT_FIELDS = Set.of("name", "description", "translations");
    private static final Set<String> MATERIAL_FIELDS = Set.of(
            "name", "originals", "copies", "form", "necessity", "source", "notes", "blankForm", "sampleForm",
            "variant", "translations");
    private static final Set<String> STEP_FIELDS = Set.of("name", "actor", "description", "timeLimit", "translations");
    private static final Set<String> TIME_LIMIT_FIELDS = Set.of("value", "unit");
    private static final Set<String> FEE_FIELDS = Set.of("charged", "standard", "basis", "translations");
    private static final Set<String> LOCATION_FIELDS = Set.of("hall", "address", "window", "hours", "directions",
            "translations");
    private static final Set<String> FAQ_FIELDS = Set.of("question", "answer", "translations");
    /** Which texts each kind of object may translate, by its set of fields (the header's is the catalog's). */
    private static final Map<Set<String>, List<String>> TRANSLATABLE = Map.of(
            CATALOG_FIELDS, TranslationTree.CATALOG, THEME_FIELDS, TranslationTree.THEME,
            DEPARTMENT_FIELDS, TranslationTree.DEPARTMENT, SERVICE_FIELDS, TranslationTree.SERVICE,
            VARIANT_FIELDS, TranslationTree.VARIANT, MATERIAL_FIELDS, TranslationTree.MATERIAL,
            STEP_FIELDS, TranslationTree.STEP, FEE_FIELDS, TranslationTree.FEE, LOCATION_FIELDS, TranslationTree.LOCATION,
            FAQ_FIELDS, TranslationTree.FAQ);
    /** A translation may be longer than its Chinese (English is), within reason. */
    static final int MAX_TRANSLATION = 20_000;

    private final List<String> problems = new ArrayList<>();
    private boolean overflow;

    private CatalogValidator() {
    }

    /**
     * Every problem in {@code root}, in document order; empty if it is a valid catalog. At most
     * {@link #MAX_PROBLEMS} are listed; if there were more, one last line says so.
     */
    public static List<String> validate(JsonNode root) {
        CatalogValidator validator = new CatalogValidator();
        validator.checkCatalog(root);
        List<String> result = new ArrayList<>(validator.problems);
        if (validator.overflow) {
            result.add("stopped after " + MAX_PROBLEMS + " problems; there are more");
        }
        return List.copyOf(result);
    }

    /** Every problem a file written from {@code catalog} would have, e.g. a dangling departmentId. */
    public static List<String> validate(Catalog catalog) {
        return validate(CatalogTree.toTree(catalog));
    }

    /** Whether {@code id} may be a service id: 1 to 64 of {@code A-Z a-z 0-9 . _ -}. */
    public static boolean isServiceId(String id) {
        return SERVICE_ID.matcher(id).matches();
    }

    /** Whether {@code address} may be an {@code onlineUrl}: an http:// or https:// address. */
    public static boolean isWebAddress(String address) {
        return WEB_ADDRESS.matcher(address).matches();
    }

    public static void requireValid(JsonNode root) throws CatalogFormatException {
        List<String> problems = validate(root);
        if (!problems.isEmpty()) {
            throw new CatalogFormatException(problems);
        }
    }

    /** Where a problem is: the record ({@code label}, empty at top level) and the path prefix inside it. */
    private record Scope(String label, String path) {
        static final Scope TOP = new Scope("", "");

        Scope within(String field) {
            return new Scope(label, path + field + ".");
        }

        Scope item(String field, int index) {
            return new Scope(label, path + field + "[" + index + "].");
        }
    }

    private void checkCatalog(JsonNode root) {
        if (root == null || !root.isObject()) {
            add("the catalog must be a JSON object, got " + kind(root));
            return;
        }
        checkFields(root, Scope.TOP, CATALOG_FIELDS);
        checkHeader(root);
        JsonNode themes = array(root, Scope.TOP, "themes", true);
        JsonNode departments = array(root, Scope.TOP, "departments", true);
        JsonNode services = array(root, Scope.TOP, "services", true);
        // A reference is only checked when the list it points into could be read at all; otherwise every
        // service would repeat the same problem.
        Set<String> themeIds = themes == null ? null : checkThemes(themes);
        Set<String> departmentIds = departments == null ? null : checkDepartments(departments);
        if (services != null) {
            Map<String, String> ids = new HashMap<>();
            for (int i = 0; i < services.size(); i++) {
                checkServiceAt(i, services.get(i), themeIds, departmentIds, ids);
            }
        }
    }

    /** The top-level scalar fields: format, version, generatedAt, title, sample, notice. */
    private void checkHeader(JsonNode root) {
        Scope top = Scope.TOP;
        String format = requiredText(root, top, "format");
        if (format != null && !CatalogJson.FORMAT.equals(format)) {
            report(top, "format", "must be \"" + CatalogJson.FORMAT + "\", got " + shown(root.get("format")));
        }
        integer(root, top, "version", true, false, 1, Long.MAX_VALUE);
        String generatedAt = requiredText(root, top, "generatedAt");
        if (generatedAt != null) {
            try {
                Instant.parse(generatedAt);
            } catch (DateTimeParseException e) {
                report(top, "generatedAt", "must be an ISO-8601 instant such as \"2026-11-01T08:00:00Z\", got "
                        + shown(root.get("generatedAt")));
            }
        }
        optionalText(root, top, "title");
        optionalBoolean(root, top, "sample");
        optionalText(root, top, "notice");
    }

    /**
     * Checks a catalog that arrives piece by piece ({@link CatalogStream}) with the rules and wording of
     * {@link #validate(JsonNode)}, holding only the ids it needs for references and uniqueness.
     */
    static final class Incremental {
        private final CatalogValidator validator = new CatalogValidator();
        private final Map<String, String> serviceIds = new HashMap<>();
        private Set<String> themeIds;
        private Set<String> departmentIds;

        /** An object holding every top-level field except the three arrays. */
        void header(JsonNode scalars) {
            Set<String> known = new java.util.HashSet<>(CATALOG_FIELDS);
            known.removeAll(Set.of("themes", "departments", "services"));
            validator.checkFields(scalars, Scope.TOP, known);
            validator.checkHeader(scalars);
        }

        /** A top-level array field; false (with a problem recorded) if {@code value} is not an array. */
        boolean isArray(String field, JsonNode value) {
            if (value.isArray()) {
                return true;
            }
            validator.report(Scope.TOP, field, "must be an array, got " + shown(value));
            return false;
        }

        void missing(String field) {
            validator.report(Scope.TOP, field, "is required");
        }

        void themes(JsonNode themes) {
            themeIds = validator.checkThemes(themes);
        }

        void departments(JsonNode departments) {
            departmentIds = validator.checkDepartments(departments);
        }

        void service(int index, JsonNode service) {
            validator.checkServiceAt(index, service, themeIds, departmentIds, serviceIds);
        }

        boolean valid() {
            return validator.problems.isEmpty();
        }

        /** True once {@link #MAX_PROBLEMS} problems are recorded: reading on would only add noise. */
        boolean full() {
            return validator.problems.size() >= MAX_PROBLEMS;
        }

        List<String> problems() {
            List<String> result = new ArrayList<>(validator.problems);
            if (validator.overflow || full()) {
                result.add("stopped after " + MAX_PROBLEMS + " problems; there may be more");
            }
            return List.copyOf(result);
        }
    }

    private Set<String> checkThemes(JsonNode themes) {
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < themes.size(); i++) {
            JsonNode theme = themes.get(i);
            String where = "themes[" + i + "]";
            if (!theme.isObject()) {
                add(where + " must be an object, got " + shown(theme));
                continue;
            }
            Scope scope = new Scope(label(where, theme), "");
            checkFields(theme, scope, THEME_FIELDS);
            String id = requiredText(theme, scope, "id");
            optionalText(theme, scope, "code");
            enumValue(theme, scope, "audience", Audience.class, true);
            requiredText(theme, scope, "name");
            unique(ids, id, where, scope);
        }
        return ids.keySet();
    }

    private Set<String> checkDepartments(JsonNode departments) {
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < departments.size(); i++) {
            JsonNode department = departments.get(i);
            String where = "departments[" + i + "]";
            if (!department.isObject()) {
                add(where + " must be an object, got " + shown(department));
                continue;
            }
            Scope scope = new Scope(label(where, department), "");
            checkFields(department, scope, DEPARTMENT_FIELDS);
            String id = requiredText(department, scope, "id");
            requiredText(department, scope, "name");
            unique(ids, id, where, scope);
        }
        return ids.keySet();
    }

    private void checkServiceAt(int index, JsonNode service, Set<String> themeIds, Set<String> departmentIds,
                                Map<String, String> ids) {
        String where = "services[" + index + "]";
        if (!service.isObject()) {
            add(where + " must be an object, got " + shown(service));
            return;
        }
        Scope scope = new Scope(label(where, service), "");
        checkService(service, scope, themeIds, departmentIds);
        String id = service.path("id").isTextual() ? service.get("id").textValue() : null;
        unique(ids, id, where, scope);
    }

    private void checkService(JsonNode service, Scope scope, Set<String> themeIds, Set<String> departmentIds) {
        checkFields(service, scope, SERVICE_FIELDS);
        String id = requiredText(service, scope, "id");
        if (id != null && !isServiceId(id)) {
            report(scope, "id", "must be 1 to 64 of the characters A-Z a-z 0-9 . _ -, got "
                    + shown(service.get("id")));
        }
        optionalText(service, scope, "code");
        requiredText(service, scope, "name");
        optionalText(service, scope, "type");
        String departmentId = requiredText(service, scope, "departmentId");
        if (departmentId != null && departmentIds != null && !departmentIds.contains(departmentId)) {
            report(scope, "departmentId", shown(service.get("departmentId")) + " is not the id of any department");
        }
        optionalText(service, scope, "level");

        JsonNode audiences = array(service, scope, "audiences", true);
        if (audiences != null) {
            if (audiences.isEmpty()) {
                report(scope, "audiences", "must list at least one of " + choices(Audience.class));
            }
            for (int i = 0; i < audiences.size(); i++) {
                enumElement(audiences.get(i), scope, "audiences[" + i + "]", Audience.class);
            }
        }
        JsonNode themes = array(service, scope, "themeIds", false);
        if (themes != null) {
            for (int i = 0; i < themes.size(); i++) {
                String themeId = text(themes.get(i), scope, "themeIds[" + i + "]");
                if (themeId != null && themeIds != null && !themeIds.contains(themeId)) {
                    report(scope, "themeIds[" + i + "]", shown(themes.get(i)) + " is not the id of any theme");
                }
            }
        }
        textArray(service, scope, "keywords");
        optionalText(service, scope, "acceptConditions");

        Set<String> variantNames = checkVariants(service, scope);
        JsonNode materials = array(service, scope, "materials", false);
        if (materials != null) {
            for (int i = 0; i < materials.size(); i++) {
                JsonNode material = objectElement(materials.get(i), scope, "materials[" + i + "]");
                if (material != null) {
                    checkMaterial(material, scope.item("materials", i), variantNames);
                }
            }
        }
        JsonNode steps = array(service, scope, "steps", false);
        if (steps != null) {
            for (int i = 0; i < steps.size(); i++) {
                JsonNode step = objectElement(steps.get(i), scope, "steps[" + i + "]");
                if (step != null) {
                    checkStep(step, scope.item("steps", i));
                }
            }
        }
        timeLimit(service, scope, "legalTimeLimit", true);
        timeLimit(service, scope, "promisedTimeLimit", true);
        JsonNode fee = object(service, scope, "fee", false);
        if (fee != null) {
            Scope feeScope = scope.within("fee");
            checkFields(fee, feeScope, FEE_FIELDS);
            requiredBoolean(fee, feeScope, "charged");
            optionalText(fee, feeScope, "standard");
            optionalText(fee, feeScope, "basis");
        }
        JsonNode location = object(service, scope, "location", false);
        if (location != null) {
            Scope locationScope = scope.within("location");
            checkFields(location, locationScope, LOCATION_FIELDS);
            for (String field : List.of("hall", "address", "window", "hours", "directions")) {
                optionalText(location, locationScope, field);
            }
        }
        String consultPhone = optionalText(service, scope, "consultPhone");
        String complaintPhone = optionalText(service, scope, "complaintPhone");
        if (consultPhone != null && complaintPhone != null && !consultPhone.isBlank()
                && consultPhone.strip().equals(complaintPhone.strip())) {
            report(scope, "complaintPhone", "must differ from consultPhone, both are " + shown(service.get("consultPhone")));
        }
        textArray(service, scope, "legalBasis");
        integer(service, scope, "visits", false, true, 0, Integer.MAX_VALUE);
        optionalBoolean(service, scope, "onlineApply");
        optionalBoolean(service, scope, "booking");
        optionalBoolean(service, scope, "courierDelivery");
        String onlineUrl = optionalText(service, scope, "onlineUrl");
        if (onlineUrl != null && !isWebAddress(onlineUrl)) {
            report(scope, "onlineUrl", "must be an http:// or https:// address, got " + shown(service.get("onlineUrl")));
        }
        JsonNode faq = array(service, scope, "faq", false);
        if (faq != null) {
            for (int i = 0; i < faq.size(); i++) {
                JsonNode entry = objectElement(faq.get(i), scope, "faq[" + i + "]");
                if (entry != null) {
                    Scope entryScope = scope.item("faq", i);
                    checkFields(entry, entryScope, FAQ_FIELDS);
                    requiredText(entry, entryScope, "question");
                    requiredText(entry, entryScope, "answer");
                }
            }
        }
    }

    /** The variant names materials may refer to, or null if they cannot be known. */
    private Set<String> checkVariants(JsonNode service, Scope scope) {
        if (!service.has("variants")) {
            return Set.of();
        }
        JsonNode variants = array(service, scope, "variants", false);
        if (variants == null) {
            return null;
        }
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            String where = "variants[" + i + "]";
            JsonNode variant = objectElement(variants.get(i), scope, where);
            if (variant == null) {
                continue;
            }
            Scope variantScope = scope.item("variants", i);
            checkFields(variant, variantScope, VARIANT_FIELDS);
            String name = requiredText(variant, variantScope, "name");
            optionalText(variant, variantScope, "description");
            if (name != null) {
                String first = names.putIfAbsent(name, where);
                if (first != null) {
                    report(variantScope, "name", shown(variant.get("name")) + " is already the name of " + first);
                }
            }
        }
        return names.keySet();
    }

    private void checkMaterial(JsonNode material, Scope scope, Set<String> variantNames) {
        checkFields(material, scope, MATERIAL_FIELDS);
        requiredText(material, scope, "name");
        integer(material, scope, "originals", false, false, 0, Integer.MAX_VALUE);
        integer(material, scope, "copies", false, false, 0, Integer.MAX_VALUE);
        enumValue(material, scope, "form", MaterialForm.class, false);
        enumValue(material, scope, "necessity", Necessity.class, false);
        enumValue(material, scope, "source", MaterialSource.class, false);
        optionalText(material, scope, "notes");
        optionalBoolean(material, scope, "blankForm");
        optionalBoolean(material, scope, "sampleForm");
        String variant = optionalText(material, scope, "variant");
        if (variant != null && variantNames != null && !variantNames.contains(variant)) {
            report(scope, "variant", shown(material.get("variant")) + " is not the name of any of this service's variants");
        }
    }

    private void checkStep(JsonNode step, Scope scope) {
        checkFields(step, scope, STEP_FIELDS);
        requiredText(step, scope, "name");
        optionalText(step, scope, "actor");
        optionalText(step, scope, "description");
        timeLimit(step, scope, "timeLimit", false);
    }

    private void timeLimit(JsonNode parent, Scope scope, String field, boolean nullable) {
        JsonNode value = parent.get(field);
        if (value == null || (nullable && value.isNull())) {
            return;
        }
        if (!value.isObject()) {
            report(scope, field, "must be an object such as {\"value\": 20, \"unit\": \"working_days\"}"
                    + (nullable ? " or null" : "") + ", got " + shown(value));
            return;
        }
        Scope limitScope = scope.within(field);
        checkFields(value, limitScope, TIME_LIMIT_FIELDS);
        integer(value, limitScope, "value", true, false, 0, Integer.MAX_VALUE);
        enumValue(value, limitScope, "unit", TimeUnit.class, true);
    }

    // ---- field checks; each reports its own problem and returns null when the value is unusable ----

    private void checkFields(JsonNode object, Scope scope, Set<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String guess = closest(name, known);
                report(scope, name, "is not a known field" + (guess == null ? "" : " (did you mean \"" + guess + "\"?)"));
            }
        }
        List<String> translatable = known.contains("translations")
                ? TRANSLATABLE.getOrDefault(known, TranslationTree.CATALOG) : List.of();
        if (object.has("translations") && !translatable.isEmpty()) {
            checkTranslations(object, scope, translatable);
        }
    }

    /** {@code "translations": {"zh-Hant": {"name": "…"}, "en": {…}}}: known languages, translatable texts it has. */
    private void checkTranslations(JsonNode object, Scope scope, List<String> translatable) {
        JsonNode translations = object.get("translations");
        if (!translations.isObject()) {
            report(scope, "translations", "must be an object such as {\"en\": {\"name\": \"…\"}}, got " + shown(translations));
            return;
        }
        Scope within = scope.within("translations");
        for (Iterator<Map.Entry<String, JsonNode>> languages = translations.fields(); languages.hasNext(); ) {
            Map.Entry<String, JsonNode> language = languages.next();
            if (!org.yizhan.model.Translations.LANGUAGES.contains(language.getKey())) {
                report(within, language.getKey(), "is not a language the kiosk shows; use one of "
                        + String.join(", ", org.yizhan.model.Translations.LANGUAGES)
                        + " (the catalog's own text is simplified Chinese)");
                continue;
            }
            if (!language.getValue().isObject()) {
                report(within, language.getKey(), "must be an object of translated texts, got " + shown(language.getValue()));
                continue;
            }
            Scope texts = within.within(language.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> fields = language.getValue().fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (!translatable.contains(name)) {
                    report(texts, name, "cannot be translated here; what can: " + String.join(", ", translatable));
                    continue;
                }
                String text = text(field.getValue(), texts, name);
                if (text == null) {
                    continue;
                }
                if (text.isBlank()) {
                    report(texts, name, "must not be blank");
                } else if (text.codePointCount(0, text.length()) > MAX_TRANSLATION) {
                    report(texts, name, "must be at most " + MAX_TRANSLATION + " characters");
                } else if (!object.path(name).isTextual() || object.get(name).textValue().isBlank()) {
                    report(texts, name, "translates a text this object does not have");
                }
            }
        }
    }

    private String requiredText(JsonNode object, Scope scope, String field) {
        JsonNode value = object.get(field);
        if (value == null) {
            report(scope, field, "is required");
            return null;
        }
        String text = text(value, scope, field);
        if (text != null && text.isBlank()) {
            report(scope, field, "must not be blank");
            return null;
        }
        return text;
    }

    private String optionalText(JsonNode object, Scope scope, String field) {
        JsonNode value = object.get(field);
        return value == null ? null : text(value, scope, field);
    }

    private String text(JsonNode value, Scope scope, String field) {
        if (!value.isTextual()) {
            report(scope, field, "must be a string, got " + shown(value));
            return null;
        }
        return value.textValue();
    }

    private void textArray(JsonNode object, Scope scope, String field) {
        JsonNode array = array(object, scope, field, false);
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                text(array.get(i), scope, field + "[" + i + "]");
            }
        }
    }

    private void optionalBoolean(JsonNode object, Scope scope, String field) {
        JsonNode value = object.get(field);
        if (value != null && !value.isBoolean()) {
            report(scope, field, "must be true or false, got " + shown(value));
        }
    }

    private void requiredBoolean(JsonNode object, Scope scope, String field) {
        if (!object.has(field)) {
            report(scope, field, "is required");
        } else {
            optionalBoolean(object, scope, field);
        }
    }

    private void integer(JsonNode object, Scope scope, String field, boolean required, boolean nullable,
                         long min, long max) {
        JsonNode value = object.get(field);
        if (value == null) {
            if (required) {
                report(scope, field, "is required");
            }
            return;
        }
        if (nullable && value.isNull()) {
            return;
        }
        String expected = "must be an integer ≥ " + min + (nullable ? " or null" : "");
        if (!value.isIntegralNumber()) {
            report(scope, field, expected + ", got " + shown(value));
        } else if (!value.canConvertToLong() || value.longValue() > max) {
            report(scope, field, "must be at most " + max + ", got " + shown(value));
        } else if (value.longValue() < min) {
            report(scope, field, expected + ", got " + shown(value));
        }
    }

    private <E extends Enum<E>> void enumValue(JsonNode object, Scope scope, String field, Class<E> type,
                                               boolean required) {
        JsonNode value = object.get(field);
        if (value == null) {
            if (required) {
                report(scope, field, "is required");
            }
            return;
        }
        enumElement(value, scope, field, type);
    }

    private <E extends Enum<E>> void enumElement(JsonNode value, Scope scope, String where, Class<E> type) {
        if (!value.isTextual() || !JsonNames.isName(type, value.textValue())) {
            report(scope, where, "must be one of " + choices(type) + ", got " + shown(value));
        }
    }

    private JsonNode array(JsonNode object, Scope scope, String field, boolean required) {
        JsonNode value = object.get(field);
        if (value == null) {
            if (required) {
                report(scope, field, "is required");
            }
            return null;
        }
        if (!value.isArray()) {
            report(scope, field, "must be an array, got " + shown(value));
            return null;
        }
        return value;
    }

    private JsonNode object(JsonNode parent, Scope scope, String field, boolean required) {
        JsonNode value = parent.get(field);
        if (value == null) {
            if (required) {
                report(scope, field, "is required");
            }
            return null;
        }
        return objectElement(value, scope, field);
    }

    private JsonNode objectElement(JsonNode value, Scope scope, String where) {
        if (!value.isObject()) {
            report(scope, where, "must be an object, got " + shown(value));
            return null;
        }
        return value;
    }

    private void unique(Map<String, String> ids, String id, String where, Scope scope) {
        if (id == null) {
            return;
        }
        String first = ids.putIfAbsent(id, where);
        if (first != null) {
            report(scope, "id", "\"" + id + "\" is already used by " + first);
        }
    }

    // ---- wording ----

    private void report(Scope scope, String field, String text) {
        String where = scope.path() + field;
        add(scope.label().isEmpty() ? where + " " + text : scope.label() + ": " + where + " " + text);
    }

    private void add(String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else {
            overflow = true;
        }
    }

    /** {@code services[12] (id=gaj-sfz-hl 居民身份证换领)}, with whatever of id and name is readable. */
    private static String label(String where, JsonNode record) {
        String id = record.path("id").isTextual() && !record.get("id").textValue().isBlank()
                ? record.get("id").textValue() : null;
        String name = record.path("name").isTextual() && !record.get("name").textValue().isBlank()
                ? shorten(record.get("name").textValue().strip(), NAME_SHOWN) : null;
        if (id == null && name == null) {
            return where;
        }
        if (id == null) {
            return where + " (" + name + ")";
        }
        return where + " (id=" + id + (name == null ? "" : " " + name) + ")";
    }

    private static String shown(JsonNode value) {
        return shorten(value.toString(), VALUE_SHOWN);
    }

    private static String shorten(String text, int max) {
        return text.codePointCount(0, text.length()) <= max
                ? text : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case NULL -> "null";
            default -> shown(node);
        };
    }

    private static String choices(Class<? extends Enum<?>> type) {
        return JsonNames.all(type).stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }

    /** The known field a typo most likely meant, or null when none is close. */
    private static String closest(String name, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known.stream().sorted().toList()) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
