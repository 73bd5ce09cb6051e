package org.yizhan.print;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MonoImageTest {
    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;

    @Test
    void darkPixelsAreBlackMostSignificantBitFirstAndRowsArePaddedToBytes() {
        int[] argb = new int[10 * 2];
        java.util.Arrays.fill(argb, WHITE);
        argb[0] = BLACK;          // row 0, x 0 -> 0x80 of byte 0
        argb[9] = BLACK;          // row 0, x 9 -> 0x40 of byte 1
        argb[10 + 7] = BLACK;     // row 1, x 7 -> 0x01 of byte 2

        MonoImage image = MonoImage.fromArgb(10, 2, argb);

        assertEquals(2, image.bytesPerRow());
        assertArrayEquals(new byte[] {(byte) 0x80, 0x40, 0x01, 0x00}, image.rows());
        assertTrue(image.isBlack(9, 0));
        assertFalse(image.isBlack(8, 0));
    }

    @Test
    void theThresholdIsMidGreyByLuminance() {
        int darkGrey = 0xFF7F7F7F;   // luma 127
        int lightGrey = 0xFF808080;  // luma 128
        int pureBlue = 0xFF0000FF;   // luma 29: dark although "bright" blue
        int yellow = 0xFFFFFF00;     // luma 226
        MonoImage image = MonoImage.fromArgb(4, 1, new int[] {darkGrey, lightGrey, pureBlue, yellow});

        assertTrue(image.isBlack(0, 0));
        assertFalse(image.isBlack(1, 0));
        assertTrue(image.isBlack(2, 0));
        assertFalse(image.isBlack(3, 0));
    }

    @Test
    void aTransparentPixelIsPaper() {
        MonoImage image = MonoImage.fromArgb(2, 1, new int[] {0x00000000, 0x40000000});
        assertFalse(image.isBlack(0, 0));
        assertFalse(image.isBlack(1, 0));
    }

    @Test
    void toArgbGivesBackBlackAndWhite() {
        int[] argb = {BLACK, WHITE, WHITE, BLACK};
        assertArrayEquals(argb, MonoImage.fromArgb(2, 2, argb).toArgb());
    }

    @Test
    void equalityIsByPixelsAndTheRowsCannotBeChangedFromOutside() {
        byte[] rows = {(byte) 0xF0};
        MonoImage image = new MonoImage(4, 1, rows);
        rows[0] = 0;
        image.rows()[0] = 0;

        assertEquals(new MonoImage(4, 1, new byte[] {(byte) 0xF0}), image);
        assertEquals(new MonoImage(4, 1, new byte[] {(byte) 0xF0}).hashCode(), image.hashCode());
        assertNotEquals(MonoImage.blank(4, 1), image);
    }

    @Test
    void aWrongNumberOfBytesIsRefusedInOneSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MonoImage(9, 2, new byte[2]));
        assertEquals("A 9×2 image needs 4 bytes of rows, not 2.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MonoImage.blank(0, 5));
        assertThrows(IllegalArgumentException.class, () -> MonoImage.fromArgb(2, 2, new int[3]));
    }

    @Test
    void rowsBetweenCutsABand() {
        MonoImage image = new MonoImage(8, 3, new byte[] {1, 2, 3});
        assertEquals(new MonoImage(8, 2, new byte[] {2, 3}), image.rowsBetween(1, 3));
    }
}
