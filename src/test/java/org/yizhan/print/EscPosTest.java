package org.yizhan.print;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.yizhan.testing.EscPosDecoder;

class EscPosTest {

    @Test
    void aTinyImageIsOneRasterCommandWithItsSizeInBytesAndRows() {
        MonoImage image = new MonoImage(10, 2, new byte[] {(byte) 0x80, 0x40, 0x01, 0x00});

        assertArrayEquals(new byte[] {
                0x1D, 'v', '0', 0,      // GS v 0, normal size
                2, 0,                   // xL xH: 2 bytes a row
                2, 0,                   // yL yH: 2 rows
                (byte) 0x80, 0x40, 0x01, 0x00}, EscPos.raster(image));
    }

    @Test
    void aTallImageGoesInBandsOf256Rows() {
        int rows = 600;
        byte[] data = new byte[72 * rows];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i / 72);   // each row its own value, to see the order
        }
        MonoImage image = new MonoImage(576, rows, data);

        byte[] bytes = EscPos.raster(image);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int[] bands = {256, 256, 88};
        int top = 0;
        for (int band : bands) {
            expected.writeBytes(new byte[] {0x1D, 'v', '0', 0, 72, 0, (byte) (band & 0xFF), (byte) (band >>> 8)});
            expected.write(data, top * 72, band * 72);
            top += band;
        }
        assertArrayEquals(expected.toByteArray(), bytes);
        assertEquals(image, EscPosDecoder.decode(concat(bytes, EscPos.partialCut())).images().get(0));
    }

    @Test
    void aTicketIsInitRasterFeedAndPartialCut() {
        MonoImage image = new MonoImage(8, 1, new byte[] {(byte) 0xAA});

        assertArrayEquals(new byte[] {
                0x1B, '@',
                0x1D, 'v', '0', 0, 1, 0, 1, 0, (byte) 0xAA,
                0x1B, 'd', 4,
                0x1D, 'V', 1}, EscPos.ticket(image));
    }

    @Test
    void statusRequestsAreDleEotN() {
        assertArrayEquals(new byte[] {0x10, 0x04, 1}, EscPos.statusRequest(1));
        assertArrayEquals(new byte[] {0x10, 0x04, 2}, EscPos.statusRequest(2));
        assertArrayEquals(new byte[] {0x10, 0x04, 4}, EscPos.statusRequest(4));
        assertArrayEquals(concat(EscPos.statusRequest(1), EscPos.statusRequest(2), EscPos.statusRequest(4)),
                EscPos.fullStatusRequest());
        assertThrows(IllegalArgumentException.class, () -> EscPos.statusRequest(3));
        assertArrayEquals(new byte[] {0x1D, 'r', 1}, EscPos.doneRequest());
        assertArrayEquals(new byte[] {0x10, 0x14, 8, 1, 3, 20, 1, 6, 2, 8}, EscPos.clearBuffers());
    }

    @Test
    void statusAnswersAndDoneAnswersAreToldApart() {
        assertTrue(EscPos.isStatusAnswer(0x12));
        assertTrue(EscPos.isStatusAnswer(0x7E));
        assertFalse(EscPos.isStatusAnswer(0x00));
        assertFalse(EscPos.isStatusAnswer(0x92));
        assertTrue(EscPos.isDoneAnswer(0x00));
        assertTrue(EscPos.isDoneAnswer(0x0F));
        assertFalse(EscPos.isDoneAnswer(0x12));
    }

    @Test
    void aFeedOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EscPos.feedLines(256));
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
