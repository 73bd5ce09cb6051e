package org.yizhan.print;

/** What a printer says of itself before and after a ticket. */
public enum PrinterState {
    /** Online with paper; a ticket may be printed. */
    READY,
    /** The roll is empty (or the printer stopped for paper end). */
    PAPER_OUT,
    /** The cover is open. */
    COVER_OPEN,
    /** Not reachable, not answering, or stopped by an error. */
    OFFLINE,
    /** The link is one-way (a device file that answers nothing): the printer cannot say. */
    UNKNOWN
}
