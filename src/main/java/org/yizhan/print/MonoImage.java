package org.yizhan.print;

/** PLACEHOLDER until the printing branch lands: a 1-bit raster, 1 = black, MSB first, rows padded to bytes. */
public record MonoImage(int width, int height, byte[] rows) {
    public static MonoImage fromArgb(int width, int height, int[] argb) {
        int stride = (width + 7) / 8;
        byte[] rows = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = argb[y * width + x];
                int a = p >>> 24;
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                int lum = (299 * r + 587 * g + 114 * b) / 1000;
                lum = (lum * a + 255 * (255 - a)) / 255;
                if (lum < 128) {
                    rows[y * stride + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return new MonoImage(width, height, rows);
    }
}
