package org.yizhan.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.outbox.Outbox;
import org.yizhan.outbox.OutboxFailure;
import org.yizhan.outbox.OutboxMessage;
import org.yizhan.outbox.OutboxSender;
import org.yizhan.hall.HallFailure;
import org.yizhan.model.Service;
import org.yizhan.print.MonoImage;
import org.yizhan.print.PrintFailure;
import org.yizhan.print.PrinterState;
import org.yizhan.print.TicketPrinter;
import org.yizhan.queue.QueueBoard;
import org.yizhan.queue.QueueInfo;
import org.yizhan.queue.Queues;
import org.yizhan.queue.TicketInfo;
import org.yizhan.queue.TicketState;
import org.yizhan.testing.CurrentThreadTaskExecutor;
import org.yizhan.testing.ManualClock;
import org.yizhan.testing.RecordingNavigator;
import org.yizhan.testing.TestCatalogs;
import org.yizhan.ui.Messages;
import org.yizhan.ui.queue.QueueViewModel.Step;

/**
 * The 取号 flow without the toolkit: the server and the printer are fakes that record what they were asked; the
 * outbox is the real one, on a temporary directory, and its sender posts to the fake server when {@link #send} says.
 */
class QueueViewModelTest {
    @TempDir
    java.nio.file.Path temp;
    private Outbox outbox;

    private final Messages messages = Messages.simplifiedChinese();
    private final RecordingNavigator nav = new RecordingNavigator();
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final ManualClock clock = new ManualClock();
    private final FakeQueues server = new FakeQueues();
    private final FakePrinter printer = new FakePrinter();
    private final List<QueueViewModel.TicketView> rendered = new ArrayList<>();

    private static QueueInfo queue(String id, String prefix, String name, boolean open, String closedReason,
            Integer minutes, QueueInfo.Leads leads) {
        return new QueueInfo(id, prefix, name, name + "的说明", true, open, "08:30-12:00, 14:00-17:30", closedReason, 4,
                minutes, leads, "一楼 " + prefix + " 区");
    }

    private static final QueueInfo HUJI = queue("huji", "A", "户籍与身份证", true, null, 12,
            new QueueInfo.Leads(List.of(), List.of("gaj"), List.of()));
    private static final QueueInfo SHEBAO = queue("shebao", "B", "社保医保", true, null, null,
            new QueueInfo.Leads(List.of(), List.of("rsj"), List.of()));
    private static final QueueInfo FULL = queue("budongchan", "C", "不动产登记", false, QueueInfo.CAP_REACHED, 30,
            new QueueInfo.Leads(List.of(), List.of("zrzyj"), List.of()));
    private static final QueueInfo ZONGHE = queue("zonghe", "D", "综合窗口", true, null, 5,
            new QueueInfo.Leads(List.of(), List.of(), List.of()));

    private QueueViewModel model(Optional<TicketPrinter> withPrinter, boolean onScreen, int maxMessages,
            Optional<Service> forService) {
        if (outbox == null) {
            try {
                outbox = Outbox.open(temp, maxMessages, clock);
            } catch (OutboxFailure e) {
                throw new AssertionError(e);
            }
        }
        QueueViewModel.Setup setup = new QueueViewModel.Setup(Optional.of(server), Optional.of(outbox), withPrinter,
                onScreen, URI.create("http://dating.example.gov.cn/"), "云溪县政务服务中心", Duration.ofSeconds(20));
        return new QueueViewModel(messages, setup, tasks, (ticket, dots) -> {
            rendered.add(ticket);
            return new MonoImage(dots, 8, new byte[dots]);
        }, nav, forService);
    }

    private QueueViewModel model() {
        return model(Optional.of(printer), true, 100, Optional.empty());
    }

    /** What the outbox's sender would post now, posted to the fake server. */
    private void send() throws OutboxFailure {
        new OutboxSender(outbox, (path, body, key) -> server.log.add("POST " + path + " " + body), clock,
                new java.util.Random(1)).sendDue();
    }

    @AfterEach
    void closeOutbox() {
        if (outbox != null) {
            outbox.close();
        }
    }

