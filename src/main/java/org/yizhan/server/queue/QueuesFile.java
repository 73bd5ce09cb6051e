package org.yizhan.server.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.json.Json;
import org.yizhan.queue.QueueInfo;

/**
 * {@code DATA/queues.json}, the hall's queues (format in docs/queues.md). Read strictly: an unknown or
 * missing member, a wrong type, overlapping hours or a repeated prefix is an error that names the file and
 * the field, because a hall that silently loses a queue would hand out no numbers for it.
 */
public final class QueuesFile {
    public static final String FILE = "queues.json";
    /** The 云溪县 demo hall's queues, in the jar; copied to a data directory that has none. */
    public static final String DEMO = "/assets/queue/demo-queues.json";
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger LOG = LoggerFactory.getLogger(QueuesFile.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,2}");
    private static final Pattern PERIOD = Pattern.compile("([0-2][0-9]):([0-5][0-9])-([0-2][0-9]):([0-5][0-9])");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final int MAX_CAP = 99_999;
    private static final int MAX_PER_KIOSK = 600;

    private final String file;

    private QueuesFile(String file) {
        this.file = file;
    }

    /** {@code dataDir/queues.json}, written from the demo first when the directory has none. */
    public static HallQueues readOrCreate(Path dataDir) throws IOException {
        Path path = dataDir.resolve(FILE);
        if (!Files.exists(path)) {
            Files.createDirectories(dataDir);
            try (InputStream demo = QueuesFile.class.getResourceAsStream(DEMO)) {
                if (demo == null) {
                    throw new IOException("the jar has no " + DEMO);
                }
                Path temp = Files.createTempFile(dataDir, FILE, ".tmp");
                Files.copy(demo, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
            }
            LOG.info("no queues file in {}: wrote the demo hall's queues to {}; edit it for this hall (docs/queues.md)",
                    dataDir, path);
        }
        return read(path);
    }

    public static HallQueues read(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new QueuesFileException(path + " does not exist");
        }
        return parse(bytes, path.toString());
    }

    /** @param name the file, as messages name it */
    public static HallQueues parse(byte[] json, String name) throws QueuesFileException {
        return new QueuesFile(name).hall(tree(json, name));
    }

    /** The JSON of one of the hall's files (queues, windows), or what is wrong with it in one line. */
    static JsonNode tree(byte[] json, String name) throws QueuesFileException {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new QueuesFileException(name + ": not valid JSON: " + e.getOriginalMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new QueuesFileException(name + ": cannot be read: " + e.getMessage());
        }
    }

