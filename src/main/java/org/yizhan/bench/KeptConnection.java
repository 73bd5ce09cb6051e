package org.yizhan.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kiosk's HTTP/1.1 connection to the server, kept open, one request at a time: what {@code bench queue}
 * measures the server with. The kiosk's own client (the JDK's HttpClient, its selector thread and futures) cost
 * this 2-core machine as much CPU as the server's whole ticket path; in a hall each kiosk is a machine of its own,
 * so here the client does no more than write the request and read the answer. Answers must carry a
 * Content-Length (the server's JSON answers do).
 */
final class KeptConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;
    private final String authorization;

    KeptConnection(URI server, String secret) throws IOException {
        socket = new Socket(server.getHost(), server.getPort());
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
        host = server.getHost() + ":" + server.getPort();
        authorization = "Bearer " + secret;
    }

    /** POSTs {@code json} to {@code path} and returns the answer's body; throws unless the status is {@code expected}. */
    byte[] post(String path, String json, int expected) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        out.write(request);
        out.flush();
        String status = line();
        int length = -1;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                length = Integer.parseInt(header.substring(colon + 1).trim());
            }
        }
        if (length < 0) {
            throw new IOException("POST " + path + ": answer without Content-Length: " + status);
        }
        byte[] answer = in.readNBytes(length);
        if (answer.length != length) {
            throw new IOException("POST " + path + ": the connection closed within the answer");
        }
        if (!status.startsWith("HTTP/1.1 " + expected + " ")) {
            throw new IOException("POST " + path + ": " + status + " " + new String(answer, StandardCharsets.UTF_8));
        }
        return answer;
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
