package org.yizhan.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.yizhan.server.HallServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code server [--port N] [--data DIR] [--bind ADDRESS]}: the hall server, until stopped. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Runs the hall server (no display needed): serves the bundles that publish wrote to DATA/catalog.")
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "yizhan-server",
            description = "Data directory; bundles are served from DIR/catalog (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for the hall's network).")
    String bind;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            System.err.println("server: --port must be from 0 to 65535");
            return 2;
        }
        HallServer server;
        try {
            server = HallServer.start(new InetSocketAddress(InetAddress.getByName(bind), port), data.toAbsolutePath());
        } catch (java.net.BindException e) {
            System.err.println("server: cannot listen on " + bind + ":" + port + " (" + e.getMessage() + "); is another server running?");
            return 1;
        }
        System.out.println("Yizhan hall server listening on " + bind + ":" + server.port() + " (kiosks: server.url="
                + (bind.equals("0.0.0.0") || bind.equals("::") ? "http://<this machine's address>:" + server.port() + "/" : server.baseUri())
                + ") serving " + data.toAbsolutePath().resolve(HallServer.CATALOG_DIR)
                + " (Ctrl+C stops it)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
