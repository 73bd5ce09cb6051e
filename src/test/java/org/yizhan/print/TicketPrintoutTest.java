package org.yizhan.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.testing.FakeEscPosPrinter;

/**
 * A ticket printed on the loopback printer and read back from the raster it received, for people to look at:
 * {@code target/screenshots/ticket-printed-58mm.png} and {@code -80mm.png}.
 */
class TicketPrintoutTest {

    @Test
    void theTicketPrintedOn58mmPaperIsTheTicketSent() throws PrintFailure {
        Path png = printAndReadBack(ticket(Paper.MM58.dots()), Paper.MM58, "ticket-printed-58mm");
        assertTrue(Files.isRegularFile(png));
    }

    @Test
    void theTicketPrintedOn80mmPaperIsTheTicketSent() throws PrintFailure {
        Path png = printAndReadBack(ticket(Paper.MM80.dots()), Paper.MM80, "ticket-printed-80mm");
        assertTrue(Files.isRegularFile(png));
    }

    /**
     * Prints the ticket on a fake printer over TCP, checks the printer got exactly that image and cut once, and
     * writes what it got as a PNG. The kiosk's ticket layout goes in here in place of {@link #ticket(int)}.
     */
    static Path printAndReadBack(MonoImage ticket, Paper paper, String name) throws PrintFailure {
        try (FakeEscPosPrinter fake = FakeEscPosPrinter.start();
                TicketPrinter printer = Printers.create(Printers.ESCPOS_TCP, fake.address(), paper.millimetres(), null)) {
            printer.print(ticket);

            assertEquals(List.of(ticket), fake.receivedImages());
            assertEquals(1, fake.jobsCut());
            return FakeEscPosPrinter.savePng(fake.receivedImages().get(0), name);
        }
    }

    /** A stand-in ticket: the hall, a large number, the queue, people ahead, a QR-sized square, the time. */
    static MonoImage ticket(int width) {
        int height = width * 3 / 2;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        Font regular = font("NotoSansCJKsc-Regular-subset.otf");
        Font bold = font("NotoSansCJKsc-Bold-subset.otf");
        int unit = width / 16;
        centred(g, regular.deriveFont((float) unit), "云溪县政务服务中心", width, unit * 2);
        centred(g, bold.deriveFont(unit * 4f), "A007", width, unit * 7);
        centred(g, regular.deriveFont(unit * 1.1f), "户籍与身份证", width, unit * 9);
        centred(g, regular.deriveFont((float) unit), "您前面还有 6 人", width, unit * 11);
        int qr = unit * 6;
        int left = (width - qr) / 2;
        int top = unit * 12;
        int cell = qr / 21;
        for (int y = 0; y < 21; y++) {
            for (int x = 0; x < 21; x++) {
                boolean finder = (x < 7 || x > 13) && y < 7 || x < 7 && y > 13;
                boolean dark = finder ? finderCell(x % 14, y % 14) : ((x * 31 + y * 17) ^ (x * y)) % 3 == 0;
                if (dark) {
                    g.fillRect(left + x * cell, top + y * cell, cell, cell);
                }
            }
        }
        centred(g, regular.deriveFont(unit * 0.8f), "2026-11-30 09:05  请取走您的排队票", width, height - unit);
        g.dispose();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        return MonoImage.fromArgb(width, height, argb);
    }

    private static boolean finderCell(int x, int y) {
        int ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
        return ring != 2;
    }

    private static void centred(Graphics2D g, Font font, String text, int width, int baseline) {
        g.setFont(font);
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (width - w) / 2, baseline);
    }

    private static Font font(String file) {
        try (InputStream in = Files.newInputStream(Path.of("assets/fonts", file))) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("The bundled font " + file + " cannot be read by AWT", e);
        }
    }
}
