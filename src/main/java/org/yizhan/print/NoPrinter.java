package org.yizhan.print;

/** {@code printer.type=none}: nothing prints; the kiosk shows a number on screen only where the hall allows it. */
final class NoPrinter implements TicketPrinter {
    private final Paper paper;

    NoPrinter(Paper paper) {
        this.paper = paper;
    }

    @Override
    public PrinterState status() {
        return PrinterState.OFFLINE;
    }

    @Override
    public void print(MonoImage image) throws PrintFailure {
        throw new PrintFailure(PrinterState.OFFLINE, "This kiosk has no printer (printer.type=none).");
    }

    @Override
    public int dotsWide() {
        return paper.dots();
    }

    @Override
    public String describe() {
        return "no printer";
    }

    @Override
    public void close() {
        // Nothing is open.
    }
}
