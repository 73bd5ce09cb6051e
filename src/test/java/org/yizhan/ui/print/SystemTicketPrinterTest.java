package org.yizhan.ui.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.yizhan.print.MonoImage;
import org.yizhan.print.Paper;
import org.yizhan.print.PrintFailure;
import org.yizhan.print.PrinterState;

/** Headless there is no printer to print on: only the path without one can be checked here. */
class SystemTicketPrinterTest {
    private final SystemTicketPrinter printer = new SystemTicketPrinter(Paper.MM80, () -> null);

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
