package org.yizhan.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

/** The polling and backoff policy, without waiting for it. */
class SyncSchedulerTest {
    private static final Duration INTERVAL = Duration.ofMinutes(15);

    private static SyncOutcome outcome(SyncOutcome.Kind kind) {
        return new SyncOutcome(kind, 3, kind == SyncOutcome.Kind.APPLIED || kind == SyncOutcome.Kind.NOT_MODIFIED ? "" : "x",
                Instant.EPOCH);
    }

    /** A generator that always answers {@code value}: 0 is the shortest jitter, 1 the longest. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private static Duration delay(SyncOutcome.Kind kind, int failures, double jitter) {
        return SyncScheduler.nextDelay(outcome(kind), failures, INTERVAL, fixed(jitter));
    }

    @Test
    void successPollsAtTheIntervalWithTwentyPercentJitter() {
        assertEquals(Duration.ofMinutes(12), delay(SyncOutcome.Kind.NOT_MODIFIED, 0, 0));
        assertEquals(Duration.ofMinutes(18), delay(SyncOutcome.Kind.APPLIED, 0, 1));
        RandomGenerator random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            Duration d = SyncScheduler.nextDelay(outcome(SyncOutcome.Kind.NOT_MODIFIED), 0, INTERVAL, random);
            assertTrue(d.compareTo(Duration.ofMinutes(12)) >= 0 && d.compareTo(Duration.ofMinutes(18)) <= 0, d.toString());
        }
    }

    @Test
    void anUnreachableServerIsRetriedSoonThenLessOftenUpToTheInterval() {
        assertEquals(Duration.ofSeconds(30), delay(SyncOutcome.Kind.UNREACHABLE, 1, 0.5));
        assertEquals(Duration.ofSeconds(60), delay(SyncOutcome.Kind.UNREACHABLE, 2, 0.5));
        assertEquals(Duration.ofSeconds(120), delay(SyncOutcome.Kind.UNREACHABLE, 3, 0.5));
        assertEquals(INTERVAL, delay(SyncOutcome.Kind.UNREACHABLE, 10, 0.5));
        assertEquals(INTERVAL, delay(SyncOutcome.Kind.UNREACHABLE, 1000, 0.5), "no overflow after many failures");
    }

    @Test
    void aRefusedAnswerBacksOffLongerThanAnUnreachableServer() {
        for (int failures = 1; failures < 12; failures++) {
            assertTrue(delay(SyncOutcome.Kind.REJECTED, failures, 0.5).compareTo(delay(SyncOutcome.Kind.UNREACHABLE, failures, 0.5)) > 0
                    || delay(SyncOutcome.Kind.REJECTED, failures, 0.5).equals(INTERVAL.multipliedBy(4)), "failures=" + failures);
        }
        assertEquals(Duration.ofMinutes(5), delay(SyncOutcome.Kind.REJECTED, 1, 0.5));
        assertEquals(INTERVAL.multipliedBy(4), delay(SyncOutcome.Kind.REJECTED, 8, 0.5));
    }

    @Test
    void anAttemptThatThrewIsRetriedLikeAnUnreachableServer() {
        assertEquals(Duration.ofSeconds(30), SyncScheduler.nextDelay(null, 1, INTERVAL, fixed(0.5)));
    }
}
