package org.yizhan.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.yizhan.print.MonoImage;

/**
 * Reads an ESC/POS byte stream the way a printer does, for the commands the kiosk sends: it finds the raster
 * bands (GS v 0), stacks them into one image a job, and sees cuts, feeds and status requests. Anything else is
 * reported as an unknown byte, so a test notices a command it did not expect.
 */
public final class EscPosDecoder {
    private static final int DLE = 0x10;
    private static final int ESC = 0x1B;
    private static final int GS = 0x1D;

    /** What the stream asked for, in order. */
    public interface Listener {
        default void init() {
        }

        default void band(MonoImage band) {
        }

        default void feed(int lines) {
        }

        default void cut() {
        }

        /** DLE EOT n. */
        default void statusRequest(int n) {
        }

        /** GS r n. */
        default void doneRequest(int n) {
        }

        /** DLE DC4 8. */
        default void clearBuffers() {
        }

        default void unknown(int b) {
        }
    }

    /** A whole stream read at once: the cut jobs' images, cuts, status requests and stray bytes. */
    public record Decoded(List<MonoImage> images, int cuts, List<Integer> statusRequests, int unknownBytes) {
    }

    private EscPosDecoder() {
    }

    public static Decoded decode(byte[] bytes) {
        List<MonoImage> images = new ArrayList<>();
        List<MonoImage> bands = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        int[] cuts = {0};
        int[] unknown = {0};
        try {
            decode(new ByteArrayInputStream(bytes), new Listener() {
                @Override
                public void band(MonoImage band) {
                    bands.add(band);
                }

                @Override
                public void cut() {
                    cuts[0]++;
                    if (!bands.isEmpty()) {
                        images.add(stack(bands));
                        bands.clear();
                    }
                }

                @Override
                public void statusRequest(int n) {
                    statuses.add(n);
                }

                @Override
                public void unknown(int b) {
                    unknown[0]++;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Decoded(images, cuts[0], statuses, unknown[0]);
    }

    /** Reads commands until the stream ends; a command cut off by the end throws {@link EOFException}. */
    public static void decode(InputStream in, Listener listener) throws IOException {
        int b;
        while ((b = in.read()) >= 0) {
            switch (b) {
                case ESC -> escape(in, listener);
                case GS -> group(in, listener);
                case DLE -> realTime(in, listener);
                case '\n' -> listener.feed(1);
                default -> listener.unknown(b);
            }
        }
    }

    /** Bands of one job, top to bottom, as one image. */
    public static MonoImage stack(List<MonoImage> bands) {
        int width = bands.get(0).width();
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        int height = 0;
        for (MonoImage band : bands) {
            if (band.width() != width) {
                throw new IllegalStateException("Bands of one job differ in width: " + width + " and " + band.width());
            }
            rows.writeBytes(band.rows());
            height += band.height();
        }
        return new MonoImage(width, height, rows.toByteArray());
    }

    private static void escape(InputStream in, Listener listener) throws IOException {
        int c = next(in);
        switch (c) {
            case '@' -> listener.init();
            case 'd' -> listener.feed(next(in));
            case 'J' -> listener.feed(next(in) > 0 ? 1 : 0);
            default -> {
                listener.unknown(ESC);
                listener.unknown(c);
            }
        }
    }

    private static void group(InputStream in, Listener listener) throws IOException {
        int c = next(in);
        switch (c) {
            case 'v' -> {
                int zero = next(in);
                int mode = next(in);
                int bytesWide = next(in) | next(in) << 8;
                int rows = next(in) | next(in) << 8;
                if (zero != '0' || mode != 0) {
                    throw new IOException("GS v " + zero + " " + mode + " is not the normal-size raster GS v 0 0");
                }
                byte[] data = in.readNBytes(bytesWide * rows);
                if (data.length < bytesWide * rows) {
                    throw new EOFException("raster band cut short: " + data.length + " of " + bytesWide * rows + " bytes");
                }
                listener.band(new MonoImage(bytesWide * 8, rows, data));
            }
            case 'V' -> {
                int m = next(in);
                if (m >= 65) {
                    next(in);
                }
                listener.cut();
            }
            case 'r' -> listener.doneRequest(next(in));
            default -> {
                listener.unknown(GS);
                listener.unknown(c);
            }
        }
    }

    private static void realTime(InputStream in, Listener listener) throws IOException {
        int c = next(in);
        if (c == 0x04) {
            listener.statusRequest(next(in));
        } else if (c == 0x14) {
            int fn = next(in);
            if (fn == 8) {
                in.readNBytes(7);
                listener.clearBuffers();
            } else {
                listener.unknown(fn);
            }
        } else {
            listener.unknown(DLE);
            listener.unknown(c);
        }
    }

    private static int next(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("command cut off by the end of the stream");
        }
        return b;
    }
}
