package org.yizhan.print;

import java.io.Closeable;
import java.io.IOException;

/** How bytes reach a printer: a TCP socket or a device file. One {@link Session} a job or a status check. */
public interface PrinterLink {

    /** Connects or opens the device; fails within the link's connect timeout. */
    Session open() throws IOException;

    /**
     * What silence means on this link: on the network a printer that does not answer is OFFLINE; a device file
     * may simply be one-way, so there it is UNKNOWN.
     */
    PrinterState silence();

    /** For the technician, e.g. {@code tcp 10.0.0.9:9100}. */
    String describe();

    /** One conversation with the printer. */
    interface Session extends Closeable {

        /** Sends the bytes; fails rather than block past the link's write timeout. */
        void write(byte[] bytes) throws IOException;

        /** Whether the printer's answers can be read back at all; a regular file or a write-only device cannot. */
        boolean canRead();

        /** The printer's next byte, or -1 if none came before {@code deadlineNanos} ({@link System#nanoTime()}). */
        int read(long deadlineNanos) throws IOException;

        /** Drops bytes the printer sent unasked (an answer that came late), without waiting. */
        void discardInput() throws IOException;

        @Override
        void close();
    }
}
