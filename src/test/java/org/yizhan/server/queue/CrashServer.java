package org.yizhan.server.queue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.yizhan.server.HallServer;
import org.yizhan.server.ServerLimits;
import org.yizhan.storage.PostgresStore;
import org.yizhan.storage.ServerStore;

/**
 * The hall server of {@link QueueCrashTest} and {@link TwoServersCrashTest}, in its own JVM:
 * {@code DATA PORT INSTANT [STORE]} (STORE: a PostgreSQL JDBC URL; SQLite in DATA without one). Prints
 * {@link #READY} once it listens, then serves until it is killed.
 */
public final class CrashServer {
    static final String READY = "READY";

    private CrashServer() {
    }

    public static void main(String[] args) throws Exception {
        Clock clock = Clock.fixed(Instant.parse(args[2]), ZoneOffset.UTC);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1]));
        ServerStore store = args.length > 3 ? PostgresStore.connect(args[3], null) : ServerStore.SQLITE;
        long deadline = System.nanoTime() + 20_000_000_000L;
        HallServer server = null;
        while (server == null) {
            try {
                server = HallServer.start(address, Path.of(args[0]), clock, ServerLimits.DEFAULTS, Optional.empty(),
                        store);
            } catch (BindException e) {
                // The killed server's port may linger a moment.
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            } catch (IOException e) {
                throw e;
            }
        }
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join();
    }
}
