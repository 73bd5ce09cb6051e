package org.yizhan.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Files replaced whole or not at all: written to a temporary file in the same directory, forced to the
 * disk, then renamed over the old one, and the rename itself made durable. A crash or power cut leaves
 * the old file or the new one, never half of one.
 */
public final class AtomicFiles {

    /** Who may read the file once it is in place. */
    public enum Readers {
        /** Its owner only, as a temporary file starts out. */
        OWNER,
        /** Everyone ({@code rw-r--r--}), e.g. for a web server that runs as another user. */
        EVERYONE
    }

    /** Writes a file's content; the stream is closed (and forced) by {@link AtomicFiles}, whatever this does. */
    @FunctionalInterface
    public interface Content<E extends Exception> {
        void writeTo(OutputStream out) throws IOException, E;
    }

    private AtomicFiles() {
    }

    public static void write(Path file, Readers readers, byte[] bytes) throws IOException {
        write(file, readers, out -> out.write(bytes));
    }

    public static <E extends Exception> void write(Path file, Readers readers, Content<E> content) throws IOException, E {
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, file.getFileName() + ".", ".tmp");
        try {
            if (readers == Readers.EVERYONE && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream out = new Unclosable(Channels.newOutputStream(channel));
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Creates {@code dir} and its missing parents; returns the topmost folder this made (empty if {@code dir}
     * was there already), so that a command whose writing then fails can take it back with {@link #removeMade}.
     */
    public static Optional<Path> createDirectories(Path dir) throws IOException {
        Path top = null;
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            top = p;
        }
        Files.createDirectories(dir);
        return Optional.ofNullable(top);
    }

    /** Removes {@code dir} and its parents up to {@code top} while they are empty: what {@link #createDirectories} made. */
    public static void removeMade(Path dir, Path top) {
        for (Path p = dir.toAbsolutePath(); p != null && p.startsWith(top); p = p.getParent()) {
            try {
                Files.delete(p);
            } catch (IOException e) {
                return; // something is in it after all: it and its parents stay
            }
        }
    }

    /** Makes a rename or a deletion in {@code directory} durable; where a directory cannot be opened, a no-op. */
    public static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every file system lets a directory be opened (Windows); the rename is still atomic there.
        }
    }

    /** Lets content close its stream (a GZIPOutputStream does) without closing the channel before it is forced. */
    private static final class Unclosable extends OutputStream {
        private final OutputStream out;

        Unclosable(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
