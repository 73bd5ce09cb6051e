package org.yizhan.print;

/** PLACEHOLDER until the printing branch lands. */
public final class PrintFailure extends Exception {
    private final PrinterState state;

    public PrintFailure(PrinterState state, String message) {
        super(message);
        this.state = state;
    }

    public PrinterState state() {
        return state;
    }
}
