package org.yizhan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.yizhan.testing.Fx;

/** The kiosk's executor: work off the FX thread, every answer on it, none after a cancel. */
class UiTaskExecutorTest {

    /** One thread, so work handed over later runs after earlier work has ended and posted its answer. */
    private final UiTaskExecutor tasks = new UiTaskExecutor(1);
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void workRunsInTheBackgroundAndItsResultArrivesOnTheFxThread() throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        tasks.execute(() -> Thread.currentThread().getName(),
                name -> result.complete(name + (Platform.isFxApplicationThread() ? " → FX" : " → elsewhere")),
                result::completeExceptionally);
        assertEquals("yizhan-background-1 → FX", result.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aFailureReachesTheFailureCallbackOnTheFxThread() throws Exception {
        CompletableFuture<String> failure = new CompletableFuture<>();
        tasks.execute(() -> {
            throw new java.io.IOException("hall server unreachable");
        }, ok -> failure.complete("success?"),
                e -> failure.complete(e.getMessage() + (Platform.isFxApplicationThread() ? " on FX" : " elsewhere")));
        assertEquals("hall server unreachable on FX", failure.get(10, TimeUnit.SECONDS));
    }

    @Test
    void workCancelledWhileRunningDeliversNothing() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TaskExecutor.Cancellable call = tasks.execute(() -> {
            started.countDown();
            release.await();
            return "answer";
        }, delivered::add, e -> delivered.add("failure " + e));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        call.cancel();
        release.countDown();
        awaitEverythingBefore();
        assertEquals(List.of("sentinel"), delivered, "the citizen walked away: no answer shows");
    }

    @Test
    void aCancelOnTheFxThreadBeatsAnAnswerAlreadyOnItsWay() throws Exception {
        Fx.run(() -> {
            TaskExecutor.Cancellable call = tasks.execute(() -> "answer", delivered::add, e -> delivered.add("failure"));
            // The work has ended and posted its answer to this thread, which is busy until the cancel.
            CountDownLatch after = new CountDownLatch(1);
            tasks.execute(() -> {
                after.countDown();
                return null;
            }, x -> { }, e -> { });
            try {
                assertTrue(after.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            call.cancel();
        });
        awaitEverythingBefore();
        assertEquals(List.of("sentinel"), delivered);
    }

    @Test
    void scheduledWorkWaitsForItsDelayAndACancelledOneNeverRuns() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        TaskExecutor.Cancellable dropped = tasks.schedule(Duration.ofMillis(50), ran::incrementAndGet,
                n -> delivered.add("dropped ran"), e -> { });
        dropped.cancel();
        long start = System.nanoTime();
        CompletableFuture<Long> waited = new CompletableFuture<>();
        tasks.schedule(Duration.ofMillis(200), () -> System.nanoTime() - start,
                waited::complete, waited::completeExceptionally);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(waited.get(10, TimeUnit.SECONDS)) >= 200);
        assertEquals(0, ran.get(), "cancelled before its time: never started");
        assertEquals(List.of(), delivered);
    }

    @Test
    void runOnUiThreadRunsOnTheFxThread() throws Exception {
        CompletableFuture<Boolean> onFx = new CompletableFuture<>();
        new Thread(() -> tasks.runOnUiThread(() -> onFx.complete(Platform.isFxApplicationThread())), "yizhan-sync")
                .start();
        assertTrue(onFx.get(10, TimeUnit.SECONDS));
    }

    /**
     * Hands over a last piece of work and waits for its answer: on one thread, with answers in order on the
     * FX thread, any answer of earlier work would have come before it.
     */
    private void awaitEverythingBefore() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        tasks.execute(() -> "sentinel", s -> {
            delivered.add(s);
            done.complete(null);
        }, done::completeExceptionally);
        done.get(10, TimeUnit.SECONDS);
    }
}
