package org.yizhan.print;

import java.util.Arrays;

/**
 * A 1-bit raster as a thermal printer takes it: 1 = black, the leftmost pixel in the highest bit, each row
 * padded to whole bytes. The ticket is laid out at the printer's width, so nothing here scales.
 */
public record MonoImage(int width, int height, byte[] rows) {

    /** Mid-grey: below it a pixel prints. Right for text and a QR code, which must stay crisp. */
    public static final int THRESHOLD = 128;

    public MonoImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("An image to print needs a width and a height above 0, not "
                    + width + "×" + height + ".");
        }
        if (rows.length != bytesPerRow(width) * height) {
            throw new IllegalArgumentException("A " + width + "×" + height + " image needs "
                    + bytesPerRow(width) * height + " bytes of rows, not " + rows.length + ".");
        }
        rows = rows.clone();
    }

    /** Black where a pixel's luminance is below {@link #THRESHOLD}; a transparent pixel is paper. */
    public static MonoImage fromArgb(int width, int height, int[] argb) {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("A " + width + "×" + height + " image needs " + width * height
                    + " pixels, not " + argb.length + ".");
        }
        int stride = bytesPerRow(width);
        byte[] rows = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (isDark(argb[y * width + x])) {
                    rows[y * stride + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return new MonoImage(width, height, rows);
    }

    /** All paper. */
    public static MonoImage blank(int width, int height) {
        return new MonoImage(width, height, new byte[bytesPerRow(width) * height]);
    }

    public static int bytesPerRow(int width) {
        return (width + 7) / 8;
    }

    public int bytesPerRow() {
        return bytesPerRow(width);
    }

    @Override
    public byte[] rows() {
        return rows.clone();
    }

    public boolean isBlack(int x, int y) {
        return (rows[y * bytesPerRow() + x / 8] & (0x80 >>> (x % 8))) != 0;
    }

    /** Opaque black and white pixels, for a screen or the system printer. */
    public int[] toArgb() {
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                argb[y * width + x] = isBlack(x, y) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        return argb;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), as a printer band. */
    public MonoImage rowsBetween(int from, int to) {
        return new MonoImage(width, to - from, Arrays.copyOfRange(rows, from * bytesPerRow(), to * bytesPerRow()));
    }

    private static boolean isDark(int argb) {
        int alpha = argb >>> 24;
        if (alpha < THRESHOLD) {
            return false;
        }
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        // ITU-R BT.601 luma in integers.
        return (299 * r + 587 * g + 114 * b) / 1000 < THRESHOLD;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonoImage m && m.width == width && m.height == height && Arrays.equals(m.rows, rows);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rows);
    }

    @Override
    public String toString() {
        return "MonoImage[" + width + "×" + height + "]";
    }
}
