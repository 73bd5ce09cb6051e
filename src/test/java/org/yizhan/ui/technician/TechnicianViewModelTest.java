package org.yizhan.ui.technician;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.yizhan.print.MonoImage;
import org.yizhan.testing.CurrentThreadTaskExecutor;
import org.yizhan.testing.ManualClock;
import org.yizhan.testing.RecordingNavigator;
import org.yizhan.ui.Messages;
import org.yizhan.ui.technician.TechnicianViewModel.Step;

class TechnicianViewModelTest {
    private final Messages messages = Messages.simplifiedChinese();
    private final ManualClock clock = new ManualClock();
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final FakeMaintenance kiosk = new FakeMaintenance();
    private final PinDelay delay = new PinDelay();
    private final List<Integer> pagesLaidOut = new ArrayList<>();

    private TechnicianViewModel model() {
        return new TechnicianViewModel(messages, kiosk, delay, tasks, navigator, clock, dots -> {
            pagesLaidOut.add(dots);
            return MonoImage.blank(dots, 8);
        });
    }

    private static void typeDigits(TechnicianViewModel model, String digits) {
        digits.chars().forEach(c -> model.type(String.valueOf((char) c)));
    }

    @Test
    void theRightPinOpensThePanelWithTheKiosksState() {
        TechnicianViewModel model = model();
        typeDigits(model, "2468");
        assertEquals("●●●●", model.maskedPin(), "the PIN itself is never shown");
        model.submit();
        assertEquals(Step.OPEN, model.stepProperty().get());
        assertEquals(List.of("2468"), kiosk.pinsChecked);
        assertEquals("本机", model.factsProperty().get().get(0).title());
        assertEquals("", model.pinProperty().get(), "the PIN typed is forgotten once checked");
    }

    @Test
    void aWrongPinMakesTheNextTryWaitLongerEachTime() {
        TechnicianViewModel model = model();
        typeDigits(model, "1111");
        model.submit();
        assertEquals(Step.PIN, model.stepProperty().get());
        assertTrue(model.pinMessageProperty().get().contains("5 秒"), model.pinMessageProperty().get());

        typeDigits(model, "2468");
        model.submit();
        assertEquals(List.of("1111"), kiosk.pinsChecked, "a try within the wait is not even checked");
        assertEquals(Step.PIN, model.stepProperty().get());

        clock.advance(Duration.ofSeconds(5));
        typeDigits(model, "0000");
        model.submit();
        assertTrue(model.pinMessageProperty().get().contains("10 秒"), model.pinMessageProperty().get());

        TechnicianViewModel again = model();
        assertTrue(again.pinMessageProperty().get().contains("秒后再试"), "closing and opening the panel does not reset it");
        clock.advance(Duration.ofSeconds(10));
        typeDigits(again, "2468");
        again.submit();
        assertEquals(Step.OPEN, again.stepProperty().get());
        assertEquals(java.util.Optional.empty(), delay.wait(clock.instant()), "the right PIN ends the count");
    }

    @Test
    void thePadTakesDigitsOnlyAndAtMostTwelve() {
        TechnicianViewModel model = model();
        typeDigits(model, "12a34567890123");
        assertEquals(12, model.pinProperty().get().length());
        assertFalse(model.pinProperty().get().contains("a"));
        model.backspace();
        assertEquals(11, model.pinProperty().get().length());
        model.clear();
        model.submit();
        assertTrue(kiosk.pinsChecked.isEmpty(), "nothing typed, nothing checked");
    }

    @Test
    void actionsDoNothingBeforeThePin() {
        TechnicianViewModel model = model();
        model.syncNow();
        model.restartUi();
        model.quit();
        model.reload();
        assertEquals(0, kiosk.syncs + kiosk.restarts + kiosk.quits + kiosk.reloads);
    }

    @Test
    void eachActionShowsItsResult() {
        TechnicianViewModel model = open();
        model.syncNow();
        assertEquals("sync: applied version 7", model.resultProperty().get());
        model.printTest();
        assertEquals(List.of(576), pagesLaidOut, "the test page is laid out at the printer's width");
        assertEquals("printed 576", model.resultProperty().get());

        kiosk.failPrint = true;
        model.printTest();
        assertTrue(model.resultProperty().get().startsWith("操作失败："), model.resultProperty().get());
        assertTrue(model.resultProperty().get().contains("paper out"));
        assertFalse(model.busyProperty().get(), "a failed action frees the buttons");

        model.restartUi();
        model.quit();
        assertEquals(1, kiosk.restarts);
        assertEquals(1, kiosk.quits);
    }

    @Test
    void aReloadThatCanBeAppliedRebuildsTheScreensAfterItWasRead() {
        TechnicianViewModel model = open();
        kiosk.reloadAnswer = new Maintenance.Reload(Maintenance.Outcome.APPLIED, List.of("有变化的项：idle.timeout"));
        model.reload();
        assertTrue(model.resultProperty().get().contains("idle.timeout"), model.resultProperty().get());
        assertEquals(0, kiosk.restarts, "not before the technician could read it");
        tasks.runScheduled();
        assertEquals(1, kiosk.restarts);

        kiosk.reloadAnswer = new Maintenance.Reload(Maintenance.Outcome.INVALID, List.of("idle.timeout: 必须是 15 到 3600"));
        model.reload();
        assertTrue(model.resultProperty().get().startsWith("配置有问题，未采用"), model.resultProperty().get());
        assertTrue(model.resultProperty().get().contains("idle.timeout: 必须是"));
        assertEquals(0, tasks.runScheduled(), "an invalid file changes nothing");
    }

    @Test
    void noPrinterNoTestTicket() {
        kiosk.dots = OptionalInt.empty();
        TechnicianViewModel model = open();
        assertFalse(model.hasPrinter());
        model.printTest();
        assertTrue(pagesLaidOut.isEmpty());
    }

    @Test
    void leavingForgetsWhatWasTyped() {
        TechnicianViewModel model = model();
        typeDigits(model, "24");
        model.left();
        assertEquals("", model.pinProperty().get());
        model.close();
        assertEquals(1, navigator.homes);
    }

    private TechnicianViewModel open() {
        TechnicianViewModel model = model();
        typeDigits(model, "2468");
        model.submit();
        assertEquals(Step.OPEN, model.stepProperty().get());
        return model;
    }

    private static final class FakeMaintenance implements Maintenance {
        final List<String> pinsChecked = new ArrayList<>();
        int syncs;
        int restarts;
        int quits;
        int reloads;
        boolean failPrint;
        OptionalInt dots = OptionalInt.of(576);
        Reload reloadAnswer = new Reload(Outcome.UNCHANGED, List.of());

        @Override
        public boolean pinMatches(String pin) {
            pinsChecked.add(pin);
            return pin.equals("2468");
        }

        @Override
        public List<Section> facts() {
            return List.of(new Section("本机", List.of(Line.of("编号", "kiosk-01"))));
        }

        @Override
        public String syncNow() {
            syncs++;
            return "sync: applied version 7";
        }

        @Override
        public OptionalInt printerDots() {
            return dots;
        }

        @Override
        public String printTest(MonoImage page) throws Exception {
            if (failPrint) {
                throw new Exception("paper out");
            }
            return "printed " + page.width();
        }

        @Override
        public Reload reload() {
            reloads++;
            return reloadAnswer;
        }

        @Override
        public void restartUi() {
            restarts++;
        }

        @Override
        public void quit() {
            quits++;
        }
    }
}