    @Test
    void aQueueChosenAndConfirmedIsTakenPrintedAndThenConfirmed() throws Exception {
        QueueViewModel m = model();
        m.open();
        assertEquals(Step.CHOOSING, m.stepProperty().get());
        assertEquals(List.of("户籍与身份证", "社保医保", "不动产登记", "综合窗口"),
                m.tilesProperty().get().stream().map(QueueViewModel.QueueTile::name).toList());
        QueueViewModel.QueueTile huji = m.tilesProperty().get().get(0);
        assertEquals("等候 4 人", huji.waitingText());
        assertEquals("预计等候约 12 分钟", huji.waitText());
        assertEquals("预计等候时间：—", m.tilesProperty().get().get(1).waitText(), "no history: a dash, no invented figure");

        m.choose(huji);
        assertEquals(Step.CONFIRMING, m.stepProperty().get());
        assertEquals("确认领取“户籍与身份证”的排队号？", m.confirmQuestion());
        assertTrue(server.log.isEmpty(), "choosing takes no number");
        m.confirm(false);

        assertEquals(List.of("take huji false"), server.log);
        assertEquals(1, printer.printed.size());
        assertEquals(List.of("queue/tickets/code-A007/printed"), outbox.pending().stream().map(OutboxMessage::path).toList(),
                "the confirmation waits in the outbox, no longer held");
        assertFalse(outbox.pending().get(0).held());
        assertEquals(576, printer.printed.get(0).width(), "laid out at the printer's width");
        assertEquals(Step.TICKET, m.stepProperty().get());
        QueueViewModel.TicketView ticket = m.ticketProperty().get();
        assertEquals("A007", ticket.number());
        assertEquals("前面还有 6 人", ticket.aheadText());
        assertEquals("09:05", ticket.takenAt());
        assertEquals("http://dating.example.gov.cn/t/code-A007", ticket.statusUrl());
        assertEquals(rendered.get(0), ticket, "the screen shows what was printed");
        send();
        assertEquals(List.of("take huji false", "POST queue/tickets/code-A007/printed {}"), server.log);
        assertTrue(outbox.pending().isEmpty(), "gone once the server answered");

        assertEquals(0, nav.homes);
        tasks.runScheduled();
        assertEquals(1, nav.homes, "back home by itself after a while");
    }

    @Test
    void theConfirmationIsOnTheDiskBeforeThePaperComesOut() throws Exception {
        QueueViewModel m = model();
        m.open();
        List<List<OutboxMessage>> duringPrint = new ArrayList<>();
        printer.whilePrinting = () -> {
            try {
                duringPrint.add(outbox.pending());
            } catch (OutboxFailure e) {
                throw new AssertionError(e);
            }
        };
        m.choose(m.tilesProperty().get().get(0));
        m.confirm(false);
        assertEquals(1, duringPrint.get(0).size());
        assertTrue(duringPrint.get(0).get(0).held(), "held while printing: not sent before the paper is out");
        assertEquals("queue/tickets/code-A007/printed", duringPrint.get(0).get(0).path());
        assertEquals(Step.TICKET, m.stepProperty().get());
        m.leave();
        send();
        assertEquals(List.of("take huji false", "POST queue/tickets/code-A007/printed {}"), server.log,
                "sent after the citizen left: it is the kiosk's business, not the screen's");
    }

    @Test
    void aFullOutboxGivesNoNumber() throws Exception {
        QueueViewModel first = model(Optional.of(printer), true, 1, Optional.empty());
        first.open();
        first.choose(first.tilesProperty().get().get(0));
        first.confirm(false);
        assertEquals(Step.TICKET, first.stepProperty().get());
        assertTrue(outbox.full(), "one confirmation the server has not taken fills an outbox of one");

        QueueViewModel next = model(Optional.of(printer), true, 1, Optional.empty());
        next.open();
        next.choose(next.tilesProperty().get().get(0));
        next.confirm(false);
        assertEquals(Step.FAILED, next.stepProperty().get());
        assertEquals("本机暂时不能取号，请到服务台取号。", next.messageProperty().get());
        assertEquals(1, server.log.stream().filter(l -> l.startsWith("take")).count(), "no second number taken");
        send();
        assertFalse(outbox.full());
    }

    @Test
    void paperOutVoidsTheNumberAndSaysWhatToDo() throws Exception {
        QueueViewModel m = model();
        m.open();
        printer.failWith = PrinterState.PAPER_OUT;
        m.choose(m.tilesProperty().get().get(0));
        m.confirm(false);
        assertEquals(List.of("queue/tickets/code-A007/void"), outbox.pending().stream().map(OutboxMessage::path).toList(),
                "the held confirmation became a void");
        send();
        assertEquals(List.of("take huji false", "POST queue/tickets/code-A007/void {\"reason\":\"paper_out\"}"),
                server.log, "never confirmed, voided");
        assertEquals(Step.FAILED, m.stepProperty().get());
        assertEquals("打印机缺纸，本次号码已作废。请到服务台取号。", m.messageProperty().get());
        assertNull(m.ticketProperty().get());
    }

