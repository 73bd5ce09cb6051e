package org.yizhan.app;

import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.PrinterType;
import org.yizhan.print.Printers;
import org.yizhan.print.TicketPrinter;
import org.yizhan.ui.print.SystemTicketPrinter;

/**
 * The printer kiosk.properties names (printer.type, printer.address, printer.paper); empty for none. Nothing
 * is opened here: an ESC/POS printer is reached per job and per status check, off the FX thread.
 */
final class TicketPrinters {
    private TicketPrinters() {
    }

    static Optional<TicketPrinter> create(KioskConfig config) {
        if (config.printerType() == PrinterType.NONE) {
            return Optional.empty();
        }
        try {
            return Optional.of(Printers.create(config.printerType().value(), config.printerAddress().orElse(""),
                    config.paperMillimetres(), SystemTicketPrinter::new));
        } catch (IllegalArgumentException e) {
            // The loader checks the same; a kiosk still shows its guides with no printer rather than not at all.
            LoggerFactory.getLogger(TicketPrinters.class).error("no printer: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
