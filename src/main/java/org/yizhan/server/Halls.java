package org.yizhan.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.server.queue.QueuesFile;

/**
 * The halls one server hosts (docs/deployment.md, "A county's server"): the top-level hall in the data directory
 * itself, unless the directory has a {@code halls/} folder and no queues file of its own, and each hall added
 * under {@code DATA/halls/<id>/}. A hall that cannot be opened is left out and logged, so one hall's broken file
 * does not stop the county's other halls; it answers 503 until it is fixed and the server restarted.
 */
public final class Halls implements AutoCloseable {
    /** The folder of the added halls, under the data directory. */
    public static final String DIR = "halls";
    private static final Logger LOG = LoggerFactory.getLogger(Halls.class);

    private final Optional<Hall> top;
    private final Map<String, Hall> added;
    private final List<String> unavailable;

    private Halls(Optional<Hall> top, Map<String, Hall> added, List<String> unavailable) {
        this.top = top;
        this.added = Collections.unmodifiableMap(added);
        this.unavailable = List.copyOf(unavailable);
    }

    /** Whether {@code dataDir} is a county's server with no hall of its own: a halls/ folder and no queues file. */
    public static boolean countyOnly(Path dataDir) {
        return Files.isDirectory(dataDir.resolve(DIR)) && !Files.exists(dataDir.resolve(QueuesFile.FILE));
    }

    /** The ids of the folders under {@code DATA/halls/}, sorted; a folder whose name is no hall id is skipped. */
    public static List<String> ids(Path dataDir) throws IOException {
        Path dir = dataDir.resolve(DIR);
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) && HallId.valid(name)) {
                    ids.add(name);
                } else if (!name.endsWith(".tmp")) {
                    LOG.warn("{} is not a hall: a hall is a folder named by its id (a-z 0-9 -)", entry);
                }
            }
        }
        Collections.sort(ids);
        return ids;
    }

    /**
     * Opens the top-level hall (if the directory is not {@link #countyOnly}) and every added hall with
     * {@code opener} (HallServer: {@link Hall#open}).
     *
     * @throws IOException if the top-level hall cannot be opened (as a one-hall server always did)
     */
    public static Halls open(Path dataDir, HallOpener opener) throws IOException {
        Optional<Hall> top = countyOnly(dataDir) ? Optional.empty() : Optional.of(opener.open("", dataDir));
        Map<String, Hall> added = new TreeMap<>();
        List<String> unavailable = new ArrayList<>();
        try {
            for (String id : ids(dataDir)) {
                try {
                    added.put(id, opener.open(id, dataDir.resolve(DIR).resolve(id)));
                } catch (IOException e) {
                    LOG.error("hall {} is not served: {}", id, e.getMessage());
                    unavailable.add(id);
                }
            }
        } catch (IOException | RuntimeException e) {
            top.ifPresent(Hall::close);
            added.values().forEach(Hall::close);
            throw e;
        }
        return new Halls(top, added, unavailable);
    }

    /** Opens one hall: {@code id} "" is the top-level hall in {@code dir}, the data directory. */
    @FunctionalInterface
    public interface HallOpener {
        Hall open(String id, Path dir) throws IOException;
    }

    public Optional<Hall> top() {
        return top;
    }

    /** An added hall by its id. */
    public Optional<Hall> added(String id) {
        return Optional.ofNullable(added.get(id));
    }

    /** Whether {@code id} is a hall under halls/ that could not be opened. */
    public boolean unavailable(String id) {
        return unavailable.contains(id);
    }

    /** Every hall served: the top-level one first, then the added ones by id. */
    public List<Hall> all() {
        List<Hall> all = new ArrayList<>();
        top.ifPresent(all::add);
        all.addAll(added.values());
        return all;
    }

    @Override
    public void close() {
        all().forEach(Hall::close);
    }
}
