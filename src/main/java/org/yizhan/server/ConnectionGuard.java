package org.yizhan.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine does not bound by itself: connections from one address, and the time a request's headers take.
 * A client that sends a header line a second holds no thread (the engine reads without one), but it would hold its
 * connection for ever; {@link #sweep} closes it once its headers have taken longer than {@link ServerLimits#headerTime}.
 */
final class ConnectionGuard implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final ServerLimits limits;
    private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    /** Open HTTP connections → when they were first seen part-way through a request's headers (0: not). */
    private final Map<Connection, Tracked> open = new ConcurrentHashMap<>();
    /** Network connections by the address they are counted under. */
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    /** Connections closed at once for being over their address's share: not counted, so not uncounted. */
    private final Set<Connection> turnedAway = ConcurrentHashMap.newKeySet();

    ConnectionGuard(ServerLimits limits) {
        this.limits = limits;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection) {
            open.put(connection, new Tracked());
        }
        // Over TLS the HTTP connection sits on the TLS one, which is the network's: that one is counted.
        if (!(connection.getEndPoint() instanceof SocketChannelEndPoint)) {
            return;
        }
        InetAddress address = addressOf(connection.getEndPoint().getRemoteSocketAddress());
        if (address != null) {
            if (perAddress.merge(address, 1, Integer::sum) > limits.perAddress()) {
                uncount(address);
                if (refused.getAndIncrement() % 100 == 0) {
                    LOG.warn("refused a connection from {}: it has {} open, the most one address may (--max-per-address)",
                            address.getHostAddress(), limits.perAddress());
                }
                turnedAway.add(connection);
                connection.getEndPoint().close();
                return;
            }
            counted.put(connection, address);
        }
    }

    private static final class Tracked {
        volatile long inHeadersSince;
    }

    @Override
    public void onClosed(Connection connection) {
        if (turnedAway.remove(connection)) {
            return;
        }
        open.remove(connection);
        InetAddress address = counted.remove(connection);
        if (address != null) {
            uncount(address);
        }
    }

    private void uncount(InetAddress address) {
        if (address != null) {
            perAddress.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
        }
    }

    /** Closes the connections whose request headers have been arriving for longer than the limit; run every second. */
    void sweep() {
        long now = System.nanoTime();
        long limit = limits.headerTime().toNanos();
        for (Map.Entry<Connection, Tracked> entry : open.entrySet()) {
            Connection connection = entry.getKey();
            Tracked tracked = entry.getValue();
            boolean inHeaders = connection instanceof HttpConnection http && !http.getParser().isStart()
                    && http.getParser().inHeaderState();
            if (!inHeaders) {
                tracked.inHeadersSince = 0L;
            } else if (tracked.inHeadersSince == 0L) {
                tracked.inHeadersSince = now;
            } else if (now - tracked.inHeadersSince > limit) {
                LOG.debug("closed a connection whose request headers took over {} s", limits.headerTime().toSeconds());
                connection.getEndPoint().close();
            }
        }
    }

    /** Connections open now, for the benchmark's figures. */
    int openConnections() {
        return counted.size();
    }

    private static InetAddress addressOf(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
