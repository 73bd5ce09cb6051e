package org.yizhan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event stream's heartbeat: a comment reaches an open stream, and a client that left is found and dropped. */
class HeartbeatTest {
    @TempDir
    Path dir;

    @Test
    void aHeartbeatReachesAStreamAndFindsTheClientsThatLeft() throws Exception {
        try (HallServer server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), dir,
                Clock.systemUTC())) {
            Socket stays = open(server);
            BufferedReader in = new BufferedReader(new InputStreamReader(stays.getInputStream(), StandardCharsets.UTF_8));
            skipToFirstId(in);
            Socket leaves = open(server);
            skipToFirstId(new BufferedReader(new InputStreamReader(leaves.getInputStream(), StandardCharsets.UTF_8)));
            assertEquals(2, server.openStreams());
            leaves.close();

            server.heartbeatNow();
            String line = in.readLine();
            for (int i = 0; i < 6 && !": heartbeat".equals(line); i++) {
                line = in.readLine(); // the blank line after the id, and the chunk sizes of the chunked answer
            }
            assertEquals(": heartbeat", line);
            long end = System.nanoTime() + 10_000_000_000L;
            while (server.openStreams() > 1) {
                server.heartbeatNow(); // a write to a closed socket fails, and the stream is dropped
                assertTrue(System.nanoTime() < end, "the client that left is still counted");
                Thread.sleep(20);
            }
            assertEquals(1, server.openStreams());
            stays.close();
        }
    }

    private static Socket open(HallServer server) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write("GET /queue/events HTTP/1.1\r\nHost: hall\r\nAccept: text/event-stream\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static void skipToFirstId(BufferedReader in) throws Exception {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("id: ")) {
                return;
            }
        }
        throw new AssertionError("the stream ended before its first id");
    }
}
