package org.yizhan.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.yizhan.print.MonoImage;

/**
 * A thermal printer on loopback TCP that speaks like a real one: it answers DLE EOT 1/2/4 with the status bytes
 * of its {@link Mode}, answers GS r 1 once a job has printed, records every byte, and keeps each cut ticket as
 * an image. A job sent while it has no paper (or its cover open) does not print.
 *
 * <pre>
 * try (FakeEscPosPrinter printer = FakeEscPosPrinter.start()) {
 *     TicketPrinter p = Printers.create("escpos-tcp", printer.address(), 80, null);
 *     p.print(ticket);
 *     printer.receivedImages();   // [the ticket]
 *     printer.setMode(Mode.PAPER_OUT);
 * }
 * </pre>
 */
public final class FakeEscPosPrinter implements AutoCloseable {

    public enum Mode {
        /** Online with paper: prints, answers 0x12 0x12 0x12, and 0x00 to GS r 1. */
        PAPER_PRESENT,
        /** Roll empty: answers 0x1A (offline) 0x32 (stopped by paper end) 0x7E (no paper, near end); prints nothing. */
        PAPER_OUT,
        /** Cover open: answers 0x1A 0x16 (cover open) 0x12; prints nothing. */
        COVER_OPEN,
        /** Accepts the connection and takes the bytes, but never answers (a dead controller, a one-way box). */
        NO_ANSWER,
        /** Like PAPER_PRESENT until the next raster arrives; then the roll runs out in that ticket: PAPER_OUT. */
        RUNS_OUT_AFTER_NEXT_JOB
    }

    private final ServerSocket server;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<MonoImage> printed = new ArrayList<>();
    private final List<MonoImage> pendingBands = new ArrayList<>();
    private volatile Mode mode;
    private int cuts;
    private int statusRequests;

    private FakeEscPosPrinter(Mode mode) throws IOException {
        this.mode = mode;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-escpos-printer-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A printer with paper, listening on a free loopback port. */
    public static FakeEscPosPrinter start() {
        return start(Mode.PAPER_PRESENT);
    }

    public static FakeEscPosPrinter start(Mode mode) {
        try {
            return new FakeEscPosPrinter(mode);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a loopback port for the fake printer", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:port}, as {@code printer.address}. */
    public String address() {
        return server.getInetAddress().getHostAddress() + ":" + port();
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    /** The tickets printed and cut, in order (width in whole bytes, as the raster carries it). */
    public synchronized List<MonoImage> receivedImages() {
        return List.copyOf(printed);
    }

    /** Cuts made (a job sent while out of paper is not cut). */
    public synchronized int jobsCut() {
        return cuts;
    }

    /** DLE EOT requests answered or not. */
    public synchronized int statusRequests() {
        return statusRequests;
    }

    /** Every byte received on every connection, in order of arrival. */
    public synchronized byte[] receivedBytes() {
        return received.toByteArray();
    }

    /**
     * Waits until every connection the kiosk opened has been read to its end and closed, so bytes sent just
     * before a session closed (a buffer clear after a failure) are in {@link #receivedBytes()}.
     */
    public synchronized void awaitDisconnected() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!connections.isEmpty()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("The kiosk kept " + connections.size() + " connection(s) to the printer open for 5 s");
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for the kiosk to disconnect", e);
            }
        }
    }

    /** Forgets what was received and printed; the mode stays. */
    public synchronized void clear() {
        received.reset();
        printed.clear();
        pendingBands.clear();
        cuts = 0;
        statusRequests = 0;
    }

    /** Writes an image to {@code target/screenshots/NAME.png}, black on white, one pixel a dot. */
    public static Path savePng(MonoImage image, String name) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, image.width(), image.height(), image.toArgb(), 0, image.width());
        try {
            Files.createDirectories(Screenshots.dir());
            Path file = Screenshots.dir().resolve(name + ".png");
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops listening and drops every connection; a printer switched off. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (this) {
                    connections.add(socket);
                }
                Thread t = new Thread(() -> serve(socket), "fake-escpos-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new FilterInputStream(socket.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        record(new byte[] {(byte) b}, 0, 1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) {
                        record(buf, off, n);
                    }
                    return n;
                }
            };
            EscPosDecoder.decode(in, new Printing(out));
        } catch (IOException | UncheckedIOException connectionEnded) {
            // The kiosk closed its session, or the test closed the printer.
        } finally {
            synchronized (this) {
                connections.remove(socket);
                notifyAll();
            }
        }
    }

    private synchronized void record(byte[] buf, int off, int len) {
        received.write(buf, off, len);
    }

    /** What the printer does with each command of one connection. */
    private final class Printing implements EscPosDecoder.Listener {
        private final OutputStream out;

        Printing(OutputStream out) {
            this.out = out;
        }

        @Override
        public void band(MonoImage band) {
            if (mode == Mode.RUNS_OUT_AFTER_NEXT_JOB) {
                mode = Mode.PAPER_OUT;
            }
            if (canPrint()) {
                synchronized (FakeEscPosPrinter.this) {
                    pendingBands.add(band);
                }
            }
        }

        @Override
        public void cut() {
            if (!canPrint()) {
                return;
            }
            synchronized (FakeEscPosPrinter.this) {
                cuts++;
                if (!pendingBands.isEmpty()) {
                    printed.add(EscPosDecoder.stack(pendingBands));
                    pendingBands.clear();
                }
            }
        }

        @Override
        public void clearBuffers() {
            synchronized (FakeEscPosPrinter.this) {
                pendingBands.clear();
            }
        }

        @Override
        public void statusRequest(int n) {
            synchronized (FakeEscPosPrinter.this) {
                statusRequests++;
            }
            int answer = switch (mode) {
                case PAPER_PRESENT, RUNS_OUT_AFTER_NEXT_JOB -> 0x12;
                case PAPER_OUT -> n == 1 ? 0x1A : n == 2 ? 0x32 : 0x7E;
                case COVER_OPEN -> n == 1 ? 0x1A : n == 2 ? 0x16 : 0x12;
                case NO_ANSWER -> -1;
            };
            answer(answer);
        }

        @Override
        public void doneRequest(int n) {
            // Processed in turn: answered only by a printer that printed what came before.
            if (mode == Mode.PAPER_PRESENT || mode == Mode.RUNS_OUT_AFTER_NEXT_JOB) {
                answer(0x00);
            }
        }

        private boolean canPrint() {
            return mode == Mode.PAPER_PRESENT || mode == Mode.NO_ANSWER;
        }

        private void answer(int b) {
            if (b < 0) {
                return;
            }
            try {
                out.write(b);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
