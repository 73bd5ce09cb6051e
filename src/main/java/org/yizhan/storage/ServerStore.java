package org.yizhan.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The hall server's store option ({@code yizhan server --store}): SQLite files in the data dir (the default, one
 * server alone) or one PostgreSQL database that several servers share (docs/deployment.md, "Store: PostgreSQL").
 */
public interface ServerStore extends AutoCloseable {
    /** The file beside the data, for the PostgreSQL password when the environment has no PGPASSWORD. */
    String PASSWORD_FILE = "store.password";

    /** The SQLite files, in the data dir. */
    ServerStore SQLITE = new ServerStore() {
        @Override
        public StoreLocation hall(Path hallDir, String hallId) {
            return StoreLocation.sqlite(hallDir);
        }

        @Override
        public StoreLocation county(Path dataDir) {
            return StoreLocation.sqlite(dataDir);
        }

        @Override
        public String describe() {
            return "sqlite";
        }

        @Override
        public void close() {
        }
    };

    /** The stores of hall {@code hallId}, whose own files are in {@code hallDir}. */
    StoreLocation hall(Path hallDir, String hallId);

    /** The county's stores (cases). */
    StoreLocation county(Path dataDir);

    /** The option's value, with no password. */
    String describe();

    @Override
    void close();

    /**
     * The store of {@code option}: {@code sqlite}, or {@code postgresql://HOST:PORT/DB?user=U} (or its
     * {@code jdbc:postgresql:} form) with the password from the environment's {@code PGPASSWORD} or else
     * {@code dataDir/store.password} (first line), neither being needed for trust or peer authentication.
     *
     * @throws IllegalArgumentException if the option is neither
     * @throws StoreUnreachableException if the database cannot be reached (the message says what PostgreSQL said)
     * @throws IOException                if the password file cannot be read
     */
    static ServerStore open(String option, Path dataDir) throws IOException {
        if (option == null || option.isBlank() || option.equals("sqlite")) {
            return SQLITE;
        }
        String password = password(dataDir);
        try {
            return PostgresStore.connect(option, password);
        } catch (SQLException e) {
            throw new StoreUnreachableException(e.getMessage(), e);
        }
    }

    private static String password(Path dataDir) throws IOException {
        String env = System.getenv("PGPASSWORD");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
