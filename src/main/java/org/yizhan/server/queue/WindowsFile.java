package org.yizhan.server.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yizhan.config.PinHash;

/**
 * {@code DATA/windows.json}, the hall's counters (窗口) that may sign in on the counter page: each one's id, the
 * name the calling display says, and its PIN as {@code yizhan hash-pin} prints it (docs/counter.md). Read strictly,
 * like the queues file; no file means no window may sign in on the page (the command-line counter, with the hall
 * secret, still works).
 */
public final class WindowsFile {
    public static final String FILE = "windows.json";
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    /** One window of the file. */
    public record Window(String id, String name, PinHash pin) {
    }

    /** The windows, in the file's order. */
    public record HallWindows(List<Window> windows) {
        public HallWindows {
            windows = List.copyOf(windows);
        }

        public Optional<Window> window(String id) {
            return windows.stream().filter(w -> w.id().equals(id)).findFirst();
        }

        public static HallWindows none() {
            return new HallWindows(List.of());
        }
    }

    private WindowsFile() {
    }

    /** {@code dataDir/windows.json}, or no windows when there is none. */
    public static HallWindows read(Path dataDir) throws IOException {
        Path path = dataDir.resolve(FILE);
        if (!Files.exists(path)) {
            return HallWindows.none();
        }
        return parse(Files.readAllBytes(path), path.toString());
    }

    public static HallWindows parse(byte[] json, String name) throws QueuesFileException {
        JsonNode root = QueuesFile.tree(json, name);
        if (root == null || !root.isObject() || !root.has("windows") || !root.get("windows").isArray()) {
            throw new QueuesFileException(name + ": must be {\"windows\": [ … ]} (docs/counter.md)");
        }
        only(root, Set.of("windows"), name, "the file");
        List<Window> windows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = root.get("windows");
        for (int i = 0; i < list.size(); i++) {
            String at = name + ": windows[" + i + "]";
            JsonNode w = list.get(i);
            if (!w.isObject()) {
                throw new QueuesFileException(at + " must be an object {\"id\", \"name\", \"pin\"}");
            }
            only(w, Set.of("id", "name", "pin"), name, "windows[" + i + "]");
            String id = text(w, "id", at);
            if (!ID.matcher(id).matches()) {
                throw new QueuesFileException(at + ".id \"" + id + "\" must be 1 to 16 of A-Z a-z 0-9 _ -");
            }
            if (!ids.add(id)) {
                throw new QueuesFileException(at + ".id \"" + id + "\" is the id of an earlier window too");
            }
            String windowName = text(w, "name", at);
            if (windowName.length() > 16) {
                throw new QueuesFileException(at + ".name is longer than 16 characters");
            }
            String pin = text(w, "pin", at);
            PinHash hash = PinHash.parse(pin).orElseThrow(() -> new QueuesFileException(at + ".pin is not a PIN hash; "
                    + "a PIN is never written in plain: make the line with `yizhan hash-pin` (docs/counter.md)"));
            windows.add(new Window(id, windowName, hash));
        }
        return new HallWindows(windows);
    }

    private static void only(JsonNode node, Set<String> known, String name, String at) throws QueuesFileException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String member = names.next();
            if (!known.contains(member)) {
                throw new QueuesFileException(name + ": " + at + "." + member + " is not a member; it has "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static String text(JsonNode node, String member, String at) throws QueuesFileException {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new QueuesFileException(at + "." + member + " is missing or empty");
        }
        return value.asText().strip();
    }
}
