package io.github.groundedbot.chat;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemorySeenEventsTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2024-05-10T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void aKeyIsNewOnlyOnceWithinTheTtl() {
        var seen = new InMemorySeenEvents(Duration.ofHours(1), 100, clock);
        assertTrue(seen.firstSighting("event:Ev1"));
        assertFalse(seen.firstSighting("event:Ev1"));
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertFalse(seen.firstSighting("event:Ev1"), "Slack retries within the hour are still duplicates");
        assertTrue(seen.firstSighting("event:Ev2"));
    }

    @Test
    void keysExpireAfterTheTtl() {
        var seen = new InMemorySeenEvents(Duration.ofHours(1), 100, clock);
        seen.firstSighting("event:Ev1");
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        seen.firstSighting("event:Ev2");
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertTrue(seen.firstSighting("event:Ev1"));
        assertFalse(seen.firstSighting("event:Ev2"));
        assertEquals(2, seen.size(), "the expired entry was dropped, not kept alongside its replacement");
    }

    @Test
    void theMapIsBoundedAndKeepsTheLatestSighting() {
        var seen = new InMemorySeenEvents(Duration.ofHours(1), 3, clock);
        for (int i = 1; i <= 5; i++) {
            assertTrue(seen.firstSighting("event:Ev" + i));
            assertFalse(seen.firstSighting("event:Ev" + i), "a retry right after the event is a duplicate");
        }
        assertEquals(3, seen.size());
    }

    @Test
    void forgottenKeysAreNewAgain() {
        var seen = new InMemorySeenEvents(Duration.ofHours(1), 100, clock);
        seen.firstSighting("message:T:C:1.2");
        seen.forget("message:T:C:1.2");
        assertTrue(seen.firstSighting("message:T:C:1.2"));
    }

    @Test
    void concurrentSightingsOfOneKeyLetExactlyOneThrough() throws InterruptedException {
        var seen = new InMemorySeenEvents(Duration.ofHours(1), 100, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Boolean> results = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 32; i++) {
            pool.execute(() -> {
                try {
                    start.await();
                    results.add(seen.firstSighting("event:EvSame"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(32, results.size());
        assertEquals(1, results.stream().filter(Boolean::booleanValue).count());
    }
}
