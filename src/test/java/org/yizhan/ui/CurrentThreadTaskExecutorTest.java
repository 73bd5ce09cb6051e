package org.yizhan.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.junit.jupiter.api.Test;
import org.yizhan.testing.CurrentThreadTaskExecutor;

/** The tests' executor, and a ViewModel that waits on the hall server, tested through it without the toolkit. */
class CurrentThreadTaskExecutorTest {

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final List<String> seen = new ArrayList<>();

    @Test
    void workAndItsCallbackRunBeforeExecuteReturns() {
        Thread test = Thread.currentThread();
        tasks.execute(() -> Thread.currentThread() == test, same -> seen.add("success, same thread " + same),
                e -> seen.add("failure"));
        assertEquals(List.of("success, same thread true"), seen);
    }

    @Test
    void aFailureGoesToTheFailureCallbackAndAFailingCallbackIsNoFailureOfTheWork() {
        tasks.execute(() -> {
            throw new IllegalStateException("refused");
        }, ok -> seen.add("success"), e -> seen.add("failure " + e.getMessage()));
        assertEquals(List.of("failure refused"), seen);
        assertThrows(IllegalArgumentException.class, () -> tasks.execute(() -> 1, ok -> {
            throw new IllegalArgumentException("bug in the callback");
        }, e -> seen.add("reported as the work's failure")));
        assertEquals(List.of("failure refused"), seen);
    }

    @Test
    void scheduledWorkWaitsForTheTestAndACancelledOneNeverRuns() {
        tasks.schedule(Duration.ofMinutes(15), () -> "retry", seen::add, e -> { });
        tasks.schedule(Duration.ofMinutes(15), () -> "dropped", seen::add, e -> { }).cancel();
        assertEquals(List.of(), seen, "nothing runs before its time");
        assertEquals(1, tasks.runScheduled());
        assertEquals(List.of("retry"), seen);
        assertEquals(0, tasks.runScheduled());
    }

    @Test
    void workScheduledByScheduledWorkWaitsForTheNextRound() {
        tasks.schedule(Duration.ofMinutes(15), () -> "first", first -> {
            seen.add(first);
            tasks.schedule(Duration.ofMinutes(15), () -> "again", seen::add, e -> { });
        }, e -> { });
        tasks.runScheduled();
        assertEquals(List.of("first"), seen, "a retry that schedules itself does not loop");
        tasks.runScheduled();
        assertEquals(List.of("first", "again"), seen);
    }

    @Test
    void theExecutorAViewModelHoldsNeedsNoJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("a ViewModel holds it and is tested without the toolkit")
                .check(new ClassFileImporter().importClasses(TaskExecutor.class, TaskExecutor.Cancellable.class));
    }

    @Test
    void aViewModelWaitingOnTheHallServerIsTestedLineByLine() {
        List<Boolean> busyWhileAsking = new ArrayList<>();
        StatusLookup[] lookup = new StatusLookup[1];
        lookup[0] = new StatusLookup(tasks, caseNumber -> {
            busyWhileAsking.add(lookup[0].busyProperty().get());
            if (caseNumber.isEmpty()) {
                throw new IllegalStateException("unreachable");
            }
            return "受理中";
        });

        lookup[0].ask("YX2026-0001");
        assertEquals(List.of(true), busyWhileAsking, "a spinner shows while the hall server is asked");
        assertFalse(lookup[0].busyProperty().get());
        assertEquals("受理中", lookup[0].answerProperty().get());

        lookup[0].ask("");
        assertFalse(lookup[0].busyProperty().get());
        assertEquals("暂时查询不到，请到咨询台咨询。", lookup[0].answerProperty().get());
    }

    /**
     * The shape of a ViewModel that waits on the network (进度查询, issue 11): it holds the executor, never a
     * thread; busy while asking; the answer or a calm message after; a new question drops the old one's
     * answer (a screen left by the citizen cancels the same way).
     */
    static final class StatusLookup {

        private final TaskExecutor tasks;
        private final Function<String, String> hallServer;
        private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
        private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper("");
        private TaskExecutor.Cancellable asking = () -> { };

        StatusLookup(TaskExecutor tasks, Function<String, String> hallServer) {
            this.tasks = tasks;
            this.hallServer = hallServer;
        }

        void ask(String caseNumber) {
            asking.cancel();
            busy.set(true);
            asking = tasks.execute(() -> hallServer.apply(caseNumber), status -> {
                busy.set(false);
                answer.set(status);
            }, failure -> {
                busy.set(false);
                answer.set("暂时查询不到，请到咨询台咨询。");
            });
        }

        ReadOnlyBooleanProperty busyProperty() {
            return busy.getReadOnlyProperty();
        }

        ReadOnlyStringProperty answerProperty() {
            return answer.getReadOnlyProperty();
        }
    }
}
