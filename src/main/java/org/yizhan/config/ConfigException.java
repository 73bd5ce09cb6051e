package org.yizhan.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * kiosk.properties cannot be used as it is. Carries every problem found, not only the first, so that a
 * technician can fix them all in one visit; {@link #getMessage()} is one line per problem.
 */
public final class ConfigException extends Exception {

    private final Path file;
    private final List<ConfigProblem> problems;
    private final boolean fileMissing;

    public ConfigException(Path file, List<ConfigProblem> problems) {
        this(file, problems, false);
    }

    ConfigException(Path file, List<ConfigProblem> problems, boolean fileMissing) {
        super(message(file, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.file = Objects.requireNonNull(file, "file");
        this.problems = List.copyOf(problems);
        this.fileMissing = fileMissing;
    }

    /** The file that was read (or looked for). */
    public Path file() {
        return file;
    }

    /** Every problem, in the order of the file. Never empty. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** One line per problem, as in {@link #getMessage()}. */
    public List<String> lines() {
        String name = fileName(file);
        return problems.stream().map(p -> p.describe(name)).toList();
    }

    /** True when the file does not exist; the caller may then fall back to defaults. */
    public boolean fileMissing() {
        return fileMissing;
    }

    private static String message(Path file, List<ConfigProblem> problems) {
        String name = fileName(file);
        return String.join("\n", problems.stream().map(p -> p.describe(name)).toList());
    }

    static String fileName(Path file) {
        Path name = file == null ? null : file.getFileName();
        return name == null ? String.valueOf(file) : name.toString();
    }
}
