package org.yizhan.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each way of not reaching the server gets its own words, because each sends the technician somewhere else. */
class FetcherTest {
    private static final URI SERVER = URI.create("http://hall-server.lan:8080/catalog/index.json");

    private static String failureOf(URI uri) {
        Fetcher fetcher = new Fetcher(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20));
        return assertThrows(SyncFailure.class, () -> fetcher.get(uri, List.of(), Fetcher.Cap.of(1024), bytes -> {
        })).reason();
    }

    @Test
    void aHostNameThatDoesNotResolveIsNamedAsSuch() {
        // .invalid never resolves (RFC 2606), and the final dot keeps resolv.conf's search domains out of it.
        String reason = failureOf(URI.create("http://hall-sever.invalid.:8080/catalog/index.json"));
        assertTrue(reason.startsWith("cannot resolve host hall-sever.invalid"), reason);
    }

    @Test
    void aClosedPortIsARefusal() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertEquals("cannot connect to http://127.0.0.1:" + port + ": connection refused",
                failureOf(URI.create("http://127.0.0.1:" + port + "/catalog/index.json")));
    }

    /** As the JDK client wraps what the socket says (the networks these need are not there in a test). */
    @Test
    void noRouteUnreachableAndTimeoutAreNotRefusals() {
        assertEquals("cannot connect to http://hall-server.lan:8080: no route to host", Fetcher.whyNoConnection(SERVER,
                new ConnectException("java.net.NoRouteToHostException: No route to host")
                        .initCause(new NoRouteToHostException("No route to host"))));
        assertEquals("cannot connect to http://hall-server.lan:8080: network unreachable", Fetcher.whyNoConnection(SERVER,
                new ConnectException("java.net.SocketException: Network is unreachable")
                        .initCause(new SocketException("Network is unreachable"))));
        assertEquals("cannot connect to http://hall-server.lan:8080: timed out", Fetcher.whyNoConnection(SERVER,
                new HttpConnectTimeoutException("HTTP connect timed out")
                        .initCause(new ConnectException("HTTP connect timed out"))));
        assertEquals("cannot connect to http://hall-server.lan:8080: connection refused", Fetcher.whyNoConnection(SERVER,
                new ConnectException().initCause(new java.nio.channels.ClosedChannelException())));
    }
}
