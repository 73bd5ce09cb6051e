package org.yizhan.print;

import java.io.ByteArrayOutputStream;

/**
 * The few ESC/POS commands a ticket needs, as bytes (Epson ESC/POS reference; the printers halls buy —
 * Epson, Xprinter, Gainscha, Sunmi and their kin — all take them). Text is never sent as text: the ticket is
 * one raster image, so Chinese prints whatever fonts the printer has. See docs/printing.md.
 */
public final class EscPos {
    static final int DLE = 0x10;
    static final int EOT = 0x04;
    static final int DC4 = 0x14;
    static final int ESC = 0x1B;
    static final int GS = 0x1D;

    /**
     * Rows in one {@code GS v 0}: a whole 80 mm ticket in one command is 70 kB and more, which overflows the
     * receive buffer of many cheap printers (they print garbage or drop the tail); 256 rows is 18 kB at most.
     */
    public static final int BAND_ROWS = 256;

    /** Blank lines fed after the image so its last rows pass the cutter (about 4 mm a line). */
    public static final int FEED_LINES_BEFORE_CUT = 4;

    /** DLE EOT n: real-time status requests; the printer answers one byte at once, even while offline. */
    public static final int STATUS_PRINTER = 1;
    public static final int STATUS_OFFLINE_CAUSE = 2;
    public static final int STATUS_PAPER_ROLL = 4;

    private EscPos() {
    }

    /** ESC @: back to power-on settings (line spacing, alignment), the buffer's earlier data kept. */
    public static byte[] init() {
        return new byte[] {ESC, '@'};
    }

    /** GS v 0 m=0 xL xH yL yH d…: the image at normal size, in bands of at most {@link #BAND_ROWS} rows. */
    public static byte[] raster(MonoImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.rows().length + 8 * (image.height() / BAND_ROWS + 1));
        int bytesWide = image.bytesPerRow();
        byte[] rows = image.rows();
        for (int top = 0; top < image.height(); top += BAND_ROWS) {
            int bandRows = Math.min(BAND_ROWS, image.height() - top);
            out.write(GS);
            out.write('v');
            out.write('0');
            out.write(0);
            out.write(bytesWide & 0xFF);
            out.write(bytesWide >>> 8);
            out.write(bandRows & 0xFF);
            out.write(bandRows >>> 8);
            out.write(rows, top * bytesWide, bandRows * bytesWide);
        }
        return out.toByteArray();
    }

    /** ESC d n: print what is in the buffer and feed n lines. */
    public static byte[] feedLines(int lines) {
        if (lines < 0 || lines > 255) {
            throw new IllegalArgumentException("A feed is 0 to 255 lines, not " + lines + ".");
        }
        return new byte[] {ESC, 'd', (byte) lines};
    }

    /** GS V 1: partial cut (a tab left in the middle, so the ticket does not fall to the floor). */
    public static byte[] partialCut() {
        return new byte[] {GS, 'V', 1};
    }

    /** A whole ticket: init, the raster, a feed past the cutter, a partial cut. */
    public static byte[] ticket(MonoImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(init());
        out.writeBytes(raster(image));
        out.writeBytes(feedLines(FEED_LINES_BEFORE_CUT));
        out.writeBytes(partialCut());
        return out.toByteArray();
    }

    /** DLE EOT n for n = 1, 2, 4. */
    public static byte[] statusRequest(int n) {
        if (n != STATUS_PRINTER && n != STATUS_OFFLINE_CAUSE && n != STATUS_PAPER_ROLL) {
            throw new IllegalArgumentException("DLE EOT asks 1, 2 or 4 here, not " + n + ".");
        }
        return new byte[] {DLE, EOT, (byte) n};
    }

    /** The three status requests in one write; the printer answers three bytes in this order. */
    public static byte[] fullStatusRequest() {
        return new byte[] {DLE, EOT, STATUS_PRINTER, DLE, EOT, STATUS_OFFLINE_CAUSE, DLE, EOT, STATUS_PAPER_ROLL};
    }

    /**
     * GS r 1: the paper sensor, answered only when everything sent before it has been processed, i.e. printed.
     * Its answer is the printer's "done"; a printer that stopped for paper end never answers it.
     */
    public static byte[] doneRequest() {
        return new byte[] {GS, 'r', 1};
    }

    /**
     * DLE DC4 8 1 3 20 1 6 2 8: clear the receive and print buffers, so a ticket that failed (and whose number
     * was voided) does not come out later when a clerk loads paper. Printers without it ignore it.
     */
    public static byte[] clearBuffers() {
        return new byte[] {DLE, DC4, 8, 1, 3, 20, 1, 6, 2, 8};
    }

    /** An answer to DLE EOT n: bits 0 and 7 are 0 and bits 1 and 4 are 1 whatever n was. */
    public static boolean isStatusAnswer(int b) {
        return (b & 0x93) == 0x12;
    }

    /** An answer to GS r 1: bits 4 and 7 are 0 (a DLE EOT answer has bit 4 set, so the two never mix up). */
    public static boolean isDoneAnswer(int b) {
        return (b & 0x90) == 0;
    }
}
