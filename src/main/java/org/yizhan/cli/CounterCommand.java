package org.yizhan.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.HallFailure;
import org.yizhan.queue.QueueBoard;
import org.yizhan.queue.QueueInfo;
import org.yizhan.queue.TicketInfo;
import org.yizhan.queue.WindowInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code counter --window 3 call-next}: a clerk's window (窗口) moves the queue from the command line, until
 * the counters get their page; also what tests and a technician use to check a hall's queues.
 */
@Command(name = "counter", mixinStandardHelpOptions = true,
        description = {"Moves the hall's queue as a counter (窗口): sign-in QUEUE…, sign-out, call-next, recall, start, "
                + "done, no-show, transfer QUEUE, pause, resume; status prints the queues and the windows.",
                "Example: yizhan counter --window 3 sign-in huji shebao"})
final class CounterCommand implements Callable<Integer> {
    private static final Map<String, String> DONE = Map.of("recall", "called again", "start", "serving",
            "done", "done", "no-show", "no-show");

    @CommandLine.Mixin
    HallServerOptions hallServer;

    @Option(names = "--window", paramLabel = "ID", description = "This counter's window, e.g. 3.")
    String window;

    @Parameters(index = "0", paramLabel = "ACTION",
            description = "sign-in, sign-out, call-next, recall, start, done, no-show, transfer, pause, resume or status.")
    String action;

    @Parameters(index = "1..*", paramLabel = "QUEUE", description = "The queues to sign in for, or the queue to transfer to.")
    List<String> queues = List.of();

    @Override
    public Integer call() {
        PrintStream out = System.out;
        List<String> actions = List.of("sign-in", "sign-out", "call-next", "recall", "start", "done", "no-show",
                "transfer", "pause", "resume", "status");
        if (!actions.contains(action)) {
            return usage("unknown action " + action + "; give one of " + String.join(", ", actions));
        }
        boolean takesQueues = action.equals("sign-in") || action.equals("transfer");
        if (takesQueues && queues.isEmpty()) {
            return usage(action + " needs " + (action.equals("sign-in") ? "the queues this window serves, e.g. sign-in huji shebao"
                    : "the queue to send the ticket to, e.g. transfer zonghe"));
        }
        if (!takesQueues && !queues.isEmpty() || action.equals("transfer") && queues.size() > 1) {
            return usage(action + " takes " + (action.equals("transfer") ? "one queue" : "no queue") + ", not " + queues);
        }
        if (!action.equals("status") && (window == null || window.isBlank())) {
            return usage(action + " needs --window, e.g. --window 3");
        }
        HallClient hall;
        try {
            hall = hallServer.client();
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage()); // both, or a --pin that is no fingerprint
        } catch (IOException | java.security.GeneralSecurityException e) {
            System.err.println("counter: " + hallServer.trustProblem(e));
            return 1;
        }
        try {
            if (action.equals("status")) {
                status(hall, out);
                return 0;
            }
            hall = hall.withHallSecret(hallServer.secret());
            String path = "queue/windows/" + window + "/" + action;
            switch (action) {
                case "sign-in" -> {
                    WindowInfo signed = hall.postJson(path, Map.of("queues", queues), WindowInfo.class);
                    out.println("window " + signed.window() + " signed in for " + String.join(", ", signed.queues()));
                }
                case "sign-out" -> {
                    hall.postJson(path, Map.of(), Void.class);
                    out.println("window " + window + " signed out");
                }
                case "call-next" -> {
                    TicketInfo called = hall.postJson(path, Map.of(), TicketInfo.class);
                    out.println(called == null ? "nobody waits for window " + window
                            : "window " + window + " calls " + called.number() + " (" + called.queueName()
                            + (called.priority() ? ", priority lane" : "") + ")");
                }
                case "pause", "resume" -> {
                    WindowInfo w = hall.postJson(path, Map.of(), WindowInfo.class);
                    out.println("window " + w.window() + (w.paused() ? " paused: it calls no one until resumed"
                            : " works again"));
                }
                case "transfer" -> {
                    TicketInfo moved = hall.postJson(path, Map.of("queue", queues.get(0)), TicketInfo.class);
                    out.println(moved.number() + " transferred to " + moved.queueName() + ", " + moved.ahead()
                            + " ahead of it there");
                }
                default -> {
                    TicketInfo moved = hall.postJson(path, Map.of(), TicketInfo.class);
                    out.println(moved.number() + ": " + DONE.get(action));
                }
            }
            return 0;
        } catch (HallFailure.Refused e) {
            System.err.println("counter: " + e.serverMessage().orElse(e.getMessage()));
            return 1;
        } catch (HallFailure e) {
            System.err.println("counter: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("counter: cannot read the hall secret: " + FileProblems.describe(e)
                    + " (it is DATA/hall.secret on the hall server; give it with --secret-file)");
            return 1;
        }
    }

    private static void status(HallClient hall, PrintStream out) throws HallFailure {
        QueueBoard board = hall.getJson("queue/queues", QueueBoard.class);
        out.println(board.hall() + " " + board.businessDate() + " (" + board.timeZone() + ")");
        for (QueueInfo q : board.queues()) {
            out.printf("%-2s %-10s %-16s waiting %3d  wait %s  hours %s%n", q.prefix(), q.id(),
                    q.open() ? "open" : q.closedReason(), q.waiting(),
                    q.estimatedWaitMinutes() == null ? "—" : "~" + q.estimatedWaitMinutes() + " min",
                    q.hoursToday().isEmpty() ? "closed today" : q.hoursToday());
        }
        WindowInfo[] windows = hall.getJson("queue/windows", WindowInfo[].class);
        if (windows.length == 0) {
            out.println("no window signed in");
        }
        for (WindowInfo w : windows) {
            out.println("window " + w.window() + " serves " + String.join(", ", w.queues())
                    + (w.number() == null ? ", free" : ", " + w.number() + " " + w.state().wire()));
        }
    }

    private static int usage(String problem) {
        System.err.println("counter: " + problem);
        return 2;
    }
}
