package org.yizhan.print;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A printer behind a device file: {@code /dev/usb/lp0} (USB) or a serial port such as {@code /dev/ttyS0}
 * (its speed set beforehand with {@code stty}). Written always; read back where the device lets us (a
 * bidirectional USB printer, a serial port), on a thread of its own because a device read has no timeout.
 * A regular file (tests, a spool directory) is only written.
 */
public final class DeviceLink implements PrinterLink {
    private final Path device;

    public DeviceLink(Path device) {
        this.device = device;
    }

    @Override
    public Session open() throws IOException {
        if (!Files.exists(device)) {
            // Never create it: a missing /dev/usb/lp0 means the printer is unplugged or switched off.
            throw new NoSuchFileException(device.toString(), null, "no such device (is the printer plugged in and on?)");
        }
        if (Files.isRegularFile(device)) {
            return new DeviceSession(FileChannel.open(device, StandardOpenOption.WRITE, StandardOpenOption.APPEND), false);
        }
        try {
            return new DeviceSession(FileChannel.open(device, StandardOpenOption.READ, StandardOpenOption.WRITE), true);
        } catch (IOException | UnsupportedOperationException readDenied) {
            return new DeviceSession(FileChannel.open(device, StandardOpenOption.WRITE), false);
        }
    }

    @Override
    public PrinterState silence() {
        return PrinterState.UNKNOWN;
    }

    @Override
    public String describe() {
        return "device " + device;
    }

    private static final class DeviceSession implements Session {
        private final FileChannel channel;
        private final BlockingQueue<Integer> answers = new LinkedBlockingQueue<>();
        private final boolean twoWay;

        DeviceSession(FileChannel channel, boolean twoWay) {
            this.channel = channel;
            this.twoWay = twoWay;
            if (twoWay) {
                Thread reader = new Thread(this::readAnswers, "yizhan-printer-device-reader");
                reader.setDaemon(true);
                reader.start();
            }
        }

        private void readAnswers() {
            ByteBuffer buffer = ByteBuffer.allocate(64);
            try {
                while (channel.read(buffer.clear()) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        answers.add(buffer.get() & 0xFF);
                    }
                }
            } catch (IOException closedOrOneWay) {
                // Closing the session ends the read; a device that cannot be read just never answers.
            }
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            try (Watchdog watchdog = Watchdog.closeAfter(TcpLink.WRITE_TIMEOUT, channel)) {
                try {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                } catch (IOException e) {
                    if (watchdog.fired()) {
                        throw new IOException("the device took no more data for " + TcpLink.WRITE_TIMEOUT.toSeconds() + " s", e);
                    }
                    throw e;
                }
            }
        }

        @Override
        public boolean canRead() {
            return twoWay;
        }

        @Override
        public int read(long deadlineNanos) throws IOException {
            try {
                Integer b = answers.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                return b == null ? -1 : b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the printer", e);
            }
        }

        @Override
        public void discardInput() {
            answers.clear();
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing is left to tell the printer.
            }
        }
    }
}
