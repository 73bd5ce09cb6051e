package org.yizhan.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PrintersTest {
    private static final java.util.function.Function<Paper, TicketPrinter> NO_SYSTEM = paper -> {
        throw new AssertionError("the system printer is built only for printer.type=system");
    };

    @Test
    void escposOverTcpWithThePortOrWithout() {
        assertEquals("ESC/POS tcp 10.0.0.9:9100, 80 mm", Printers.create("escpos-tcp", "10.0.0.9", 80, NO_SYSTEM).describe());
        TicketPrinter p = Printers.create("escpos-tcp", " printer.hall.lan:9101 ", 58, NO_SYSTEM);
        assertEquals("ESC/POS tcp printer.hall.lan:9101, 58 mm", p.describe());
        assertEquals(384, p.dotsWide());
        assertEquals("ESC/POS tcp [fe80::1]:9100, 80 mm", Printers.create("escpos-tcp", "[fe80::1]:9100", 80, NO_SYSTEM).describe());
        assertEquals("ESC/POS tcp [fe80::1]:9100, 80 mm", Printers.create("escpos-tcp", "fe80::1", 80, NO_SYSTEM).describe());
    }

    @Test
    void escposToADevice() {
        TicketPrinter p = Printers.create("escpos-device", "/dev/usb/lp0", 80, NO_SYSTEM);
        assertEquals("ESC/POS device /dev/usb/lp0, 80 mm", p.describe());
        assertEquals(576, p.dotsWide());
    }

    @Test
    void theSystemPrinterIsBuiltByTheCallerForThePaper() {
        TicketPrinter none = Printers.create("none", "", 58, NO_SYSTEM);
        TicketPrinter system = Printers.create("system", null, 58, paper -> {
            assertEquals(Paper.MM58, paper);
            return none;
        });
        assertSame(none, system);
    }

    @Test
    void noPrinterIsOfflineAndPrintsNothing() {
        TicketPrinter none = Printers.create("none", null, 80, NO_SYSTEM);
        assertEquals(PrinterState.OFFLINE, none.status());
        PrintFailure f = assertThrows(PrintFailure.class, () -> none.print(MonoImage.blank(8, 1)));
        assertEquals("This kiosk has no printer (printer.type=none).", f.getMessage());
    }

    @Test
    void badValuesAreRefusedInOneSentenceNamingTheKey() {
        assertEquals("printer.type must be one of escpos-tcp, escpos-device, system, none, not \"epson\".",
                assertThrows(IllegalArgumentException.class, () -> Printers.create("epson", "x", 80, NO_SYSTEM)).getMessage());
        assertEquals("Paper must be 58 or 80 (mm), not 76.",
                assertThrows(IllegalArgumentException.class, () -> Printers.create("none", "", 76, NO_SYSTEM)).getMessage());
        assertEquals("printer.address is needed for printer.type=escpos-tcp (host:port, e.g. 10.0.0.9:9100).",
                assertThrows(IllegalArgumentException.class, () -> Printers.checkAddress("escpos-tcp", " ")).getMessage());
        assertEquals("printer.address \"10.0.0.9:lp\" must be host:port with a number for the port, e.g. 10.0.0.9:9100.",
                assertThrows(IllegalArgumentException.class, () -> Printers.checkAddress("escpos-tcp", "10.0.0.9:lp")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Printers.checkAddress("escpos-tcp", "10.0.0.9:70000"));
    }
}
