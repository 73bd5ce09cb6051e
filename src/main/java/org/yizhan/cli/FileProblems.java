package org.yizhan.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What is wrong with a file or folder a command was given, in a sentence for the technician: the JDK's own
 * messages are often the bare path ({@code nope.json}), which reads like an echo rather than a reason.
 */
final class FileProblems {

    private FileProblems() {
    }

    /** Why {@code file} cannot be read, e.g. "the catalog file nope.json does not exist (looked for /abs/nope.json)". */
    static Optional<String> unreadable(Path file, String what) {
        String named = "the " + what + " " + file;
        if (Files.notExists(file)) {
            return Optional.of(named + " does not exist (looked for " + file.toAbsolutePath() + ")");
        }
        if (Files.isDirectory(file)) {
            return Optional.of(named + " is a folder, not a file");
        }
        if (!Files.isReadable(file)) {
            return Optional.of(named + " cannot be read by user " + user() + " (permission denied)");
        }
        return Optional.empty();
    }

    /** Why {@code dir} cannot be used or made as a folder to write into, or empty if it can. */
    static Optional<String> unwritableFolder(Path dir) {
        Path p = dir.toAbsolutePath();
        while (!Files.exists(p) && p.getParent() != null) {
            p = p.getParent();
        }
        if (!Files.isDirectory(p)) {
            return Optional.of(p + " is a file, not a folder; give a folder");
        }
        if (!Files.isWritable(p)) {
            return Optional.of("user " + user() + " may not write in " + p
                    + " (permission denied); run it as a user who may, or give another folder");
        }
        return Optional.empty();
    }

    /** An I/O failure as a reason: the JDK names the file, this says what happened to it. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + " does not exist";
        }
        if (e instanceof AccessDeniedException f) {
            return "user " + user() + " may not use " + f.getFile() + " (permission denied)";
        }
        if (e instanceof FileAlreadyExistsException f) {
            // Mostly a folder to be made where a file already is.
            return f.getFile() + (Files.isRegularFile(Path.of(f.getFile())) ? " is a file, where a folder is needed" : " already exists");
        }
        if (e instanceof NotDirectoryException f) {
            return f.getFile() + " is not a folder";
        }
        if (e instanceof FileSystemException f && f.getFile() != null && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static String user() {
        return System.getProperty("user.name");
    }
}