    @Test
    void aPrinterWithoutPaperIsSaidBeforeAnyoneChooses() {
        printer.status = PrinterState.PAPER_OUT;
        QueueViewModel m = model();
        m.open();
        assertEquals("打印机缺纸，暂时不能取号。请到服务台取号。", m.noticeProperty().get());
        m.choose(m.tilesProperty().get().get(0));
        assertEquals(Step.CHOOSING, m.stepProperty().get(), "not offered to confirm");
        assertTrue(server.log.isEmpty());
    }

    @Test
    void aClosedOrFullQueueIsShownGreyAndSaysWhy() {
        QueueViewModel m = model();
        m.open();
        QueueViewModel.QueueTile full = m.tilesProperty().get().get(2);
        assertFalse(full.available());
        assertEquals("今日号已取完，请明天再来。", full.closedText());
        m.choose(full);
        assertEquals(Step.CHOOSING, m.stepProperty().get());
        assertEquals("今日号已取完，请明天再来。", m.messageProperty().get());
    }

    @Test
    void fiftyPressesGiveTheHallsTicketsAMinuteAndAMessage() {
        QueueViewModel m = model();
        int tickets = 0;
        for (int press = 0; press < 50; press++) {
            m.leave();
            m.open();
            m.choose(m.tilesProperty().get().get(0));
            m.confirm(false);
            if (m.stepProperty().get() == Step.TICKET) {
                tickets++;
            }
        }
        assertEquals(3, tickets, "the hall's rule, from the server: no count of the kiosk's own");
        assertEquals("本机每分钟最多出 3 张号，请稍后再试；如需帮助请到服务台。", m.messageProperty().get());
        assertEquals(3, server.log.stream().filter(l -> l.startsWith("take")).count());
        server.takenThisMinute = 0;
        m.leave();
        m.open();
        m.choose(m.tilesProperty().get().get(0));
        m.confirm(false);
        assertEquals(Step.TICKET, m.stepProperty().get(), "a minute later there is a ticket again");
    }

    @Test
    void fromAGuideItGoesStraightToTheServicesQueue() {
        Service sfz = TestCatalogs.small().services().stream().filter(s -> s.departmentId().equals("gaj")).findFirst()
                .orElseThrow();
        QueueViewModel m = model(Optional.of(printer), true, 100, Optional.of(sfz));
        m.open();
        assertEquals(Step.CONFIRMING, m.stepProperty().get());
        assertEquals("huji", m.chosenProperty().get().id());

        Service other = TestCatalogs.small().services().stream()
                .filter(s -> !s.departmentId().equals("gaj") && !s.departmentId().equals("rsj")
                        && !s.departmentId().equals("zrzyj"))
                .findFirst().orElseThrow();
        QueueViewModel n = model(Optional.of(printer), true, 100, Optional.of(other));
        n.open();
        assertEquals("zonghe", n.chosenProperty().get().id(), "a service no queue names goes to the catch-all");
    }

    @Test
    void theServerDownIsOnePlainSentence() {
        server.down = true;
        QueueViewModel m = model();
        m.open();
        assertEquals(Step.FAILED, m.stepProperty().get());
        assertEquals("暂时连不上大厅排队系统，请稍后再试或到服务台取号。", m.messageProperty().get());
    }

    @Test
    void theServersRefusalsAreSaidInTheirOwnWords() {
        QueueViewModel m = model();
        m.open();
        server.refuse = new HallFailure.Refused("the server refused: 409", 409, "cap_reached", "queue huji has given its 200 numbers today");
        m.choose(m.tilesProperty().get().get(0));
        m.confirm(false);
        assertEquals(Step.FAILED, m.stepProperty().get());
        assertEquals("今日号已取完，请明天再来。", m.messageProperty().get());
        assertTrue(printer.printed.isEmpty());
    }

    @Test
    void withoutAPrinterTheNumberIsShownOnScreenOnlyWhereTheHallAllowsIt() throws Exception {
        QueueViewModel m = model(Optional.empty(), true, 100, Optional.empty());
        m.open();
        m.choose(m.tilesProperty().get().get(0));
        m.confirm(true);
        send();
        assertEquals(List.of("take huji true", "POST queue/tickets/code-A007/printed {}"), server.log);
        assertFalse(m.ticketProperty().get().onPaper());

        QueueViewModel refused = model(Optional.empty(), false, 100, Optional.empty());
        refused.open();
        assertEquals(Step.FAILED, refused.stepProperty().get());
        assertEquals("本机不提供取号，请到服务台取号。", refused.messageProperty().get());
    }

