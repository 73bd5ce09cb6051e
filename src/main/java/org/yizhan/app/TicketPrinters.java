package org.yizhan.app;

import java.util.Optional;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.PrinterType;
import org.yizhan.print.TicketPrinter;

/** The printer kiosk.properties names (printer.type, printer.address, printer.paper); empty for none. */
final class TicketPrinters {
    private TicketPrinters() {
    }

    static Optional<TicketPrinter> create(KioskConfig config) {
        if (config.printerType() == PrinterType.NONE) {
            return Optional.empty();
        }
        // PLACEHOLDER until the printing branch lands.
        return Optional.empty();
    }
}
