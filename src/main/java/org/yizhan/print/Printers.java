package org.yizhan.print;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the kiosk's printer from kiosk.properties ({@code printer.type}, {@code printer.address},
 * {@code printer.paper}). The operating system's printer needs JavaFX, which this package may not use, so
 * the composition root passes a function that builds it ({@code ui.print.SystemTicketPrinter::new}).
 */
public final class Printers {
    public static final String ESCPOS_TCP = "escpos-tcp";
    public static final String ESCPOS_DEVICE = "escpos-device";
    public static final String SYSTEM = "system";
    public static final String NONE = "none";
    public static final List<String> TYPES = List.of(ESCPOS_TCP, ESCPOS_DEVICE, SYSTEM, NONE);

    private Printers() {
    }

    /**
     * @param type    one of {@link #TYPES}
     * @param address {@code host[:port]} for escpos-tcp, a device path for escpos-device; ignored otherwise
     * @param paperMm 58 or 80
     * @param system  builds the system printer for a paper width (called only for {@code system})
     * @throws IllegalArgumentException in one sentence naming the key, when a value is not usable
     */
    public static TicketPrinter create(String type, String address, int paperMm, Function<Paper, TicketPrinter> system) {
        Paper paper = Paper.ofMillimetres(paperMm);
        return switch (type) {
            case ESCPOS_TCP -> new EscPosPrinter(TcpLink.parse(requireAddress(type, address)), paper);
            case ESCPOS_DEVICE -> new EscPosPrinter(new DeviceLink(Path.of(requireAddress(type, address))), paper);
            case SYSTEM -> system.apply(paper);
            case NONE -> new NoPrinter(paper);
            default -> throw new IllegalArgumentException("printer.type must be one of " + String.join(", ", TYPES)
                    + ", not \"" + type + "\".");
        };
    }

    /** Checks an address without building a printer, for the configuration's validation. */
    public static void checkAddress(String type, String address) {
        if (ESCPOS_TCP.equals(type)) {
            TcpLink.parse(requireAddress(type, address));
        } else if (ESCPOS_DEVICE.equals(type)) {
            Path.of(requireAddress(type, address));
        }
    }

    private static String requireAddress(String type, String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("printer.address is needed for printer.type=" + type
                    + (ESCPOS_TCP.equals(type) ? " (host:port, e.g. 10.0.0.9:9100)." : " (a device, e.g. /dev/usb/lp0)."));
        }
        return address.strip();
    }
}
