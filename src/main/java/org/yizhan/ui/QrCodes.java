package org.yizhan.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import java.util.Optional;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** QR codes as images, drawn module by module so they stay sharp at any size. */
public final class QrCodes {

    private QrCodes() {
    }

    /** An image about {@code size} pixels square, or empty if the text cannot be encoded. */
    public static Optional<Image> image(String text, int size) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8",
                            EncodeHintType.MARGIN, 2));
            int scale = Math.max(1, size / m.getWidth());
            WritableImage img = new WritableImage(m.getWidth() * scale, m.getHeight() * scale);
            PixelWriter w = img.getPixelWriter();
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    Color c = m.get(x, y) ? Color.BLACK : Color.WHITE;
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            w.setColor(x * scale + dx, y * scale + dy, c);
                        }
                    }
                }
            }
            return Optional.of(img);
        } catch (WriterException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
