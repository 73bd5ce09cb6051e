package org.yizhan.server;

import java.time.Duration;

/**
 * How much the hall server gives any one client (docs/deployment.md, "Limits"). The defaults suit a hall of 40
 * kiosks and 20 windows on a Wi-Fi that citizens share; {@code yizhan server} takes each as an option.
 *
 * @param headerTime      a request's line and headers must arrive within this, or the connection is closed
 * @param idleTime        a connection with nothing under way is closed after this (event streams send a heartbeat)
 * @param maxHeaderBytes  the largest request line and headers; more is a 431
 * @param maxConnections  connections open at once; more wait in the accept queue until one closes
 * @param perAddress      connections open at once from one client address; more are closed at once
 * @param stopTime        on stop, how long the requests under way may take to finish
 * @param behindProxy     whether every connection comes from a proxy (nginx) that sets {@code X-Forwarded-For} to
 *                        its client's address: then that address is the client's, for the limits on guessing PINs
 *                        and in the access log (only where no one else can reach the port: the header is believed)
 */
public record ServerLimits(Duration headerTime, Duration idleTime, int maxHeaderBytes, int maxConnections,
                           int perAddress, Duration stopTime, boolean behindProxy) {
    public static final ServerLimits DEFAULTS = new ServerLimits(Duration.ofSeconds(10), Duration.ofSeconds(30),
            8 * 1024, 5_000, 500, Duration.ofSeconds(5), false);

    public ServerLimits {
        positive(headerTime, "header time");
        positive(idleTime, "idle time");
        positive(stopTime, "stop time");
        if (maxHeaderBytes < 1024 || maxConnections < 1 || perAddress < 1) {
            throw new IllegalArgumentException("max header bytes must be at least 1024, connections at least 1");
        }
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be more than 0");
        }
    }

    public ServerLimits withPerAddress(int n) {
        return new ServerLimits(headerTime, idleTime, maxHeaderBytes, maxConnections, n, stopTime, behindProxy);
    }

    public ServerLimits withHeaderTime(Duration d) {
        return new ServerLimits(d, idleTime, maxHeaderBytes, maxConnections, perAddress, stopTime, behindProxy);
    }

    public ServerLimits withBehindProxy(boolean behind) {
        return new ServerLimits(headerTime, idleTime, maxHeaderBytes, maxConnections, perAddress, stopTime, behind);
    }

    public ServerLimits withIdleTime(Duration d) {
        return new ServerLimits(headerTime, d, maxHeaderBytes, maxConnections, perAddress, stopTime, behindProxy);
    }
}
