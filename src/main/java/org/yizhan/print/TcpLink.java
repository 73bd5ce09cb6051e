package org.yizhan.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** A printer on the network, raw TCP (port 9100, "JetDirect"); two-way, so it can be asked its status. */
public final class TcpLink implements PrinterLink {
    public static final int DEFAULT_PORT = 9100;
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A ticket is under 100 kB; a printer that takes none of it for this long is not printing. */
    public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(4);

    private final String host;
    private final int port;
    private final Duration connectTimeout;

    public TcpLink(String host, int port, Duration connectTimeout) {
        if (host.isBlank()) {
            throw new IllegalArgumentException("A network printer needs a host name or address.");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("A printer's port is 1 to 65535, not " + port + ".");
        }
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
    }

    /** {@code host}, {@code host:port} or {@code [v6-address]:port}; the port defaults to 9100. */
    public static TcpLink parse(String address) {
        String a = address.strip();
        String host = a;
        int port = DEFAULT_PORT;
        int colon = a.lastIndexOf(':');
        boolean bracketed = a.startsWith("[");
        if (colon > 0 && (bracketed ? colon > a.indexOf(']') : a.indexOf(':') == colon)) {
            host = a.substring(0, colon);
            try {
                port = Integer.parseInt(a.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("printer.address \"" + address
                        + "\" must be host:port with a number for the port, e.g. 10.0.0.9:9100.");
            }
        }
        if (bracketed) {
            host = host.substring(1, host.length() - 1);
        }
        return new TcpLink(host, port, CONNECT_TIMEOUT);
    }

    @Override
    public Session open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new TcpSession(socket);
    }

    @Override
    public PrinterState silence() {
        return PrinterState.OFFLINE;
    }

    @Override
    public String describe() {
        return "tcp " + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static final class TcpSession implements Session {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        TcpSession(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            try (Watchdog watchdog = Watchdog.closeAfter(WRITE_TIMEOUT, socket)) {
                try {
                    out.write(bytes);
                    out.flush();
                } catch (IOException e) {
                    if (watchdog.fired()) {
                        throw new IOException("the printer took no more data for " + WRITE_TIMEOUT.toSeconds() + " s", e);
                    }
                    throw e;
                }
            }
        }

        @Override
        public boolean canRead() {
            return true;
        }

        @Override
        public int read(long deadlineNanos) throws IOException {
            long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return -1;
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
            try {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the printer closed the connection");
                }
                return b;
            } catch (SocketTimeoutException e) {
                return -1;
            }
        }

        @Override
        public void discardInput() throws IOException {
            while (in.available() > 0) {
                in.skip(in.available());
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Nothing is left to tell the printer.
            }
        }
    }
}
