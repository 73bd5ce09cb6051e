package org.yizhan.ui.print;

import java.util.function.Supplier;
import javafx.print.PageLayout;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.yizhan.print.MonoImage;
import org.yizhan.print.Paper;
import org.yizhan.print.PrintFailure;
import org.yizhan.print.PrinterState;
import org.yizhan.print.TicketPrinter;

/**
 * The operating system's default printer (CUPS on Linux, the Windows spooler) through JavaFX's print API.
 * It prints the same raster as the thermal printers, at its true size (203 dpi, so a ticket is as wide as the
 * roll set in {@code printer.paper}), shrunk only if the page is narrower. A spooler cannot say whether paper
 * came out: a job the spooler accepted counts as printed.
 */
public final class SystemTicketPrinter implements TicketPrinter {
    private static final double POINTS_PER_DOT = 72.0 / 203.0;

    private final Paper paper;
    private final Supplier<Printer> defaultPrinter;

    public SystemTicketPrinter(Paper paper) {
        this(paper, Printer::getDefaultPrinter);
    }

    /** For tests: where the default printer comes from. */
    SystemTicketPrinter(Paper paper, Supplier<Printer> defaultPrinter) {
        this.paper = paper;
        this.defaultPrinter = defaultPrinter;
    }

    @Override
    public PrinterState status() {
        return defaultPrinter.get() == null ? PrinterState.OFFLINE : PrinterState.READY;
    }

    @Override
    public void print(MonoImage image) throws PrintFailure {
        Printer printer = defaultPrinter.get();
        if (printer == null) {
            throw new PrintFailure(PrinterState.OFFLINE, "The operating system has no default printer.");
        }
        PrinterJob job = PrinterJob.createPrinterJob(printer);
        if (job == null) {
            throw new PrintFailure(PrinterState.OFFLINE, "The printer " + printer.getName() + " cannot take a job.");
        }
        // Off the FX thread is allowed: the view is in no live scene.
        ImageView view = new ImageView(toFxImage(image));
        PageLayout page = job.getJobSettings().getPageLayout();
        double width = Math.min(image.width() * POINTS_PER_DOT, page.getPrintableWidth());
        view.setFitWidth(width);
        view.setPreserveRatio(true);
        view.setSmooth(false);
        if (!job.printPage(view) || !job.endJob()) {
            job.cancelJob();
            throw new PrintFailure(PrinterState.OFFLINE, "The printer " + printer.getName()
                    + " refused the ticket (" + job.getJobStatus() + ").");
        }
    }

    @Override
    public int dotsWide() {
        return paper.dots();
    }

    @Override
    public String describe() {
        Printer printer = defaultPrinter.get();
        return "system printer " + (printer == null ? "(none)" : printer.getName()) + ", " + paper.millimetres() + " mm";
    }

    @Override
    public void close() {
        // Each ticket is its own job.
    }

    static WritableImage toFxImage(MonoImage image) {
        WritableImage fx = new WritableImage(image.width(), image.height());
        fx.getPixelWriter().setPixels(0, 0, image.width(), image.height(), PixelFormat.getIntArgbInstance(),
                image.toArgb(), 0, image.width());
        return fx;
    }
}
