package org.yizhan.ui.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Supplier;
import javafx.print.Printer;
import org.junit.jupiter.api.Test;
import org.yizhan.print.MonoImage;
import org.yizhan.print.Paper;
import org.yizhan.print.PrintFailure;
import org.yizhan.print.PrinterState;

/** Headless there is no printer to print on: only the path without one can be checked here. */
class SystemTicketPrinterTest {
    /*
     * No default printer, as an anonymous class rather than a lambda: a lambda's method, returning javafx.print.Printer,
     * would be this class's own, and surefire lists the test classes for its two forks in Maven's JVM, where JavaFX is
     * not on the class path (the forks have it on the module path).
     */
    private final SystemTicketPrinter printer = new SystemTicketPrinter(Paper.MM80, new Supplier<>() {
        @Override
        public Printer get() {
            return null;
        }
    });

    @Test
    void withoutADefaultPrinterItIsOffline() {
        assertEquals(PrinterState.OFFLINE, printer.status());
        assertEquals("system printer (none), 80 mm", printer.describe());
        assertEquals(576, printer.dotsWide());
    }

    @Test
    void withoutADefaultPrinterATicketFailsInOneSentence() {
        PrintFailure failure = assertThrows(PrintFailure.class, () -> printer.print(MonoImage.blank(576, 10)));
        assertEquals(PrinterState.OFFLINE, failure.state());
        assertEquals("The operating system has no default printer.", failure.getMessage());
    }
}
