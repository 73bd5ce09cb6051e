package org.yizhan.server.queue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardCopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall's secret, {@code DATA/hall.secret}: kiosks and counters send it as {@code Authorization: Bearer …}
 * to change the queues (docs/deployment.md). Made on first start, owner-only, 32 random bytes in base64url.
 * Never logged.
 */
public final class HallSecret {
    public static final String FILE = "hall.secret";
    private static final Logger LOG = LoggerFactory.getLogger(HallSecret.class);

    private final byte[] value;

    private HallSecret(String value) {
        this.value = value.getBytes(StandardCharsets.UTF_8);
    }

    /** The secret of {@code dataDir}, made first if there is none. */
    public static HallSecret readOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            create(file);
        }
        return new HallSecret(read(file));
    }

    /** The secret in {@code file} (e.g. for a kiosk beside an embedded server, or the counter command). */
    public static String read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.length() < 16 || !text.matches("[\\x21-\\x7e]+")) {
            throw new IOException(file + " does not hold a hall secret (16 or more printable characters, no spaces)");
        }
        return text;
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // Written whole beside it and renamed into place: a crash cannot leave an empty secret behind.
        Path temp = dir.resolve(FILE + ".tmp");
        Files.deleteIfExists(temp);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap((secret + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("made a new hall secret in {} (give it to kiosks and counters; docs/deployment.md)", file);
    }

    /** Whether {@code authorization} is {@code Bearer <this secret>}, compared in constant time. */
    public boolean admits(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] offered = authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(offered, value);
    }

    /** Refuses a request without this secret: 401, with the header that names the scheme. */
    public void authorize(org.yizhan.server.Exchange exchange) {
        if (!admits(exchange.header("Authorization"))) {
            exchange.setHeader("WWW-Authenticate", "Bearer realm=\"yizhan-hall\"");
            throw new org.yizhan.server.ErrorAnswer(401, "unauthorized", "send the hall secret as Authorization: "
                    + "Bearer <secret> (DATA/hall.secret on the hall server; docs/deployment.md)");
        }
    }

    @Override
    public String toString() {
        return "HallSecret[hidden]";
    }
}
