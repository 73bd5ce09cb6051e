package org.yizhan.catalog.gd;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yizhan.catalog.CatalogFormatException;
import org.yizhan.catalog.CatalogValidator;
import org.yizhan.catalog.ImportResult;
import org.yizhan.catalog.JsonText;
import org.yizhan.catalog.NationalThemes;
import org.yizhan.model.Audience;
import org.yizhan.model.Catalog;
import org.yizhan.model.Department;
import org.yizhan.model.Location;
import org.yizhan.model.Material;
import org.yizhan.model.Service;
import org.yizhan.model.Theme;
import org.yizhan.model.TimeLimit;

/**
 * Imports services in the shape of the Guangdong portal export ({@code gd-services-2021.json}: a JSON
 * array of flat records with Chinese values). Every record becomes a service; what does not fit the
 * catalog format is left empty and listed in the report rather than guessed.
 */
public final class GdServicesImport {
    private static final Pattern NOT_ID_CHARACTERS = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final String LIST_SEPARATORS = ",，、;；";
    /** The portal's ways of writing "nothing here". */
    private static final Pattern EMPTY_MARKER =
            Pattern.compile("(无|暂无|空|没有|/|-|—|－|(?i:null)|无线下办理(窗口|地点)?)[。.]?");
    private static final List<String> LEGAL_OBJECT_WORDS = List.of("法人", "企业", "组织", "机关", "单位");
    private static final Set<String> YES = Set.of("是", "支持", "可以", "true", "1");
    private static final Set<String> NO = Set.of("否", "不支持", "不可以", "无", "false", "0", "");
    private static final String UNNAMED_DEPARTMENT = "未注明实施主体";
    private static final int LABEL_NAME_SHOWN = 40;

    private static final String EMPTY_VALUES = "Values meaning \"none\" read as empty (field and value)";
    private static final String TIME_LIMITS_NOT_UNDERSTOOD = "Time limits not understood, left empty";
    private static final String THEMES_UNMATCHED = "Theme names that match no national theme, left out (services)";
    private static final String THEMES_OTHER_AUDIENCE =
            "Theme names that match only a national theme for the other audience, left out (services)";
    private static final String OBJECTS_UNKNOWN = "Service objects not recognised, ignored (services)";
    private static final String NO_AUDIENCE = "Records with no recognised service object, shown as for 自然人";
    private static final String SAME_PHONES =
            "Complaint phone equal to consult phone, complaint phone left empty (services per number)";
    private static final String FLAGS_UNKNOWN = "Yes/no values not understood, read as no (field and value)";
    private static final String VISITS_UNKNOWN = "visits_required values not understood, left unknown";
    private static final String BAD_ADDRESSES = "detail_url values that are not http(s) addresses, left out";
    private static final String IDS_CHANGED = "Service ids changed to fit the catalog format";
    private static final String UNNAMED = "Records without a name or catalog_name, named 未命名事项 and their id";
    private static final String NO_DEPARTMENT = "Records without a department, put under " + UNNAMED_DEPARTMENT;
    private static final String UNNAMED_MATERIALS = "Materials without a name, left out";
    private static final String SKIPPED = "Array entries that are not records, skipped";
    private static final String NOT_TEXT = "Fields holding a list or object where text was expected, left empty";

    private final ImportReport report = new ImportReport();
    private final Map<String, Department> departmentsByName = new LinkedHashMap<>();
    private final Set<String> departmentIds = new HashSet<>();
    private final Set<String> serviceIds = new HashSet<>();
    private final Set<String> themeIds = new HashSet<>();
    private final Map<String, int[]> timeLimitCounts = new LinkedHashMap<>();

    private GdServicesImport() {
    }