    private HallQueues hall(JsonNode root) throws QueuesFileException {
        object(root, "the file", Set.of("hall", "timeZone", "closedDates", "ticketsPerKioskPerMinute", "queues"),
                List.of("hall", "queues"));
        String hall = text(root, "hall", "hall", 64);
        ZoneId zone = DEFAULT_ZONE;
        if (root.has("timeZone")) {
            String zoneText = text(root, "timeZone", "timeZone", 64);
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                throw error("timeZone", "\"" + zoneText + "\" is not a time zone; write e.g. \"Asia/Shanghai\"");
            }
        }
        Set<LocalDate> closed = new HashSet<>();
        if (root.has("closedDates")) {
            JsonNode dates = array(root.get("closedDates"), "closedDates");
            for (int i = 0; i < dates.size(); i++) {
                String field = "closedDates[" + i + "]";
                JsonNode date = dates.get(i);
                try {
                    if (!date.isTextual()) {
                        throw new DateTimeParseException("", "", 0);
                    }
                    closed.add(LocalDate.parse(date.asText()));
                } catch (DateTimeParseException e) {
                    throw error(field, "must be a date like \"2026-10-01\"");
                }
            }
        }
        int perKiosk = HallQueues.DEFAULT_TICKETS_PER_KIOSK_PER_MINUTE;
        if (root.has("ticketsPerKioskPerMinute")) {
            JsonNode limit = root.get("ticketsPerKioskPerMinute");
            if (!limit.isIntegralNumber() || limit.asLong() < 1 || limit.asLong() > MAX_PER_KIOSK) {
                throw error("ticketsPerKioskPerMinute", "must be a whole number from 1 to " + MAX_PER_KIOSK + ", not "
                        + limit);
            }
            perKiosk = limit.asInt();
        }
        JsonNode list = array(root.get("queues"), "queues");
        if (list.isEmpty()) {
            throw error("queues", "names no queue; a hall needs at least one");
        }
        List<QueueDefinition> queues = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        String catchAll = null;
        for (int i = 0; i < list.size(); i++) {
            String at = "queues[" + i + "]";
            QueueDefinition queue = queue(list.get(i), at);
            if (!ids.add(queue.id())) {
                throw error(at + ".id", "\"" + queue.id() + "\" is the id of an earlier queue too");
            }
            if (!prefixes.add(queue.prefix())) {
                throw error(at + ".prefix", "\"" + queue.prefix() + "\" is the prefix of an earlier queue too; "
                        + "two queues with one prefix would hand out the same number");
            }
            if (queue.services().none()) {
                if (catchAll != null) {
                    throw error(at + ".services", "names no service, and so does queue \"" + catchAll
                            + "\"; only one queue may take what no other takes (综合窗口)");
                }
                catchAll = queue.id();
            }
            queues.add(queue);
        }
        return new HallQueues(hall, zone, closed, perKiosk, queues);
    }

    private QueueDefinition queue(JsonNode node, String at) throws QueuesFileException {
        object(node, at, Set.of("id", "prefix", "name", "description", "services", "hours", "dailyCap",
                "priorityLane", "location"), List.of("id", "prefix", "name", "hours", "dailyCap", "location"));
        String id = text(node, "id", at + ".id", 32);
        if (!ID.matcher(id).matches()) {
            throw error(at + ".id", "\"" + id + "\" must be 1 to 32 of a-z 0-9 and -, starting with a letter or digit");
        }
        String prefix = text(node, "prefix", at + ".prefix", 2);
        if (!PREFIX.matcher(prefix).matches()) {
            throw error(at + ".prefix", "\"" + prefix + "\" must be one or two capital letters A-Z");
        }
        String name = text(node, "name", at + ".name", 20);
        String description = node.has("description") ? text(node, "description", at + ".description", 60, true) : "";
        QueueInfo.Leads services = node.has("services") ? leads(node.get("services"), at + ".services")
                : new QueueInfo.Leads(List.of(), List.of(), List.of());
        OpeningHours hours = hours(node.get("hours"), at + ".hours");
        JsonNode cap = node.get("dailyCap");
        if (!cap.isIntegralNumber() || cap.asLong() < 1 || cap.asLong() > MAX_CAP) {
            throw error(at + ".dailyCap", "must be a whole number from 1 to " + MAX_CAP + ", not " + cap);
        }
        boolean priority = false;
        if (node.has("priorityLane")) {
            if (!node.get("priorityLane").isBoolean()) {
                throw error(at + ".priorityLane", "must be true or false, not " + node.get("priorityLane"));
            }
            priority = node.get("priorityLane").asBoolean();
        }
        String location = text(node, "location", at + ".location", 40);
        return new QueueDefinition(id, prefix, name, description, services, hours, cap.asInt(), priority, location);
    }

    private QueueInfo.Leads leads(JsonNode node, String at) throws QueuesFileException {
        object(node, at, Set.of("ids", "departments", "themes"), List.of());
        return new QueueInfo.Leads(strings(node, "ids", at), strings(node, "departments", at), strings(node, "themes", at));
    }

    private List<String> strings(JsonNode parent, String member, String at) throws QueuesFileException {
        if (!parent.has(member)) {
            return List.of();
        }
        JsonNode list = array(parent.get(member), at + "." + member);
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String field = at + "." + member + "[" + i + "]";
            JsonNode value = list.get(i);
            if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 64) {
                throw error(field, "must be a service id, department id or theme code (text, 1 to 64 characters), not "
                        + value);
            }
            if (!values.add(value.asText())) {
                throw error(field, "\"" + value.asText() + "\" is named twice");
            }
        }
        return List.copyOf(values);
    }

    private OpeningHours hours(JsonNode node, String at) throws QueuesFileException {
        if (!node.isObject()) {
            throw error(at, "must be an object such as {\"mon-fri\": [\"08:30-12:00\", \"14:00-17:30\"]}, not " + node);
        }
        Map<DayOfWeek, List<OpeningHours.Period>> days = new EnumMap<>(DayOfWeek.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = at + "." + entry.getKey();
            List<DayOfWeek> named = dayRange(entry.getKey(), field);
            List<OpeningHours.Period> periods = periods(entry.getValue(), field);
            for (DayOfWeek day : named) {
                if (days.put(day, periods) != null) {
                    throw error(field, day.toString().substring(0, 3).toLowerCase() + " is named twice in " + at);
                }
            }
        }
        return new OpeningHours(days);
    }

    private List<DayOfWeek> dayRange(String key, String field) throws QueuesFileException {
        String[] ends = key.split("-", -1);
        int first = ends.length <= 2 ? DAYS.indexOf(ends[0]) : -1;
        int last = ends.length == 2 ? DAYS.indexOf(ends[1]) : first;
        if (first < 0 || last < first) {
            throw error(field, "\"" + key + "\" is not a day or a range of days; write mon, tue … sun or e.g. mon-fri");
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            days.add(DayOfWeek.of(i + 1));
        }
        return days;
    }

    private List<OpeningHours.Period> periods(JsonNode node, String field) throws QueuesFileException {
        JsonNode list = array(node, field);
        List<OpeningHours.Period> periods = new ArrayList<>();
        int previousEnd = -1;
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            Matcher m = PERIOD.matcher(list.get(i).isTextual() ? list.get(i).asText() : "");
            if (!m.matches()) {
                throw error(at, "must be a period like \"08:30-12:00\", not " + list.get(i));
            }
            int start = minutes(m.group(1), m.group(2));
            int end = minutes(m.group(3), m.group(4));
            if (start >= 24 * 60 || end > 24 * 60 || start >= end) {
                throw error(at, "\"" + m.group() + "\" must start before it ends, within 00:00-24:00");
            }
            if (start < previousEnd) {
                throw error(at, "\"" + m.group() + "\" starts before the period before it ends; list periods in order");
            }
            previousEnd = end;
            periods.add(new OpeningHours.Period(start, end));
        }
        return periods;
    }

    private static int minutes(String hours, String minutes) {
        return Integer.parseInt(hours) * 60 + Integer.parseInt(minutes);
    }

    private void object(JsonNode node, String at, Set<String> known, List<String> required) throws QueuesFileException {
        if (node == null || !node.isObject()) {
            throw error(at, "must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(at.equals("the file") ? name : at + "." + name, "is not a member this file knows; known: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
        for (String name : required) {
            if (!node.has(name) || node.get(name).isNull()) {
                throw error(at.equals("the file") ? name : at + "." + name, "is missing");
            }
        }
    }

    private JsonNode array(JsonNode node, String field) throws QueuesFileException {
        if (node == null || !node.isArray()) {
            throw error(field, "must be a JSON array");
        }
        return node;
    }

    private String text(JsonNode parent, String member, String field, int max) throws QueuesFileException {
        return text(parent, member, field, max, false);
    }

    private String text(JsonNode parent, String member, String field, int max, boolean mayBeEmpty)
            throws QueuesFileException {
        JsonNode node = parent.get(member);
        if (node == null || !node.isTextual()) {
            throw error(field, "must be text, not " + node);
        }
        String value = node.asText().strip();
        if (value.isEmpty() && !mayBeEmpty) {
            throw error(field, "is empty");
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw error(field, "is longer than " + max + " characters");
        }
        return value;
    }

    private QueuesFileException error(String field, String problem) {
        return new QueuesFileException(file + ": " + field + " " + problem);
    }
}
