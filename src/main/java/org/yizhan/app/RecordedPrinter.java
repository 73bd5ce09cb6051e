package org.yizhan.app;

import java.time.Instant;
import java.util.Optional;
import org.yizhan.print.MonoImage;
import org.yizhan.print.PrintFailure;
import org.yizhan.print.PrinterState;
import org.yizhan.print.TicketPrinter;

/** The kiosk's printer, remembering its last failure for the technician's panel and the heartbeat. */
final class RecordedPrinter implements TicketPrinter {

    /** A print that did not come out: when, and the printer's words. */
    record Failure(Instant at, PrinterState state, String message) {
    }

    private final TicketPrinter printer;
    private volatile Failure lastFailure;

    RecordedPrinter(TicketPrinter printer) {
        this.printer = printer;
    }

    @Override
    public PrinterState status() {
        return printer.status();
    }

    @Override
    public void print(MonoImage image) throws PrintFailure {
        try {
            printer.print(image);
        } catch (PrintFailure e) {
            lastFailure = new Failure(Instant.now(), e.state(), String.valueOf(e.getMessage()));
            throw e;
        }
    }

    Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    @Override
    public int dotsWide() {
        return printer.dotsWide();
    }

    @Override
    public String describe() {
        return printer.describe();
    }

    @Override
    public void close() {
        printer.close();
    }
}
