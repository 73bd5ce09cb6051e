package org.yizhan.config;

import java.util.Locale;
import java.util.Optional;

/** {@code printer.type}: how the kiosk prints tickets and checklists. */
public enum PrinterType {
    /** An ESC/POS thermal printer on the network, usually port 9100. */
    ESCPOS_TCP("escpos-tcp"),
    /** An ESC/POS thermal printer on a device file: USB ({@code /dev/usb/lp0}) or a serial port. */
    ESCPOS_DEVICE("escpos-device"),
    /** The operating system's default printer (CUPS on Linux, the spooler on Windows). */
    SYSTEM("system"),
    /** No printer. */
    NONE("none");

    private final String value;

    PrinterType(String value) {
        this.value = value;
    }

    /** The word used in kiosk.properties, e.g. {@code escpos-tcp}. */
    public String value() {
        return value;
    }

    public static Optional<PrinterType> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (PrinterType t : values()) {
            if (t.value.equals(wanted)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
