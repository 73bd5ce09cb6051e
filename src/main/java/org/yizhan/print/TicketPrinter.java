package org.yizhan.print;

/** PLACEHOLDER until the printing branch lands. */
public interface TicketPrinter extends AutoCloseable {
    PrinterState status();

    void print(MonoImage image) throws PrintFailure;

    int dotsWide();

    String describe();

    @Override
    void close();
}
