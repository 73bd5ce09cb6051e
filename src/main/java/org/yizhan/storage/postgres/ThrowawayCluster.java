package org.yizhan.storage.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own in a temporary directory, for the tests and {@code bench queue --store postgres}:
 * Debian's initdb and pg_ctl (on the PATH or in /usr/lib/postgresql/N/bin), loopback only on a free port, trust
 * authentication, fsync on (the tests are about durability). initdb refuses root, so as root the binaries run as
 * {@code nobody} and the directory is theirs. {@link #close} stops it at once and deletes it.
 */
public final class ThrowawayCluster implements AutoCloseable {
    private static final String USER = "yizhan";
    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean asNobody;
    private final AtomicInteger databases = new AtomicInteger();

    private ThrowawayCluster(Path dir, Path bin, int port, boolean asNobody) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asNobody = asNobody;
    }

    /** Where initdb and pg_ctl are, if anywhere this machine keeps them. */
    public static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                candidates.add(Paths.get(entry));
            }
        }
        Path debian = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin")));
            } catch (IOException e) {
                // the PATH's, if any
            }
        }
        for (Path candidate : candidates) {
            Path initdb = candidate.resolve("initdb");
            if (Files.isExecutable(initdb) && Files.isExecutable(candidate.resolve("pg_ctl"))) {
                try {
                    return Optional.of(initdb.toRealPath().getParent());
                } catch (IOException e) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Makes and starts a cluster; about one to three seconds. */
    public static ThrowawayCluster start() throws IOException {
        Path bin = binaries().orElseThrow(() -> new IOException(
                "no PostgreSQL here: initdb and pg_ctl are neither on the PATH nor in /usr/lib/postgresql/*/bin "
                        + "(Debian: apt-get install postgresql)"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("yizhan-pg-");
        int port = freePort();
        ThrowawayCluster cluster = new ThrowawayCluster(dir, bin, port, root);
        try {
            if (root) {
                run(List.of("chown", "nobody", dir.toString()));
                run(List.of("chmod", "700", dir.toString()));
            }
            Path data = dir.resolve("data");
            cluster.runPg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                    "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"));
            String conf = """
                    listen_addresses = '127.0.0.1'
                    port = %d
                    unix_socket_directories = ''
                    fsync = on
                    synchronous_commit = on
                    max_connections = 200
                    shared_buffers = 64MB
                    """.formatted(port);
            Path confFile = data.resolve("postgresql.auto.conf");
            cluster.runPg(List.of("sh", "-c", "cat >> '" + confFile + "' <<'EOF'\n" + conf + "EOF"));
            cluster.runPg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                    dir.resolve("log").toString(), "-w", "-t", "30", "start"));
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The JDBC URL of database {@code name} (the cluster's own: {@code postgres}). */
    public String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=" + USER;
    }

    /** A new empty database, {@code t_N}; returns its JDBC URL. */
    public String createDatabase() throws SQLException {
        String name = "t_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"));
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public int port() {
        return port;
    }

    /** Stops the server at once (no checkpoint: nothing here is kept) and deletes the directory. */
    @Override
    public void close() {
        Path data = dir.resolve("data");
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                runPg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
            } catch (IOException | RuntimeException e) {
                // deleted anyway
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory
        }
    }

    private void runPg(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        full.addAll(command);
        run(full, dir);
    }

    private static void run(List<String> command) throws IOException {
        run(command, Paths.get("/"));
    }

    private static void run(List<String> command, Path workDir) throws IOException {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " took more than a minute");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                    + new String(output, StandardCharsets.UTF_8).strip());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
