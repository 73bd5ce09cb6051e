package org.yizhan.print;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS thermal printer over a {@link PrinterLink}. A ticket counts only once printed, so where the link
 * is two-way a print asks the status first (no paper, no connection: nothing is sent), sends the raster, a
 * feed and a cut, waits for the printer to say it has done, and asks the status again: a printer that ran out
 * of paper in the middle of the ticket is a failure.
 */
public final class EscPosPrinter implements TicketPrinter {
    private static final Logger LOG = LoggerFactory.getLogger(EscPosPrinter.class);

    /** How long a printer has to answer a status request; a live one answers in milliseconds. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);
    /** A slow thermal printer prints 100 mm a second; the wait for "done" allows for it. */
    private static final int SLOW_ROWS_PER_SECOND = 100 * Paper.DOTS_PER_MM;

    private final PrinterLink link;
    private final Paper paper;
    private final Duration answerTimeout;

    public EscPosPrinter(PrinterLink link, Paper paper) {
        this(link, paper, ANSWER_TIMEOUT);
    }

    public EscPosPrinter(PrinterLink link, Paper paper, Duration answerTimeout) {
        this.link = link;
        this.paper = paper;
        this.answerTimeout = answerTimeout;
    }

    /** One conversation at a time: many network printers take a single connection and queue the next. */
    @Override
    public synchronized PrinterState status() {
        try (PrinterLink.Session session = link.open()) {
            return askState(session);
        } catch (IOException e) {
            LOG.debug("Printer {} not reachable: {}", describe(), e.toString());
            return PrinterState.OFFLINE;
        }
    }

    @Override
    public synchronized void print(MonoImage image) throws PrintFailure {
        if (image.width() > paper.dots()) {
            throw new IllegalArgumentException("A " + image.width() + " dots wide image does not fit on "
                    + paper.millimetres() + " mm paper (" + paper.dots() + " dots).");
        }
        PrinterLink.Session session;
        try {
            session = link.open();
        } catch (IOException e) {
            throw new PrintFailure(PrinterState.OFFLINE, "The printer (" + describe() + ") cannot be reached: "
                    + e.getMessage() + ".", e);
        }
        try (session) {
            PrinterState before = askState(session);
            if (before != PrinterState.READY && before != PrinterState.UNKNOWN) {
                throw failure(before, "before printing");
            }
            session.write(EscPos.ticket(image));
            if (before == PrinterState.UNKNOWN) {
                // A one-way link: the bytes went out, and that is all anyone can know.
                return;
            }
            boolean done = awaitDone(session, image.height());
            PrinterState after = askState(session);
            if (after != PrinterState.READY) {
                clearBuffers(session);
                throw failure(after, "after printing");
            }
            if (!done) {
                LOG.info("Printer {} did not answer GS r 1 after a ticket; counted as printed since it reports READY.",
                        describe());
            }
        } catch (IOException e) {
            throw new PrintFailure(PrinterState.OFFLINE, "The connection to the printer (" + describe()
                    + ") broke while printing: " + e.getMessage() + ".", e);
        }
    }

    @Override
    public int dotsWide() {
        return paper.dots();
    }

    @Override
    public String describe() {
        return "ESC/POS " + link.describe() + ", " + paper.millimetres() + " mm";
    }

    @Override
    public void close() {
        // Every job and status check opens and closes its own session: nothing is held between tickets.
    }

    /** Asks DLE EOT 1, 2 and 4; the link's {@link PrinterLink#silence()} when three answers do not come in time. */
    private PrinterState askState(PrinterLink.Session session) throws IOException {
        if (!session.canRead()) {
            return PrinterState.UNKNOWN;
        }
        session.discardInput();
        session.write(EscPos.fullStatusRequest());
        long deadline = System.nanoTime() + answerTimeout.toNanos();
        int[] answers = new int[3];
        for (int i = 0; i < answers.length; i++) {
            int b;
            do {
                // A byte that is no status answer (a late GS r answer, line noise) is skipped.
                b = session.read(deadline);
            } while (b >= 0 && !EscPos.isStatusAnswer(b));
            if (b < 0) {
                LOG.debug("Printer {} gave {} of 3 status answers in {} ms.", describe(), i, answerTimeout.toMillis());
                return link.silence();
            }
            answers[i] = b;
        }
        StatusReport report = StatusReport.parse(answers[0], answers[1], answers[2]);
        if (report.paperNearEnd() && report.state() == PrinterState.READY) {
            LOG.warn("Printer {}: the paper roll is near its end.", describe());
        }
        return report.state();
    }

    /** Sends GS r 1 and waits for its answer, which comes once everything before it is printed. */
    private boolean awaitDone(PrinterLink.Session session, int rows) throws IOException {
        session.write(EscPos.doneRequest());
        long printNanos = Duration.ofSeconds(1).multipliedBy(rows).dividedBy(SLOW_ROWS_PER_SECOND).toNanos();
        long deadline = System.nanoTime() + answerTimeout.toNanos() + printNanos;
        int b;
        do {
            b = session.read(deadline);
        } while (b >= 0 && !EscPos.isDoneAnswer(b));
        return b >= 0;
    }

    private void clearBuffers(PrinterLink.Session session) {
        try {
            session.write(EscPos.clearBuffers());
        } catch (IOException e) {
            LOG.debug("Printer {}: could not clear its buffers: {}", describe(), e.toString());
        }
    }

    private PrintFailure failure(PrinterState state, String when) {
        String what = switch (state) {
            case PAPER_OUT -> "is out of paper";
            case COVER_OPEN -> "has its cover open";
            case OFFLINE -> "is offline or did not answer within " + answerTimeout.toMillis() + " ms";
            case UNKNOWN -> "stopped answering";
            case READY -> "is ready";
        };
        return new PrintFailure(state, "The printer (" + describe() + ") " + what + " " + when + ".");
    }
}
