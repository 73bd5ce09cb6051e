package org.yizhan.outbox;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.KioskIdentity;
import org.yizhan.print.MonoImage;
import org.yizhan.print.PrinterState;
import org.yizhan.print.TicketPrinter;
import org.yizhan.queue.QueueClient;
import org.yizhan.testing.CurrentThreadTaskExecutor;
import org.yizhan.testing.RecordingNavigator;
import org.yizhan.ui.Messages;
import org.yizhan.ui.queue.QueueViewModel;

/**
 * A kiosk in its own JVM for {@link OutboxKillTest}: the real 取号 ViewModel, outbox and client of the hall server,
 * with a printer that says when the paper is out. {@code print}: takes a number and, with the paper out, stops
 * in the printer's call until killed. {@code shown}: the ticket is printed and on screen, nothing sent yet, and
 * waits to be killed. {@code resume}: starts as a kiosk does, its sender sending what the outbox holds, and exits
 * once the outbox is empty.
 */
public final class KioskVictim {
    static final String PAPER_OUT = "PAPER OUT";
    static final String SHOWN = "SHOWN ";
    static final String EMPTY = "EMPTY";

    private KioskVictim() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path data = Path.of(args[1]);
        HallClient hall = HallClient.create(URI.create(args[2]), new KioskIdentity("kiosk-victim", "", "test"))
                .withHallSecret(args[3]);
        Outbox outbox = Outbox.open(data, 1000, Clock.systemUTC());
        if (mode.equals("resume")) {
            OutboxSender sender = new OutboxSender(outbox, OutboxSender.over(hall), Clock.systemUTC(), new Random());
            sender.start();
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!outbox.pending().isEmpty() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            System.out.println(outbox.pending().isEmpty() ? EMPTY : "NOT EMPTY " + outbox.pending());
            sender.close();
            outbox.close();
            System.exit(0);
        }
        boolean blockInPrint = mode.equals("print");
        TicketPrinter printer = new TicketPrinter() {
            @Override
            public PrinterState status() {
                return PrinterState.READY;
            }

            @Override
            public void print(MonoImage image) {
                if (blockInPrint) {
                    System.out.println(PAPER_OUT);
                    System.out.flush();
                    sleepForever();
                }
            }

            @Override
            public int dotsWide() {
                return 576;
            }

            @Override
            public String describe() {
                return "victim";
            }

            @Override
            public void close() {
            }
        };
        QueueViewModel.Setup setup = new QueueViewModel.Setup(Optional.of(new QueueClient(hall)), Optional.of(outbox),
                Optional.of(printer), false, URI.create(args[2]), "测试大厅", Duration.ofSeconds(20));
        QueueViewModel model = new QueueViewModel(Messages.simplifiedChinese(), setup, new CurrentThreadTaskExecutor(),
                (ticket, dots) -> new MonoImage(dots, 8, new byte[dots]), new RecordingNavigator(), Optional.empty());
        model.open();
        model.choose(model.tilesProperty().get().stream().filter(QueueViewModel.QueueTile::available).findFirst()
                .orElseThrow());
        model.confirm(false);
        if (model.stepProperty().get() != QueueViewModel.Step.TICKET) {
            System.out.println("FAILED " + model.messageProperty().get());
            System.exit(1);
        }
        System.out.println(SHOWN + model.ticketProperty().get().number());
        System.out.flush();
        sleepForever();
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // Only the kill ends it.
            }
        }
    }
}