    @Test
    void theTicketIsReadAloudWithItsNumberOneCharacterAtATimeAndWhereToWait() {
        QueueViewModel m = model();
        m.open();
        assertEquals("", m.spokenTextProperty().getValue(), "nothing to read before a ticket");
        m.choose(m.tilesProperty().get().get(0));
        m.confirm(false);
        QueueViewModel.TicketView ticket = m.ticketProperty().get();
        String spoken = m.spokenTextProperty().getValue();
        assertTrue(spoken.startsWith("您的号码：A 0 0 7。业务：户籍与身份证。前面还有 6 人。预计等候约"), spoken);
        if (!ticket.location().isEmpty()) {
            assertTrue(spoken.contains("等候地点：" + ticket.location()), spoken);
        }
        assertTrue(spoken.endsWith("请留意叫号，过号需重新取号。"), spoken);
        assertFalse(spoken.contains(ticket.statusUrl()), "the address is for the phone, not the ear");
        m.leave();
        assertEquals("", m.spokenTextProperty().getValue());
    }

    @Test
    void anUnknownWaitIsLeftOutRatherThanReadAsADash() {
        QueueViewModel m = model();
        QueueViewModel.TicketView ticket = new QueueViewModel.TicketView("大厅", "B012", "社保医保", "前面还有 2 人",
                "预计等候时间：—", "", "09:05", "", true);
        assertEquals("您的号码：B 0 1 2。业务：社保医保。前面还有 2 人。请留意叫号，过号需重新取号。", m.spoken(ticket));
    }

    @Test
    void leavingForgetsTheTicketAndDropsWhatIsStillToCome() {
        QueueViewModel m = model();
        m.open();
        m.choose(m.tilesProperty().get().get(0));
        m.confirm(false);
        m.leave();
        assertNull(m.ticketProperty().get());
        assertEquals(0, tasks.runScheduled(), "the ride home was cancelled with the screen");
    }

    @Test
    void theTicketShownIsRatedByItsNumberAndQueueAndNotOnceLeft() {
        QueueViewModel m = model();
        m.open();
        m.rate();
        assertTrue(nav.visited.isEmpty(), "nothing to rate before a ticket");
        m.choose(m.tilesProperty().get().get(0));
        m.confirm(false);
        m.rate();
        assertEquals(new org.yizhan.ui.Destination.Rating("A007", "huji", "", ""), nav.last());
        m.leave();
        m.rate();
        assertEquals(1, nav.visited.size());
    }

    /** Answers like the hall server; records what it was asked. */
    private static final class FakeQueues implements Queues {
        final List<String> log = new ArrayList<>();
        boolean down;
        HallFailure refuse;
        int takenThisMinute;

        @Override
        public QueueBoard board() throws HallFailure {
            if (down) {
                throw new HallFailure.Unreachable("connection refused: 127.0.0.1:9");
            }
            return new QueueBoard("云溪县政务服务中心", "2026-11-30", "Asia/Shanghai", 3, List.of(HUJI, SHEBAO, FULL, ZONGHE));
        }

        @Override
        public TicketInfo take(String queueId, boolean priority) throws HallFailure {
            if (refuse != null) {
                throw refuse;
            }
            if (takenThisMinute == 3) {
                throw new HallFailure.Refused("the server answered HTTP 429", 429, "too_many", "this kiosk has taken 3");
            }
            takenThisMinute++;
            log.add("take " + queueId + " " + priority);
            return ticket(TicketState.ISSUED);
        }

        @Override
        public TicketInfo printed(String code) {
            log.add("printed A007");
            return ticket(TicketState.PRINTED);
        }

        @Override
        public TicketInfo voided(String code, String reason) {
            log.add("void A007 " + reason);
            return ticket(TicketState.VOIDED);
        }

        private static TicketInfo ticket(TicketState state) {
            return new TicketInfo("code-A007", "A007", "huji", "户籍与身份证", false, state, "2026-11-30T09:05:00+08:00",
                    "2026-11-30", 6, 18, "一楼 A 区", null, "/t/code-A007");
        }
    }

    private static final class FakePrinter implements TicketPrinter {
        final List<MonoImage> printed = new ArrayList<>();
        PrinterState status = PrinterState.READY;
        PrinterState failWith;
        Runnable whilePrinting = () -> { };

        @Override
        public PrinterState status() {
            return status;
        }

        @Override
        public void print(MonoImage image) throws PrintFailure {
            if (failWith != null) {
                throw new PrintFailure(failWith, "the printer says " + failWith);
            }
            whilePrinting.run();
            printed.add(image);
        }

        @Override
        public int dotsWide() {
            return 576;
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public void close() {
        }
    }
}
