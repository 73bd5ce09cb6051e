package org.yizhan.print;

/**
 * The printer's three real-time status bytes (answers to DLE EOT 1, 2 and 4), read bit by bit.
 *
 * <pre>
 * DLE EOT 1, printer:       bit 3  1 = offline                 (bit 2: drawer pin 3, not used)
 * DLE EOT 2, offline cause: bit 2  1 = cover open
 *                           bit 3  1 = paper fed by the FEED button
 *                           bit 5  1 = printing stopped by paper end
 *                           bit 6  1 = an error occurred (cutter, head temperature, …)
 * DLE EOT 4, paper roll:    bits 2,3  11 = roll near its end (00 = enough)
 *                           bits 5,6  11 = no paper at the roll sensor (00 = paper present)
 * every answer:             bits 1 and 4 are 1, bits 0 and 7 are 0 (how an answer is told from other bytes)
 * </pre>
 */
public record StatusReport(boolean offline, boolean coverOpen, boolean feedButton, boolean paperEndStop,
        boolean error, boolean paperNearEnd, boolean paperOut) {

    public static StatusReport parse(int printer, int offlineCause, int paperRoll) {
        requireAnswer(printer, "DLE EOT 1");
        requireAnswer(offlineCause, "DLE EOT 2");
        requireAnswer(paperRoll, "DLE EOT 4");
        return new StatusReport(
                bit(printer, 3),
                bit(offlineCause, 2),
                bit(offlineCause, 3),
                bit(offlineCause, 5),
                bit(offlineCause, 6),
                (paperRoll & 0x0C) == 0x0C,
                (paperRoll & 0x60) == 0x60);
    }

    /**
     * One state for the kiosk. The cover comes first: with it open the paper sensor may see no paper, and
     * closing it is the clerk's first move; an offline printer for no known cause is OFFLINE.
     */
    public PrinterState state() {
        if (coverOpen) {
            return PrinterState.COVER_OPEN;
        }
        if (paperOut || paperEndStop) {
            return PrinterState.PAPER_OUT;
        }
        if (offline || error) {
            return PrinterState.OFFLINE;
        }
        return PrinterState.READY;
    }

    private static boolean bit(int b, int n) {
        return (b & (1 << n)) != 0;
    }

    private static void requireAnswer(int b, String request) {
        if (!EscPos.isStatusAnswer(b)) {
            throw new IllegalArgumentException(String.format(
                    "0x%02X is not an answer to %s (bits 1 and 4 must be 1, bits 0 and 7 must be 0).", b, request));
        }
    }
}
