package org.yizhan.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each bit of the DLE EOT answers, as the ESC/POS reference gives them. */
class StatusReportTest {
    private static final int FIXED = 0x12;   // bits 1 and 4 set in every answer

    @Test
    void allFixedBitsOnlyMeansReady() {
        StatusReport r = StatusReport.parse(FIXED, FIXED, FIXED);
        assertEquals(new StatusReport(false, false, false, false, false, false, false), r);
        assertEquals(PrinterState.READY, r.state());
    }

    @Test
    void printerStatusBit3IsOffline() {
        StatusReport r = StatusReport.parse(FIXED | 0x08, FIXED, FIXED);
        assertTrue(r.offline());
        assertEquals(PrinterState.OFFLINE, r.state());
    }

    @Test
    void theDrawerPinBitChangesNothing() {
        assertEquals(PrinterState.READY, StatusReport.parse(FIXED | 0x04, FIXED, FIXED).state());
    }

    @Test
    void offlineCauseBit2IsCoverOpen() {
        StatusReport r = StatusReport.parse(FIXED | 0x08, FIXED | 0x04, FIXED);
        assertTrue(r.coverOpen());
        assertEquals(PrinterState.COVER_OPEN, r.state());
    }

    @Test
    void offlineCauseBit3IsTheFeedButton() {
        StatusReport r = StatusReport.parse(FIXED | 0x08, FIXED | 0x08, FIXED);
        assertTrue(r.feedButton());
        assertEquals(PrinterState.OFFLINE, r.state());
    }

    @Test
    void offlineCauseBit5IsAStopForPaperEnd() {
        StatusReport r = StatusReport.parse(FIXED | 0x08, FIXED | 0x20, FIXED);
        assertTrue(r.paperEndStop());
        assertEquals(PrinterState.PAPER_OUT, r.state());
    }

    @Test
    void offlineCauseBit6IsAnError() {
        StatusReport r = StatusReport.parse(FIXED, FIXED | 0x40, FIXED);
        assertTrue(r.error());
        assertEquals(PrinterState.OFFLINE, r.state());
    }

    @Test
    void paperRollBits2And3AreNearEndAndStillReady() {
        StatusReport r = StatusReport.parse(FIXED, FIXED, FIXED | 0x0C);
        assertTrue(r.paperNearEnd());
        assertFalse(r.paperOut());
        assertEquals(PrinterState.READY, r.state());
    }

    @Test
    void paperRollBits5And6AreNoPaper() {
        StatusReport r = StatusReport.parse(FIXED, FIXED, FIXED | 0x60);
        assertTrue(r.paperOut());
        assertEquals(PrinterState.PAPER_OUT, r.state());
    }

    @Test
    void aCoverOpenOnAnEmptyRollSaysCoverOpenFirst() {
        assertEquals(PrinterState.COVER_OPEN, StatusReport.parse(0x1A, 0x36, 0x7E).state());
    }

    @Test
    void aByteThatIsNoAnswerIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StatusReport.parse(0x00, FIXED, FIXED));
        assertEquals("0x00 is not an answer to DLE EOT 1 (bits 1 and 4 must be 1, bits 0 and 7 must be 0).",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StatusReport.parse(FIXED, 0x93, FIXED));
    }
}
