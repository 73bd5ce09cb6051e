package org.yizhan.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.config.TraditionalVoice;

/** The running of the processes, with programs every Linux has standing in for a speech engine. */
class ProcessSpeechEngineTest {

    /** Reads for as many seconds as the text says, or, with "cat", says back its input and ends. */
    private static final class Stand extends ProcessSpeechEngine {
        Stand() {
            super(TraditionalVoice.CANTONESE);
        }

        @Override
        public String name() {
            return "stand-in";
        }

        @Override
        public SpeechCommand command(String text, SpokenLanguage language) {
            return text.equals("cat") ? new SpeechCommand(List.of("/bin/cat"), "some text")
                    : new SpeechCommand(List.of("/bin/sleep", text), "");
        }
    }

    private final Stand engine = new Stand();

    @BeforeEach
    void linux() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sleep")) && Files.isExecutable(Path.of("/bin/cat")),
                "needs /bin/sleep and /bin/cat to stand in for a speech engine");
    }

    @AfterEach
    void stop() {
        engine.stop();
    }

    private ProcessHandle awaitProcess() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.process().isEmpty()) {
            assertTrue(System.nanoTime() < end, "the process started");
            Thread.sleep(5);
        }
        return engine.process().orElseThrow();
    }

    @Test
    void stopKillsTheProcessAndTheFinishedCallIsNotMade() throws Exception {
        AtomicInteger finished = new AtomicInteger();
        engine.speak("30", Locale.CHINA, finished::incrementAndGet);
        ProcessHandle reading = awaitProcess();
        assertTrue(reading.isAlive());
        engine.stop();
        reading.onExit().get(5, TimeUnit.SECONDS);
        assertFalse(reading.isAlive(), "killed");
        assertTrue(engine.process().isEmpty());
        Thread.sleep(100); // its thread sees the exit
        assertEquals(0, finished.get(), "a stopped reading is not reported as read");
    }

    @Test
    void aNewTextEndsTheOneBeingRead() throws Exception {
        AtomicInteger firstFinished = new AtomicInteger();
        engine.speak("30", Locale.CHINA, firstFinished::incrementAndGet);
        ProcessHandle first = awaitProcess();
        CountDownLatch secondFinished = new CountDownLatch(1);
        engine.speak("cat", Locale.CHINA, secondFinished::countDown);
        first.onExit().get(5, TimeUnit.SECONDS);
        assertTrue(secondFinished.await(10, TimeUnit.SECONDS), "the second one is read to its end");
        assertEquals(0, firstFinished.get());
    }

    @Test
    void aTextReadToItsEndIsReportedOnce() throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        engine.speak("cat", Locale.CHINA, finished::countDown);
        assertTrue(finished.await(10, TimeUnit.SECONDS));
        assertTrue(engine.process().isEmpty(), "nothing left running");
    }

    @Test
    void speakReturnsBeforeTheProcessStarts() {
        String caller = Thread.currentThread().getName();
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            engine.speak("30", Locale.CHINA, calls::incrementAndGet);
        }
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
        assertTrue(micros < 200_000, "20 calls took " + micros + " µs");
        assertNotEquals("yizhan-speech", caller);
    }
}
