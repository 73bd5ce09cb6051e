package org.yizhan.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** PLACEHOLDER until the server branch lands: reads DATA/hall.secret, which the hall server writes. */
final class HallSecrets {
    private HallSecrets() {
    }

    static String read(Path serverData) throws IOException {
        Path file = serverData.resolve("hall.secret");
        if (!Files.exists(file)) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
