package org.yizhan.print;

/**
 * The kiosk's printer. Every method may wait on the printer for a few seconds: call it from a background
 * thread, never the FX thread.
 */
public interface TicketPrinter extends AutoCloseable {

    /** What the printer says now; at most about 2 s. */
    PrinterState status();

    /** Prints the image, feeds and cuts; returns only once the printer has said it printed (where it can say). */
    void print(MonoImage image) throws PrintFailure;

    /** The width to lay a ticket out at: 384 (58 mm) or 576 (80 mm) dots at 203 dpi. */
    int dotsWide();

    /** For the technician, e.g. {@code ESC/POS tcp 10.0.0.9:9100, 80 mm}. */
    String describe();

    @Override
    void close();
}