    /**
     * @param version     the catalog version to give the result, at least 1
     * @param generatedAt the catalog's generatedAt
     */
    public static ImportResult read(Path file, long version, Instant generatedAt)
            throws IOException, CatalogFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, version, generatedAt);
        }
    }

    /** As {@link #read(Path, long, Instant)}; does not close {@code in}. */
    public static ImportResult read(InputStream in, long version, Instant generatedAt)
            throws IOException, CatalogFormatException {
        if (version < 1) {
            throw new IllegalArgumentException("a catalog version is at least 1: " + version);
        }
        JsonNode root = JsonText.parse(in.readAllBytes(), true);
        if (!root.isArray()) {
            throw new CatalogFormatException("expected a JSON array of service records, got a JSON "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return new GdServicesImport().run(root, version, generatedAt);
    }

    private ImportResult run(JsonNode records, long version, Instant generatedAt) throws CatalogFormatException {
        List<Service> services = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            if (record.isObject()) {
                services.add(service(i, record));
            } else {
                report.record(SKIPPED, "[" + i + "] " + shorten(record.toString()));
            }
        }
        List<Theme> themes = NationalThemes.all().stream().filter(theme -> themeIds.contains(theme.id())).toList();
        Catalog catalog = new Catalog(version, generatedAt, "", false, "", themes,
                List.copyOf(departmentsByName.values()), services);

        // Everything above is meant to produce a valid catalog; this makes sure a new quirk in the source
        // fails the import here instead of on every kiosk.
        List<String> problems = CatalogValidator.validate(catalog);
        if (!problems.isEmpty()) {
            throw new CatalogFormatException(problems.stream().map(p -> "after import: " + p).toList());
        }

        List<String> lines = new ArrayList<>();
        lines.add("Read " + records.size() + " records: " + services.size() + " services, "
                + catalog.departments().size() + " departments, " + themes.size() + " of "
                + NationalThemes.all().size() + " national themes in use.");
        timeLimitCounts.forEach((field, counts) -> lines.add("Time limits, " + field + ": " + counts[0] + " read, "
                + counts[1] + " empty, " + counts[2] + " not understood."));
        lines.add("Not in the source, so left at the format's defaults: fees (shown as 请到窗口咨询), steps, variants, "
                + "and for each material 1 original, 0 copies, required, on paper.");
        lines.addAll(report.lines());
        return new ImportResult(catalog, lines);
    }

    private Service service(int index, JsonNode record) {
        String sourceId = text(record, "id");
        String name = text(record, "name");
        String catalogName = text(record, "catalog_name");
        String label = label(index, sourceId, name.isEmpty() ? catalogName : name);
        if (name.isEmpty()) {
            name = catalogName;
        }
        if (name.isEmpty()) {
            name = sourceId.isEmpty() ? "未命名事项" : "未命名事项 " + sourceId;
            report.record(UNNAMED, label);
        }
        List<Audience> audiences = audiences(record.get("service_objects"), label);
        String consultPhone = phone(record, "consult_phone");
        String complaintPhone = phone(record, "complaint_phone");
        if (!consultPhone.isEmpty() && consultPhone.equals(complaintPhone)) {
            report.count(SAME_PHONES, consultPhone);
            complaintPhone = "";
        }
        String address = text(record, "location");
        return new Service(
                serviceId(index, sourceId, label),
                sourceId,
                name,
                text(record, "type"),
                department(text(record, "department"), label).id(),
                text(record, "level"),
                audiences,
                themeIds(record.get("themes"), audiences),
                catalogName.isEmpty() || catalogName.equals(name) ? List.of() : List.of(catalogName),
                text(record, "accept_conditions"),
                List.of(),
                materials(record.get("materials"), label),
                List.of(),
                timeLimit(record, "legal_time_limit", label),
                timeLimit(record, "promised_time_limit", label),
                null,
                address.isEmpty() ? Location.UNKNOWN : new Location("", address, "", "", ""),
                consultPhone,
                complaintPhone,
                List.of(),
                visits(record, label),
                flag(record, "online_apply"),
                flag(record, "online_booking"),
                flag(record, "courier_delivery"),
                onlineUrl(record, label),
                List.of());
    }

    /** The record's id if the catalog format allows it, otherwise a close one; unique either way. */
    private String serviceId(int index, String sourceId, String label) {
        String base = NOT_ID_CHARACTERS.matcher(sourceId).replaceAll("-");
        if (base.length() > 64) {
            base = base.substring(0, 64);
        }
        if (base.isEmpty()) {
            base = "gd-" + (index + 1);
        }
        String id = base;
        for (int n = 2; !serviceIds.add(id); n++) {
            String suffix = "-" + n;
            id = base.substring(0, Math.min(base.length(), 64 - suffix.length())) + suffix;
        }
        if (!id.equals(sourceId)) {
            report.record(IDS_CHANGED, label + " → " + id);
        }
        return id;
    }

    /** One department per distinct name; its id is derived from the name so it stays the same on re-import. */
    private Department department(String name, String label) {
        if (name.isEmpty()) {
            report.record(NO_DEPARTMENT, label);
            name = UNNAMED_DEPARTMENT;
        }
        return departmentsByName.computeIfAbsent(name, this::newDepartment);
    }

    private Department newDepartment(String name) {
        String hash = sha256Hex(name);
        int length = 10;
        while (!departmentIds.add("dept-" + hash.substring(0, length))) {
            length += 2;
        }
        return new Department("dept-" + hash.substring(0, length), name);
    }

    private List<Audience> audiences(JsonNode objects, String label) {
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        for (String object : texts(objects)) {
            if (object.equals("自然人") || object.equals("个人")) {
                audiences.add(Audience.PERSON);
            } else if (LEGAL_OBJECT_WORDS.stream().anyMatch(object::contains)) {
                audiences.add(Audience.LEGAL);
            } else {
                report.count(OBJECTS_UNKNOWN, object);
            }
        }
        if (audiences.isEmpty()) {
            report.record(NO_AUDIENCE, label);
            audiences.add(Audience.PERSON);
        }
        return List.copyOf(audiences);
    }

    /** National theme ids for the record's theme names, for the audiences the service is for. */
    private List<String> themeIds(JsonNode names, List<Audience> audiences) {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : texts(names)) {
            boolean matched = false;
            for (Audience audience : audiences) {
                Optional<Theme> theme = NationalThemes.find(audience, name);
                if (theme.isPresent()) {
                    ids.add(theme.get().id());
                    matched = true;
                }
            }
            if (!matched) {
                boolean otherAudience = EnumSet.complementOf(EnumSet.copyOf(audiences)).stream()
                        .anyMatch(audience -> NationalThemes.find(audience, name).isPresent());
                report.count(otherAudience ? THEMES_OTHER_AUDIENCE : THEMES_UNMATCHED, name);
            }
        }
        themeIds.addAll(ids);
        return List.copyOf(ids);
    }

    private List<Material> materials(JsonNode materials, String label) {
        if (materials == null || !materials.isArray()) {
            return List.of();
        }
        List<Material> result = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            JsonNode material = materials.get(i);
            String name = material.isObject() ? text(material, "name") : clean("materials[]", material);
            if (name.isEmpty()) {
                report.record(UNNAMED_MATERIALS, label + " materials[" + i + "]");
            } else {
                result.add(new Material(name, 1, 0, null, null, null, "", false, false, ""));
            }
        }
        return result;
    }

    private TimeLimit timeLimit(JsonNode record, String field, String label) {
        int[] counts = timeLimitCounts.computeIfAbsent(field, f -> new int[3]);
        String text = text(record, field);
        if (text.isEmpty()) {
            counts[1]++;
            return null;
        }
        Optional<TimeLimit> limit = TimeLimitText.parse(text);
        if (limit.isEmpty()) {
            counts[2]++;
            report.record(TIME_LIMITS_NOT_UNDERSTOOD, label + ": " + field + " \"" + text + "\"");
            return null;
        }
        counts[0]++;
        return limit.get();
    }

    /** A phone field; one without a single digit (such as "无w") is empty. */
    private String phone(JsonNode record, String field) {
        String phone = text(record, field);
        if (!phone.isEmpty() && phone.chars().noneMatch(Character::isDigit)) {
            report.count(EMPTY_VALUES, field + " \"" + phone + "\"");
            return "";
        }
        return phone;
    }

    private Integer visits(JsonNode record, String label) {
        String visits = text(record, "visits_required");
        if (visits.isEmpty()) {
            return null;
        }
        if (visits.matches("\\d{1,3}")) {
            return Integer.valueOf(visits);
        }
        report.count(VISITS_UNKNOWN, "\"" + visits + "\"");
        return null;
    }

    private boolean flag(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value != null && value.isBoolean()) {
            return value.booleanValue();
        }
        String text = text(record, field);
        if (YES.contains(text)) {
            return true;
        }
        if (!NO.contains(text)) {
            report.count(FLAGS_UNKNOWN, field + " \"" + text + "\"");
        }
        return false;
    }

    private String onlineUrl(JsonNode record, String label) {
        String address = text(record, "detail_url");
        if (address.isEmpty() || CatalogValidator.isWebAddress(address)) {
            return address;
        }
        report.record(BAD_ADDRESSES, label + ": \"" + shorten(address) + "\"");
        return "";
    }

    /** A text field, stripped; empty when absent, null or one of the portal's "none" markers. */
    private String text(JsonNode record, String field) {
        return clean(field, record.get(field));
    }

    private String clean(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isContainerNode()) {
            report.count(NOT_TEXT, field);
            return "";
        }
        String text = value.asText().strip();
        if (EMPTY_MARKER.matcher(text).matches()) {
            report.count(EMPTY_VALUES, field + " \"" + text + "\"");
            return "";
        }
        return text;
    }

    /** The texts of an array, or of one string listing several values ("自然人、企业法人"). */
    private List<String> texts(JsonNode values) {
        List<String> parts = new ArrayList<>();
        if (values == null || values.isNull()) {
            return parts;
        }
        if (values.isArray()) {
            values.forEach(value -> {
                if (value.isValueNode()) {
                    parts.add(value.asText());
                }
            });
        } else if (values.isValueNode()) {
            parts.addAll(splitList(values.asText()));
        }
        return parts.stream().map(String::strip)
                .filter(part -> !part.isEmpty() && !EMPTY_MARKER.matcher(part).matches())
                .toList();
    }

    /** Splits at list separators outside brackets, so "社会保障（社会保险、社会救助）" stays whole. */
    private static List<String> splitList(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '（' || c == '(') {
                depth++;
            } else if ((c == '）' || c == ')') && depth > 0) {
                depth--;
            }
            if (depth == 0 && LIST_SEPARATORS.indexOf(c) >= 0) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String label(int index, String id, String name) {
        String shownName = name.codePointCount(0, name.length()) > LABEL_NAME_SHOWN
                ? name.substring(0, name.offsetByCodePoints(0, LABEL_NAME_SHOWN - 1)) + "…" : name;
        String what = id.isEmpty() ? shownName : "id=" + id + (shownName.isEmpty() ? "" : " " + shownName);
        return what.isEmpty() ? "[" + index + "]" : "[" + index + "] (" + what + ")";
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
