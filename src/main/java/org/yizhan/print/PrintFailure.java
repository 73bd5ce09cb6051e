package org.yizhan.print;

/** A ticket that did not come out of the printer, with the state the printer was found in. */
public final class PrintFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final PrinterState state;

    public PrintFailure(PrinterState state, String message) {
        super(message);
        this.state = state;
    }

    public PrintFailure(PrinterState state, String message, Throwable cause) {
        super(message, cause);
        this.state = state;
    }

    public PrinterState state() {
        return state;
    }
}
