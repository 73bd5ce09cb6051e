package org.yizhan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.yizhan.config.PinHash;
import org.yizhan.json.Json;
import org.yizhan.server.queue.HallSecret;
import org.yizhan.server.queue.QueuesFile;
import org.yizhan.server.queue.QueuesFileException;
import org.yizhan.server.queue.WindowsFile;

/** The files of a new hall's folder, written whole beside it and renamed into place: never half a hall. */
final class HallFiles {
    /** What was made: where the secret is, and the starter window's PIN (null when the windows were given). */
    record Made(Path secret, String starterPin) {
    }

    private HallFiles() {
    }

    /**
     * Makes {@code dir} with the queues (given, else the demo's) named {@code name}, the windows (given, else one
     * window with a new PIN) and a new hall secret; the given files are checked as the server reads them.
     *
     * @throws QueuesFileException if a given file, or the name, is refused (the message names the field)
     */
    static Made make(Path dir, String name, Optional<byte[]> queues, Optional<byte[]> windows) throws IOException {
        byte[] queuesJson = named(queues.isPresent() ? queues.get() : demo(), name,
                queues.isPresent() ? "the queues file" : QueuesFile.DEMO);
        QueuesFile.parse(queuesJson, "--name");
        String pin = null;
        byte[] windowsJson;
        if (windows.isPresent()) {
            windowsJson = windows.get();
            WindowsFile.parse(windowsJson, "the windows file");
        } else {
            pin = String.format("%06d", new SecureRandom().nextInt(1_000_000));
            windowsJson = ("{\"windows\": [{\"id\": \"1\", \"name\": \"1号窗口\", \"pin\": \"" + PinHash.of(pin)
                    + "\"}]}\n").getBytes(StandardCharsets.UTF_8);
        }
        Files.createDirectories(dir.getParent());
        Path temp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp");
        try {
            Files.write(temp.resolve(QueuesFile.FILE), queuesJson);
            Files.write(temp.resolve(WindowsFile.FILE), windowsJson);
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            delete(temp);
            throw e;
        }
        // After the move, so that the log names where it stays; a hall left without one gets it at the server's start.
        HallSecret.readOrCreate(dir);
        return new Made(dir.resolve(HallSecret.FILE), pin);
    }

    private static byte[] demo() throws IOException {
        try (InputStream in = QueuesFile.class.getResourceAsStream(QueuesFile.DEMO)) {
            if (in == null) {
                throw new IOException("the jar has no " + QueuesFile.DEMO);
            }
            return in.readAllBytes();
        }
    }

    /** The queues file with its "hall" set to {@code name}, the rest as it was. */
    private static byte[] named(byte[] json, String name, String what) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            QueuesFile.parse(json, what); // says what is wrong in the words the server would use
            throw e;
        }
        if (!(root instanceof ObjectNode object)) {
            QueuesFile.parse(json, what);
            throw new QueuesFileException(what + ": must be a JSON object (docs/queues.md)");
        }
        object.put("hall", name);
        return (Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(object) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
